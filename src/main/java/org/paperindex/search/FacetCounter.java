package org.paperindex.search;

import java.io.IOException;
import java.io.UncheckedIOException;
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
    return count(s, base, filters, dims, FacetLeafPlan.DEFAULT_TABLE_BITS);
  }

  /** As above, with count tables of at most {@code tableBits} bits (0: every label counted directly). */
  static FacetCounts count(PaperSearcher s, Query base, List<FacetFilter> filters, boolean[] dims,
      int tableBits) {
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
    Counting c = new Counting(cols, counts, fdim, accepted, tableBits);
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
    private final FacetLeafPlan.Tables tables = new FacetLeafPlan.Tables();
    private final int tableBits;
    long hits;

    Counting(FacetColumns[] cols, int[][] counts, int[] fdim, boolean[][] accepted,
        int tableBits) {
      this.tableBits = tableBits;
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
      return new Leaf(col, FacetLeafPlan.of(col, counts, tables, tableBits));
    }

    /** Counts the hits of one segment. */
    private final class Leaf implements LeafCollector {
      private final long[] rows;
      private final FacetLeafPlan plan;
      private final int[] shift;
      private final int[] width;
      private final long[] mask;
      private final int[] slots;
      private final int[] overflow;
      private final int[][] starts;
      private final int[][] values;
      // the plan's hot-loop tables, copied to fields the JIT keeps in registers
      private final int ng;
      private final int[] gShift;
      private final int[] gMask;
      private final int[][] gCount;
      private final int np;
      private final int[] pShift;
      private final int[] pMask;
      private final int[][] pCount;
      private final int[] direct;
      private final int[] sideOnly;
      // hits are buffered and their rows loaded in a separate loop: the loads of a batch are
      // independent, so the CPU overlaps their cache misses instead of waiting for each in turn
      private final int[] docs = new int[BATCH];
      private final long[] batch = new long[BATCH];
      private int buffered;
      private boolean counted;

      Leaf(FacetColumns col, FacetLeafPlan plan) {
        this.rows = col.rows();
        this.plan = plan;
        int n = counts.length;
        shift = new int[n];
        width = new int[n];
        mask = new long[n];
        slots = new int[n];
        overflow = new int[n];
        starts = new int[n][];
        values = new int[n][];
        for (int d = 0; d < n; d++) {
          shift[d] = col.shift(d);
          width[d] = col.width(d);
          mask[d] = (1L << width[d]) - 1;
          slots[d] = col.slots(d);
          overflow[d] = col.overflowBit(d);
          starts[d] = col.starts(d);
          values[d] = col.values(d);
        }
        ng = plan.gShift.length;
        gShift = plan.gShift;
        gMask = plan.gMask;
        gCount = plan.gCount;
        np = plan.pShift.length;
        pShift = plan.pShift;
        pMask = plan.pMask;
        pCount = plan.pCount;
        direct = plan.direct;
        sideOnly = plan.sideOnly;
      }

      @Override
      public void setScorer(Scorable scorer) {}

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
        if (counted) {
          plan.drain(counts);
        }
      }

      private void flush() {
        int k = buffered;
        for (int i = 0; i < k; i++) {
          batch[i] = rows[docs[i]];
        }
        if (fdim.length == 0) {
          for (int i = 0; i < k; i++) {
            countHit(batch[i], docs[i]);
          }
        } else {
          for (int i = 0; i < k; i++) {
            count(batch[i], docs[i]);
          }
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
          countHit(r, doc);
        } else if (counts[fdim[failed]] != null) {
          add(fdim[failed], r, doc); // sideways: counted as if its own filter were not set
        }
      }

      /**
       * A hit of the search: one increment per table, whatever the labels, so the loop has no
       * branch the CPU could mispredict (empty slots count in entry 0, which is never read).
       */
      private void countHit(long r, int doc) {
        hits++;
        counted = true;
        for (int g = 0; g < ng; g++) {
          gCount[g][(int) (r >>> gShift[g]) & gMask[g]]++;
        }
        for (int p = 0; p < np; p++) {
          pCount[p][(int) (r >>> pShift[p]) & pMask[p]]++;
        }
        for (int d : direct) {
          add(d, r, doc);
        }
        for (int d : sideOnly) {
          if ((r >>> overflow[d] & 1) != 0) {
            side(d, doc);
          }
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

      /** Counts {@code doc}'s labels of {@code d} straight into the counts. */
      private void add(int d, long r, int doc) {
        if (overflow[d] >= 0 && (r >>> overflow[d] & 1) != 0) {
          side(d, doc);
          return;
        }
        int[] c = counts[d];
        for (int s = 0, at = shift[d]; s < slots[d]; s++, at += width[d]) {
          int v = (int) (r >>> at & mask[d]);
          if (v == 0) {
            return;
          }
          c[v - 1]++;
        }
      }

      private void side(int d, int doc) {
        int[] c = counts[d];
        int[] vs = values[d];
        for (int i = starts[d][doc], e = starts[d][doc + 1]; i < e; i++) {
          c[vs[i]]++;
        }
      }
    }
  }
}
