package org.paperindex.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Results of one searcher kept for repeated requests: whole responses by request (a front end
 * re-asking, a popular query) and facet counts by their query and filters (page 2, another sort
 * or the highlights toggled count the same hits). Like Elasticsearch's request cache it lives as
 * long as its point-in-time view: every refresh that changes the index makes a new searcher and
 * so an empty cache, and nothing cached can be stale. Least recently used entries go first; facet
 * counts are also bounded by the ints they hold. With no entries allowed it keeps nothing and
 * every call computes. Thread-safe.
 */
final class SearchCache {

  /** Facet counts at most this many ints in all (4 bytes each). */
  private static final long MAX_COUNT_INTS = 4L << 20;

  private final int maxEntries;
  private final Map<SearchRequest, SearchResponse> responses;
  private final Map<Object, FacetCounts> counts;
  private long countInts;

  SearchCache(int maxEntries) {
    this.maxEntries = maxEntries;
    this.responses = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<SearchRequest, SearchResponse> e) {
        return size() > SearchCache.this.maxEntries;
      }
    };
    this.counts = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** The response to {@code req}, computed by {@code search} unless cached. */
  SearchResponse response(SearchRequest req, Supplier<SearchResponse> search) {
    if (maxEntries == 0) {
      return search.get();
    }
    synchronized (responses) {
      SearchResponse r = responses.get(req);
      if (r != null) {
        return r;
      }
    }
    SearchResponse r = search.get(); // outside the lock: other requests go on meanwhile
    synchronized (responses) {
      responses.put(req, r);
    }
    return r;
  }

  /** The counts for {@code key}, computed by {@code count} unless cached. */
  FacetCounts counts(Object key, Supplier<FacetCounts> count) {
    if (maxEntries == 0) {
      return count.get();
    }
    synchronized (counts) {
      FacetCounts c = counts.get(key);
      if (c != null) {
        return c;
      }
    }
    FacetCounts c = count.get();
    synchronized (counts) {
      if (counts.put(key, c) == null) {
        countInts += c.ints();
      }
      var it = counts.values().iterator();
      while ((counts.size() > maxEntries || countInts > MAX_COUNT_INTS) && it.hasNext()) {
        countInts -= it.next().ints();
        it.remove();
      }
    }
    return c;
  }
}
