package org.paperindex.search;

/** A search: query text ({@code null}, empty or {@code *} for everything), page size and 1-based page. */
public record SearchRequest(String q, int size, int page) {

  /** The first page of {@code size} results. */
  public static SearchRequest of(String q, int size) {
    return new SearchRequest(q, size, 1);
  }
}
