package org.paperindex.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.DrillSideways.ConcurrentDrillSidewaysResult;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.paperindex.index.PaperSchema;
import org.paperindex.index.PaperSearcher;
import org.paperindex.search.SearchResponse.FacetValue;

/**
 * Facets the way Lucene's facet module computes them: {@link DrillSideways} over sorted-set doc
 * values, collecting the page in the same pass. Not what the service uses (see {@link
 * FacetCounter}, which is several times faster); kept as the reference that tests compare the
 * service's counts with and the baseline the benchmark measures against.
 */
final class LuceneFacets {

  /** The page, the total and the facets of one search. */
  record Result(TopFieldDocs docs, long total, Map<String, List<FacetValue>> facets) {}

  private LuceneFacets() {}

  static Result search(PaperSearcher s, QueryBuilder.Built b, TopFieldCollectorManager top,
      List<String> dims, int facetSize, boolean cacheUnfiltered) throws IOException {
    Optional<SortedSetDocValuesReaderState> state = s.facetState();
    if (state.isEmpty()) {
      return new Result(s.search(b.query(), top), s.count(b.query()),
          FacetComputer.read(null, dims, facetSize));
    }
    if (b.unfiltered() && cacheUnfiltered) {
      MatchAllFacets all = MatchAllFacets.of(s, b.query(), state.get());
      return new Result(s.search(b.query(), top), all.total(), all.read(dims, facetSize));
    }
    // drill-sideways: each facet filter's own dimension is counted as if it were not set
    DrillSideways ds = new DrillSideways(s, PaperSchema.facetsConfig(), state.get());
    ConcurrentDrillSidewaysResult<TopFieldDocs> r = ds.search(b.query(), top);
    return new Result(r.collectorResult, FacetComputer.total(r.drillDownFacetsCollector),
        FacetComputer.read(r.facets, dims, facetSize));
  }
}
