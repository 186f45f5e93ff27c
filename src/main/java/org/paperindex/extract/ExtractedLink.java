package org.paperindex.extract;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import org.paperindex.model.Source;

/**
 * One normalised link found in a paper's text: what it points to ({@link Kind}), whether the
 * wording says it is the paper's own release, and which source text it came from.
 */
public record ExtractedLink(String url, String host, Kind kind, boolean official, Source source) {

  public ExtractedLink {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(kind, "kind");
  }

  /** The same link with another official flag. */
  public ExtractedLink withOfficial(boolean value) {
    return new ExtractedLink(url, host, kind, value, source);
  }

  /** What a link points to; the JSON label is the lower-case name. */
  public enum Kind {
    CODE,
    DATASET,
    PROJECT,
    OTHER;

    @JsonValue
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
