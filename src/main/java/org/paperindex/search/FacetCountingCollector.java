package org.paperindex.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.util.FixedBitSet;
import org.paperindex.index.FacetColumns;

/**
 * Counts the hits of one {@link FacetCounter} pass on the packed {@link FacetColumns} rows, per
 * segment in document order, from a Lucene scorer or from a bit set of hits: a hit that passes
 * every facet filter counts in every counted dimension, one that fails exactly one filter only
 * in that filter's dimension (drill-sideways), one that fails two in none. Hits are counted in
 * batches, table by table ({@link FacetLeafPlan}). A segment is counted through the
 * {@link LeafCollector} of {@link #leaf} (fed by a Lucene bulk scorer) or by {@link #countBits}.
 */
final class FacetCountingCollector {

  private static final int BATCH = 256;

  private final FacetColumns[] cols;
  private final int[][] counts;
  private final int[] fdim;
  private final boolean[][] accepted;
  private final FacetLeafPlan.Tables tables = new FacetLeafPlan.Tables();
  private final int tableBits;
  long hits;

  /** Counts every hit in {@code counts}' dimensions: no facet filter. */
  FacetCountingCollector(FacetColumns[] cols, int[][] counts, int tableBits) {
    this(cols, counts, new int[0], new boolean[0][], tableBits);
  }

  FacetCountingCollector(FacetColumns[] cols, int[][] counts, int[] fdim, boolean[][] accepted,
      int tableBits) {
    this.tableBits = tableBits;
    this.cols = cols;
    this.counts = counts;
    this.fdim = fdim;
    this.accepted = accepted;
  }

  /** The collector of one segment's hits; {@link LeafCollector#finish} ends its counting. */
  LeafCollector leaf(LeafReaderContext context) {
    return newLeaf(context);
  }

  private Leaf newLeaf(LeafReaderContext context) {
    FacetColumns col = cols[context.ord];
    return new Leaf(col, FacetLeafPlan.of(col, counts, tables, tableBits));
  }

  /** Counts the documents set in {@code bits}, hits of {@code leaf}. */
  void countBits(LeafReaderContext leaf, FixedBitSet bits) {
    Leaf l = newLeaf(leaf);
    l.collect(bits);
    l.finish();
  }

  /**
   * One increment in {@code table} per row, at the row's bits {@code shift} up under {@code
   * mask}, in the lane of its position ({@link FacetLeafPlan#LANE_BITS}).
   */
  private static void tally(int[] table, int shift, int mask, long[] rows, int k) {
    for (int i = 0; i < k; i++) {
      table[((int) (rows[i] >>> shift) & mask) << FacetLeafPlan.LANE_BITS
          | i & FacetLeafPlan.LANE_MASK]++;
    }
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

    /** Collects the documents set in {@code bits}, word by word. */
    void collect(FixedBitSet bits) {
      long[] words = bits.getBits();
      for (int w = 0, n = bits.length() + 63 >>> 6; w < n; w++) {
        long word = words[w];
        while (word != 0) {
          docs[buffered++] = w << 6 | Long.numberOfTrailingZeros(word);
          word &= word - 1;
          if (buffered == BATCH) {
            flush();
          }
        }
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
      countHits(fdim.length == 0 ? k : sideways(k));
      buffered = 0;
    }

    /**
     * Counts the batch's hits that fail exactly one facet filter in that filter's dimension
     * (sideways: as if its own filter were not set), drops those that fail two, and moves the
     * hits of the search, which pass every filter, to the front of the batch; returns how many.
     */
    private int sideways(int k) {
      int hitsOfSearch = 0;
      for (int i = 0; i < k; i++) {
        long r = batch[i];
        int doc = docs[i];
        int failed = -1;
        for (int f = 0; f < fdim.length && failed != -2; f++) {
          if (!passes(fdim[f], accepted[f], r, doc)) {
            failed = failed == -1 ? f : -2; // -2: fails two filters, in no count at all
          }
        }
        if (failed == -1) {
          batch[hitsOfSearch] = r;
          docs[hitsOfSearch++] = doc;
        } else if (failed >= 0 && counts[fdim[failed]] != null) {
          add(fdim[failed], r, doc);
        }
      }
      return hitsOfSearch;
    }

    /**
     * Counts the first {@code k} hits of the batch, hits of the search: table by table, so each
     * loop keeps its table, shift and mask in registers, and one increment per table whatever
     * the labels, so the loop has no branch the CPU could mispredict (empty slots count in
     * entry 0, which is never read).
     */
    private void countHits(int k) {
      if (k == 0) {
        return;
      }
      hits += k;
      counted = true;
      long[] b = batch;
      for (int g = 0; g < ng; g++) {
        tally(gCount[g], gShift[g], gMask[g], b, k);
      }
      for (int p = 0; p < np; p++) {
        tally(pCount[p], pShift[p], pMask[p], b, k);
      }
      for (int d : direct) {
        for (int i = 0; i < k; i++) {
          add(d, b[i], docs[i]);
        }
      }
      for (int d : sideOnly) {
        for (int i = 0; i < k; i++) {
          if ((b[i] >>> overflow[d] & 1) != 0) {
            side(d, docs[i]);
          }
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

