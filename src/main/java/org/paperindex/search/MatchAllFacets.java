package org.paperindex.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.paperindex.index.PaperSearcher;
import org.paperindex.search.SearchResponse.FacetValue;

/**
 * Facet counts and total of the unfiltered browse (no query text, no filter), counted once per
 * searcher. That request is a front page's, and the most expensive one: its counts cover every
 * paper, yet they change only when the index does, and every refresh brings a new searcher.
 */
final class MatchAllFacets {

  private static final Object KEY = MatchAllFacets.class;

  private final Facets facets;
  private final long total;

  private MatchAllFacets(Facets facets, long total) {
    this.facets = facets;
    this.total = total;
  }

  /** The counts for {@code unfiltered} (the same query on every call) on this searcher. */
  static MatchAllFacets of(PaperSearcher s, Query unfiltered, SortedSetDocValuesReaderState state) {
    return s.memo(KEY, () -> count(s, unfiltered, state));
  }

  private static MatchAllFacets count(IndexSearcher s, Query q, SortedSetDocValuesReaderState state) {
    try {
      FacetsCollector fc = s.search(q, new FacetsCollectorManager());
      return new MatchAllFacets(new SortedSetDocValuesFacetCounts(state, fc), FacetComputer.total(fc));
    } catch (IOException e) {
      throw new UncheckedIOException("facet counting failed", e);
    }
  }

  long total() {
    return total;
  }

  /** Top values per dimension; serialised because the counts' label lookup is not thread-safe. */
  Map<String, List<FacetValue>> read(List<String> dims, int size) throws IOException {
    synchronized (facets) {
      return FacetComputer.read(facets, dims, size);
    }
  }
}
