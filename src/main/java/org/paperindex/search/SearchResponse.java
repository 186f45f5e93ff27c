package org.paperindex.search;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of results: the total number of matches, the hits on this page, facet counts per
 * dimension (in schema order) and the cursor for the next page ({@code null} at the end).
 */
public record SearchResponse(
    long total, List<Hit> hits, Map<String, List<FacetValue>> facets, String nextCursor) {

  public SearchResponse {
    hits = List.copyOf(hits);
    // LinkedHashMap copy: the order of dimensions is part of the response
    facets = facets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(facets));
  }

  /** A page without facets or cursor. */
  public SearchResponse(long total, List<Hit> hits) {
    this(total, hits, Map.of(), null);
  }

  /** One facet value and how many matching papers have it. */
  public record FacetValue(String value, long count) {}

  /**
   * One result: what a result list shows (JSON names as the record components). {@code
   * highlights} maps {@code title} and {@code abstract} to HTML-escaped snippets with matches in
   * {@code <mark>}; it is empty when highlighting was not asked for.
   */
  public record Hit(
      String id, String title, List<String> authors, int year, String primaryCategory,
      List<String> categories, LocalDate submitted, LocalDate updated, boolean withdrawn,
      Map<String, String> highlights) {

    public Hit {
      authors = authors == null ? List.of() : List.copyOf(authors);
      categories = categories == null ? List.of() : List.copyOf(categories);
      highlights = highlights == null ? Map.of()
          : Collections.unmodifiableMap(new LinkedHashMap<>(highlights));
    }

    /** The original five-field hit (the rest empty). */
    public Hit(String id, String title, List<String> authors, int year, String primaryCategory) {
      this(id, title, authors, year, primaryCategory, List.of(), null, null, false, Map.of());
    }

    /** This hit with these highlights. */
    public Hit withHighlights(Map<String, String> h) {
      return new Hit(id, title, authors, year, primaryCategory, categories, submitted, updated,
          withdrawn, h);
    }
  }
}
