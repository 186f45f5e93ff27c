package org.paperindex.parse;

import java.util.Objects;

/**
 * A record that could not be parsed or validated: kept with its raw text and the reason so it
 * can be quarantined, shown to operators and retried after a fix. {@code identifier} is whatever
 * identifier could be read (may be null); {@code raw} is the record's original text (XML element
 * or JSON line), truncated to a sane size by the producer.
 */
public record RejectedRecord(String identifier, String reason, String raw) {
  public static final int MAX_RAW_CHARS = 1_000_000;

  public RejectedRecord {
    Objects.requireNonNull(reason, "reason");
    raw = raw == null ? "" : raw.length() > MAX_RAW_CHARS ? raw.substring(0, MAX_RAW_CHARS) : raw;
  }
}
