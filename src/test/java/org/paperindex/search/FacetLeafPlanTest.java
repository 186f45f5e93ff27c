package org.paperindex.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.index.PaperIndex;
import org.paperindex.index.PaperSchema;
import org.paperindex.index.PaperSearcher;

/**
 * Counting through the joint and per-slot tables gives the same counts as counting every label
 * directly (table width 0), whatever the widest table allowed: 1 and 3 bits split the joint
 * tables and send wide dimensions (thousands of institutions) down the direct path, as a real
 * index with many institutions does at the default width. {@link FacetEngineEquivalenceTest}
 * checks the default against Lucene's drill-sideways.
 */
class FacetLeafPlanTest {
  @TempDir Path dir;

  @Test
  void everyTableWidthCountsWhatDirectCountingCounts() {
    Random rnd = new Random(11);
    try (PaperIndex index =
        FacetEngineEquivalenceTest.randomIndex(dir.resolve("index"), rnd, 500, 400, 120)) {
      int nonEmpty = index.withSearcher(s -> {
        PaperSearcher ps = (PaperSearcher) s;
        int counted = 0;
        for (int q = 0; q < 200; q++) {
          SearchRequest r = FacetEngineEquivalenceTest.request(rnd);
          QueryBuilder.Built b = QueryBuilder.build(r);
          boolean[] mask = new boolean[PaperSchema.FACET_DIMS.size()];
          for (String d : r.facetDims()) {
            mask[PaperSchema.FACET_DIMS.indexOf(d)] = true;
          }
          FacetCounts direct = FacetCounter.count(ps, b.query().getBaseQuery(), b.facetFilters(), mask, null,
              new FacetCounter.Strategy(0, 0, 0, 1));
          for (int bits : new int[] {1, 3, FacetLeafPlan.DEFAULT_TABLE_BITS}) {
            FacetCounts tables = FacetCounter.count(ps, b.query().getBaseQuery(), b.facetFilters(), mask,
                null, new FacetCounter.Strategy(bits, 0, 0, 1));
            assertThat(tables.hits()).as("%s, %d bits", r, bits).isEqualTo(direct.hits());
            assertThat(tables.counts()).as("%s, %d bits", r, bits).isDeepEqualTo(direct.counts());
          }
          counted += direct.hits() > 0 ? 1 : 0;
        }
        return counted;
      });
      assertThat(nonEmpty).isGreaterThan(100);
    }
  }
}
