package org.paperindex.search;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * without its facet filters), on the packed {@link FacetColumns} rows: a hit that passes every
 * facet filter is a hit of the search and counts in every requested dimension; a hit that fails
 * exactly one filter counts only in that filter's dimension, so a dimension a value was picked
 * in still shows the counts of its other values; a hit that fails two or more filters does not
 * count. This is what Lucene's {@code DrillSideways} computes, without its per-hit doc-values
 * decoding and ordinal mapping. The base query is matched without scoring (the page of hits is
 * searched separately, where Lucene can skip non-competitive documents).
 */
final class FacetCounter {

  private static final int BATCH = 256;

  private FacetCounter() {}

  /**
   * Counts for the dimensions marked in {@code dims} (indexed like {@link PaperSchema#FACET_DIMS})
   * over the hits of {@code base} filtered by {@code filters} (at most one per dimension).
   */
  static FacetCounts count(PaperSearcher s, Query base, List<FacetFilter> filters, boolean[] dims) {
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
    try {
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
    } catch (IOException e) {
      throw new UncheckedIOException("facet counting failed", e);
    }
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
      long[] rows = col.rows();
      int[] shift = new int[n];
      int[] width = new int[n];
      long[] mask = new long[n];
      int[] slots = new int[n];
      int[] overflow = new int[n];
      int[][] starts = new int[n][];
      int[][] values = new int[n][];
      // the dimensions to count, split: one inline slot and no side table (year, flags, the
      // primary category) take a short path; a dimension with no value in this segment is skipped
      List<Integer> simple = new ArrayList<>();
      List<Integer> other = new ArrayList<>();
      for (int d = 0; d < n; d++) {
        shift[d] = col.shift(d);
        width[d] = col.width(d);
        mask[d] = (1L << width[d]) - 1;
        slots[d] = col.slots(d);
        overflow[d] = col.overflowBit(d);
        starts[d] = col.starts(d);
        values[d] = col.values(d);
        if (counts[d] == null) {
          continue;
        }
        if (slots[d] == 1 && overflow[d] < 0) {
          simple.add(d);
        } else if (slots[d] > 0 || overflow[d] >= 0) {
          other.add(d);
        }
      }
      int[] want = other.stream().mapToInt(Integer::intValue).toArray();
      int ns = simple.size();
      int[] sShift = new int[ns];
      long[] sMask = new long[ns];
      int[][] sCounts = new int[ns][];
      for (int k = 0; k < ns; k++) {
        int d = simple.get(k);
        sShift[k] = shift[d];
        sMask[k] = mask[d];
        sCounts[k] = counts[d];
      }
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        // hits are buffered and their rows loaded in a separate loop: the loads of a batch are
        // independent, so the CPU overlaps their cache misses instead of waiting for each in turn
        private final int[] docs = new int[BATCH];
        private final long[] batch = new long[BATCH];
        private int buffered;

        @Override
        public void collect(int doc) {
          docs[buffered++] = doc;
          if (buffered == BATCH) {
            flush();
          }
        }

        @Override
        public void finish() {
          flush();
        }

        private void flush() {
          int k = buffered;
          for (int i = 0; i < k; i++) {
            batch[i] = rows[docs[i]];
          }
          for (int i = 0; i < k; i++) {
            count(batch[i], docs[i]);
          }
          buffered = 0;
        }

        private void count(long r, int doc) {
          int failed = -1;
          for (int f = 0; f < fdim.length; f++) {
            if (!passes(fdim[f], accepted[f], r, doc)) {
              if (failed >= 0) {
                return; // fails two filters: in no count at all
              }
              failed = f;
            }
          }
          if (failed < 0) {
            hits++;
            for (int k = 0; k < ns; k++) {
              int v = (int) (r >>> sShift[k] & sMask[k]);
              if (v != 0) {
                sCounts[k][v - 1]++;
              }
            }
            for (int d : want) {
              add(d, r, doc);
            }
          } else if (counts[fdim[failed]] != null) {
            add(fdim[failed], r, doc); // sideways: counted as if its own filter were not set
          }
        }

        private boolean passes(int d, boolean[] ok, long r, int doc) {
          if (overflow[d] >= 0 && (r >>> overflow[d] & 1) != 0) {
            for (int i = starts[d][doc], e = starts[d][doc + 1]; i < e; i++) {
              if (ok[values[d][i]]) {
                return true;
              }
            }
            return false;
          }
          for (int s = 0, at = shift[d]; s < slots[d]; s++, at += width[d]) {
            int v = (int) (r >>> at & mask[d]);
            if (v == 0) {
              return false;
            }
            if (ok[v - 1]) {
              return true;
            }
          }
          return false;
        }

        private void add(int d, long r, int doc) {
          int[] c = counts[d];
          if (overflow[d] >= 0 && (r >>> overflow[d] & 1) != 0) {
            for (int i = starts[d][doc], e = starts[d][doc + 1]; i < e; i++) {
              c[values[d][i]]++;
            }
            return;
          }
          for (int s = 0, at = shift[d]; s < slots[d]; s++, at += width[d]) {
            int v = (int) (r >>> at & mask[d]);
            if (v == 0) {
              return;
            }
            c[v - 1]++;
          }
        }
      };
    }
  }
}
