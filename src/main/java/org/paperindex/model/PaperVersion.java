package org.paperindex.model;

import java.time.Instant;
import java.util.Objects;

/** One version of a paper: {@code v1}, {@code v2}, ... with its submission time and size if known. */
public record PaperVersion(String version, Instant date, String size) implements Comparable<PaperVersion> {

  public PaperVersion {
    Objects.requireNonNull(version, "version");
    if (!version.matches("v[1-9]\\d{0,2}")) {
      throw new IllegalArgumentException("bad version label: " + version);
    }
  }

  /** The number of this version (2 for {@code v2}). */
  public int number() {
    return Integer.parseInt(version.substring(1));
  }

  @Override
  public int compareTo(PaperVersion o) {
    return Integer.compare(number(), o.number());
  }
}
