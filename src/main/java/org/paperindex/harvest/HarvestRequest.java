package org.paperindex.harvest;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One OAI-PMH ListRecords window: {@code from}/{@code until} (inclusive UTC days, each nullable =
 * open), {@code set} (nullable = all of arXiv, e.g. {@code cs:cs:AI}) and the metadata format.
 */
public record HarvestRequest(LocalDate from, LocalDate until, String set, String metadataPrefix) {
  public HarvestRequest {
    if (metadataPrefix == null || metadataPrefix.isBlank()) {
      throw new IllegalArgumentException("metadataPrefix is required");
    }
    metadataPrefix = metadataPrefix.strip();
    set = set == null || set.isBlank() ? null : set.strip();
    if (from != null && until != null && from.isAfter(until)) {
      throw new IllegalArgumentException("from " + from + " is after until " + until);
    }
  }

  public HarvestRequest withFrom(LocalDate newFrom) {
    return new HarvestRequest(Objects.requireNonNull(newFrom), until, set, metadataPrefix);
  }
}
