package org.paperindex.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.index.PaperIndex;
import org.paperindex.index.PaperSchema;
import org.paperindex.index.PaperSearcher;
import org.paperindex.store.TestPapers;

/**
 * However a pass finds its hits, the counts are the same: hit by hit from Lucene's scorer, from
 * bit sets ({@link HitBits}) in every segment, or as everything minus the complement, including
 * a search whose hits lie outside everything (a pasted id of a stub), over several segments
 * with updated (deleted) papers.
 */
class FacetStrategyTest {
  @TempDir Path dir;

  private static final FacetCounter.Strategy LUCENE =
      new FacetCounter.Strategy(FacetLeafPlan.DEFAULT_TABLE_BITS, 0, 0, 2);
  private static final FacetCounter.Strategy BITS =
      new FacetCounter.Strategy(FacetLeafPlan.DEFAULT_TABLE_BITS, Integer.MAX_VALUE, Integer.MAX_VALUE, 2);
  private static final FacetCounter.Strategy COMPLEMENT =
      new FacetCounter.Strategy(FacetLeafPlan.DEFAULT_TABLE_BITS, Integer.MAX_VALUE, Integer.MAX_VALUE, 0);

  @Test
  void bitSetsAndComplementsCountWhatTheScorerCounts() {
    Random rnd = new Random(23);
    try (PaperIndex index =
        FacetEngineEquivalenceTest.randomIndex(dir.resolve("index"), rnd, 600, 300, 150)) {
      index.upsert(TestPapers.stub("2402.00001"));
      index.upsert(TestPapers.stub("2402.00002"));
      index.refresh();
      List<SearchRequest> requests = new ArrayList<>();
      for (int q = 0; q < 200; q++) {
        requests.add(FacetEngineEquivalenceTest.request(rnd));
      }
      requests.add(SearchRequest.of("2402.00001", 10)); // a stub: outside everything
      requests.add(SearchRequest.of("graph OR spin OR lattice OR neural OR quantum OR flow", 10));
      requests.add(SearchRequest.of("-graph", 10)); // matches nothing
      requests.add(SearchRequest.of("graph -spin", 10));
      requests.add(SearchRequest.of("(graph OR flow) NOT (lattice OR quantum)", 10));
      requests.add(SearchRequest.of("\"neural flow\" OR lattice", 10));
      int[] unfilteredHits = {0};
      index.withSearcher(s -> {
        PaperSearcher ps = (PaperSearcher) s;
        boolean[] all = new boolean[PaperSchema.FACET_DIMS.size()];
        Arrays.fill(all, true);
        FacetCounts everything = FacetCounter.count(ps, QueryBuilder.everything(), List.of(), all);
        FacetCounter.Everything ev =
            new FacetCounter.Everything(QueryBuilder.everything(), () -> everything);
        for (SearchRequest r : requests) {
          QueryBuilder.Built b = QueryBuilder.build(r);
          boolean[] mask = new boolean[PaperSchema.FACET_DIMS.size()];
          for (String d : r.facetDims()) {
            mask[PaperSchema.FACET_DIMS.indexOf(d)] = true;
          }
          FacetCounts expected = FacetCounter.count(ps, b.query().getBaseQuery(), b.facetFilters(),
              mask, ev, LUCENE);
          for (FacetCounter.Strategy st :
              List.of(BITS, COMPLEMENT, FacetCounter.Strategy.DEFAULT)) {
            FacetCounts got = FacetCounter.count(ps, b.query().getBaseQuery(), b.facetFilters(),
                mask, ev, st);
            assertThat(got.hits()).as("%s with %s", r, st).isEqualTo(expected.hits());
            assertThat(got.counts()).as("%s with %s", r, st).isDeepEqualTo(expected.counts());
          }
          if (b.facetFilters().isEmpty() && expected.hits() > 0) {
            unfilteredHits[0]++; // counted as everything minus the complement above
          }
        }
        return null;
      });
      assertThat(unfilteredHits[0]).isGreaterThan(30);
    }
  }
}
