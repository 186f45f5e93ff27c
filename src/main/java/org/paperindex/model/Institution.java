package org.paperindex.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A canonical institution (a ROR record) that one or more raw affiliation strings of a paper
 * resolved to: the best match score, the channels the strings came from, and the strings.
 */
public record Institution(
    String rorId,
    String name,
    String countryCode,
    String country,
    double score,
    Set<Source> sources,
    List<String> affiliations) {

  public Institution {
    Objects.requireNonNull(rorId, "rorId");
    Objects.requireNonNull(name, "name");
    if (score < 0 || score > 1.000001) {
      throw new IllegalArgumentException("score must be in [0, 1]: " + score);
    }
    sources = sources == null || sources.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sources));
    affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
  }
}
