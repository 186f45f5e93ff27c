package org.paperindex.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A code, dataset or project link of a paper: normalised URL, its host, its kind ({@code code},
 * {@code dataset}, {@code project}, {@code other}), whether the wording marks it as the paper's
 * own release, and the channel it was found in.
 */
public record Link(String url, String host, String kind, boolean official, Source source) {
  public static final String CODE = "code";
  public static final String DATASET = "dataset";
  public static final String PROJECT = "project";
  public static final String OTHER = "other";

  public Link {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(source, "source");
    host = host == null ? "" : host.toLowerCase(Locale.ROOT);
    kind = kind == null ? OTHER : kind.toLowerCase(Locale.ROOT);
    if (!kind.equals(CODE) && !kind.equals(DATASET) && !kind.equals(PROJECT) && !kind.equals(OTHER)) {
      throw new IllegalArgumentException("unknown link kind: " + kind);
    }
  }
}
