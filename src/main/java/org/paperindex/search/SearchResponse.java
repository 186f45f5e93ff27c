package org.paperindex.search;

import java.util.List;

/** One page of results: the total number of matches and the hits on this page. */
public record SearchResponse(long total, List<Hit> hits) {

  public SearchResponse {
    hits = List.copyOf(hits);
  }

  /** One result: what a result list shows (JSON names as the record components). */
  public record Hit(String id, String title, List<String> authors, int year, String primaryCategory) {
    public Hit {
      authors = authors == null ? List.of() : List.copyOf(authors);
    }
  }
}
