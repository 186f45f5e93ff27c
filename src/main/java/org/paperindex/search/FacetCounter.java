package org.paperindex.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.paperindex.index.FacetColumns;
import org.paperindex.index.PaperSchema;
import org.paperindex.index.PaperSearcher;

/**
 * Counts facets with drill-sideways semantics in one pass over the base query's hits (the query
 * without its facet filters), on the uninverted {@link FacetColumns}: a hit that passes every
 * facet filter is a hit of the search and counts in every requested dimension; a hit that fails
 * exactly one filter counts only in that filter's dimension, so a dimension a value was picked
 * in still shows the counts of its other values; a hit that fails two or more filters does not
 * count. This is what Lucene's {@code DrillSideways} computes, without its per-hit doc-values
 * decoding and ordinal mapping. The base query is matched without scoring (the page of hits is
 * searched separately, where Lucene can skip non-competitive documents).
 */
final class FacetCounter {

  private FacetCounter() {}

  /**
   * Counts for {@code dims} (indexes into {@link PaperSchema#FACET_DIMS}; null entries false)
   * over the hits of {@code base} filtered by {@code filters} (at most one per dimension).
   */
  static FacetCounts count(PaperSearcher s, Query base, List<FacetFilter> filters, boolean[] dims)
      throws IOException {
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    FacetColumns[] cols = new FacetColumns[leaves.size()];
    for (LeafReaderContext leaf : leaves) {
      cols[leaf.ord] = s.facetColumns(leaf); // before sizing the counts: may add labels
    }
    int n = PaperSchema.FACET_DIMS.size();
    int nf = filters.size();
    int[] fdim = new int[nf];
    boolean[][] accepted = new boolean[nf][];
    for (int f = 0; f < nf; f++) {
      fdim[f] = PaperSchema.FACET_DIMS.indexOf(filters.get(f).dim());
      accepted[f] = filters.get(f).resolve(s.facetLabels(fdim[f]));
    }
    int[][] counts = new int[n][];
    for (int d = 0; d < n; d++) {
      if (dims[d]) {
        counts[d] = new int[s.facetLabels(d).size()];
      }
    }
    Counting c = new Counting(cols, counts, fdim, accepted);
    s.search(base, new CollectorManager<Counting, Counting>() {
      @Override
      public Counting newCollector() {
        return c; // the searcher has no executor: one collector, segments in turn
      }

      @Override
      public Counting reduce(Collection<Counting> collectors) {
        return c;
      }
    });
    return new FacetCounts(c.hits, counts);
  }

  /** The collector: per segment, reads the columns of each hit in document order. */
  private static final class Counting implements Collector {
    private final FacetColumns[] cols;
    private final int[][] counts;
    private final int[] fdim;
    private final boolean[][] accepted;
    long hits;

    Counting(FacetColumns[] cols, int[][] counts, int[] fdim, boolean[][] accepted) {
      this.cols = cols;
      this.counts = counts;
      this.fdim = fdim;
      this.accepted = accepted;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
      FacetColumns col = cols[context.ord];
      int n = counts.length;
      int[][] singles = new int[n][];
      int[][] starts = new int[n][];
      int[][] values = new int[n][];
      List<Integer> wanted = new ArrayList<>();
      for (int d = 0; d < n; d++) {
        singles[d] = col.singles(d);
        starts[d] = col.starts(d);
        values[d] = col.values(d);
        if (counts[d] != null) {
          wanted.add(d);
        }
      }
      int[] want = wanted.stream().mapToInt(Integer::intValue).toArray();
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          int failed = -1;
          for (int f = 0; f < fdim.length; f++) {
            if (!passes(fdim[f], accepted[f], doc)) {
              if (failed >= 0) {
                return; // fails two filters: in no count at all
              }
              failed = f;
            }
          }
          if (failed < 0) {
            hits++;
            for (int d : want) {
              add(d, doc);
            }
          } else if (counts[fdim[failed]] != null) {
            add(fdim[failed], doc); // sideways: counted as if its own filter were not set
          }
        }

        private boolean passes(int d, boolean[] ok, int doc) {
          int[] sg = singles[d];
          if (sg != null) {
            int v = sg[doc] - 1;
            return v >= 0 && v < ok.length && ok[v];
          }
          int[] st = starts[d];
          int[] vs = values[d];
          for (int i = st[doc], e = st[doc + 1]; i < e; i++) {
            int v = vs[i];
            if (v < ok.length && ok[v]) {
              return true;
            }
          }
          return false;
        }

        private void add(int d, int doc) {
          int[] c = counts[d];
          int[] sg = singles[d];
          if (sg != null) {
            int v = sg[doc];
            if (v != 0) {
              c[v - 1]++;
            }
            return;
          }
          int[] st = starts[d];
          int[] vs = values[d];
          for (int i = st[doc], e = st[doc + 1]; i < e; i++) {
            c[vs[i]]++;
          }
        }
      };
    }
  }
}
