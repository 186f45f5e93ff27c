package org.paperindex.search;

import java.util.ArrayList;
import java.util.List;
import org.paperindex.index.FacetColumns;

/**
 * How {@link FacetCounter} counts the hits of one segment, worked out from the segment's {@link
 * FacetColumns} layout so that counting a hit is a fixed number of increments with no branch
 * that depends on the labels (a mispredicted branch costs more than the increment itself):
 *
 * <ul>
 *   <li><b>joint tables</b>: single-valued dimensions that lie next to each other in the row,
 *       together at most {@code tableBits} wide, are counted with one increment on their
 *       combined bits (year, the primary category and the two flags: two increments instead of
 *       four), and split into per-dimension counts when the segment is done;
 *   <li><b>slot tables</b>: each slot of a narrow multi-valued dimension (categories) has a
 *       table indexed by its bits; an empty slot counts in entry 0, which is never read;
 *   <li><b>direct</b>: a dimension too wide for a table (thousands of institutions) is counted
 *       straight into its counts, with branches; papers whose labels overflow the row are
 *       counted from the side table.
 * </ul>
 *
 * Not thread-safe: a plan belongs to one counting pass, whose tables it borrows.
 */
final class FacetLeafPlan {

  /** The widest table, in bits of the row (4,096 ints: 16 KiB, in the CPU's first caches). */
  static final int DEFAULT_TABLE_BITS = 12;

  /**
   * Each table keeps {@code 1 << LANE_BITS} counters per key, side by side, and consecutive hits
   * count in different lanes: the same key in consecutive hits (the same year, an empty slot)
   * would otherwise make each increment wait for the previous one's store. Two lanes cut the
   * counting of q=u (416k hits at 1M papers) from 4.0-4.2 to 3.1-3.4 ms; four gained no more.
   */
  static final int LANE_BITS = 1;
  static final int LANE_MASK = (1 << LANE_BITS) - 1;

  final int[] gShift;
  final int[] gMask;
  final int[][] gCount;
  private final int[][] gDims; // the counted dimensions of each joint table
  private final int[][] gRel; // their first bit within the table's bits
  private final int[][] gDimMask;
  final int[] pShift;
  final int[] pMask;
  final int[][] pCount;
  private final int[] pDim;
  final int[] direct;
  final int[] sideOnly; // dimensions with slot tables whose overflowing papers are in the side table

  private FacetLeafPlan(List<int[]> groups, List<int[]> slotTables, int[] direct, int[] sideOnly,
      FacetColumns col, int[][] counts, Tables tables) {
    int ng = groups.size();
    gShift = new int[ng];
    gMask = new int[ng];
    gCount = new int[ng][];
    gDims = new int[ng][];
    gRel = new int[ng][];
    gDimMask = new int[ng][];
    for (int g = 0; g < ng; g++) {
      int[] members = groups.get(g);
      int lo = col.shift(members[0]);
      int bits = 0;
      List<Integer> counted = new ArrayList<>();
      for (int d : members) {
        bits += col.width(d);
        if (counts[d] != null) {
          counted.add(d);
        }
      }
      gShift[g] = lo;
      gMask[g] = (1 << bits) - 1;
      gCount[g] = tables.borrow(1 << bits << LANE_BITS);
      gDims[g] = counted.stream().mapToInt(Integer::intValue).toArray();
      gRel[g] = counted.stream().mapToInt(d -> col.shift(d) - lo).toArray();
      gDimMask[g] = counted.stream().mapToInt(d -> (1 << col.width(d)) - 1).toArray();
    }
    int np = slotTables.size();
    pShift = new int[np];
    pMask = new int[np];
    pCount = new int[np][];
    pDim = new int[np];
    for (int p = 0; p < np; p++) {
      int d = slotTables.get(p)[0];
      int slot = slotTables.get(p)[1];
      pDim[p] = d;
      pShift[p] = col.shift(d) + slot * col.width(d);
      pMask[p] = (1 << col.width(d)) - 1;
      pCount[p] = tables.borrow(1 << col.width(d) << LANE_BITS);
    }
    this.direct = direct;
    this.sideOnly = sideOnly;
  }

  /**
   * The plan for counting the dimensions with non-null {@code counts} in a segment laid out as
   * {@code col}, with tables of at most {@code tableBits} bits borrowed from {@code tables}.
   */
  static FacetLeafPlan of(FacetColumns col, int[][] counts, Tables tables, int tableBits) {
    tables.reset();
    int n = counts.length;
    // single-valued dimensions in bit order, grouped while they are contiguous and fit a table
    List<Integer> single = new ArrayList<>();
    List<Integer> direct = new ArrayList<>();
    List<Integer> sideOnly = new ArrayList<>();
    List<int[]> slotTables = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      boolean valued = col.slots(d) > 0 || col.overflowBit(d) >= 0;
      if (!valued) {
        continue; // no paper of this segment has a label in d
      }
      boolean narrow = col.width(d) <= tableBits;
      if (col.slots(d) == 1 && col.overflowBit(d) < 0 && narrow) {
        single.add(d); // grouped below, counted or not: a neighbour's table may span it
      } else if (counts[d] == null) {
        continue;
      } else if (narrow && col.slots(d) > 0) {
        for (int s = 0; s < col.slots(d); s++) {
          slotTables.add(new int[] {d, s});
        }
        if (col.overflowBit(d) >= 0) {
          sideOnly.add(d);
        }
      } else {
        direct.add(d);
      }
    }
    single.sort((a, b) -> Integer.compare(col.shift(a), col.shift(b)));
    List<int[]> groups = new ArrayList<>();
    List<Integer> group = new ArrayList<>();
    int end = -1;
    int bits = 0;
    for (int d : single) {
      if (group.isEmpty() || col.shift(d) != end || bits + col.width(d) > tableBits) {
        addIfCounted(groups, group, counts);
        group = new ArrayList<>();
        bits = 0;
      }
      group.add(d);
      bits += col.width(d);
      end = col.shift(d) + col.width(d);
    }
    addIfCounted(groups, group, counts);
    return new FacetLeafPlan(groups, slotTables, toArray(direct), toArray(sideOnly), col, counts,
        tables);
  }

  private static void addIfCounted(List<int[]> groups, List<Integer> group, int[][] counts) {
    if (group.stream().anyMatch(d -> counts[d] != null)) {
      groups.add(toArray(group));
    }
  }

  private static int[] toArray(List<Integer> xs) {
    return xs.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Adds what the tables counted to {@code counts} and clears the tables for the next segment. */
  void drain(int[][] counts) {
    for (int g = 0; g < gCount.length; g++) {
      int[] t = gCount[g];
      int[] dims = gDims[g];
      for (int key = 0; key <= gMask[g]; key++) {
        int c = lanes(t, key);
        if (c == 0) {
          continue;
        }
        for (int m = 0; m < dims.length; m++) {
          int v = key >>> gRel[g][m] & gDimMask[g][m];
          if (v != 0) {
            counts[dims[m]][v - 1] += c;
          }
        }
      }
    }
    for (int p = 0; p < pCount.length; p++) {
      int[] t = pCount[p];
      int[] c = counts[pDim[p]];
      lanes(t, 0); // empty slots: never read
      for (int v = 1; v <= pMask[p]; v++) {
        int n = lanes(t, v);
        if (n != 0) { // keys past the last label are never counted
          c[v - 1] += n;
        }
      }
    }
  }

  /** The sum of {@code key}'s lanes in {@code table}, which are cleared. */
  private static int lanes(int[] table, int key) {
    int sum = 0;
    for (int i = key << LANE_BITS, e = i + (1 << LANE_BITS); i < e; i++) {
      sum += table[i];
      table[i] = 0;
    }
    return sum;
  }

  /**
   * The tables of one counting pass, reused from segment to segment (segments are counted one
   * after the other; a drained table is all zeros again).
   */
  static final class Tables {
    private final List<int[]> pool = new ArrayList<>();
    private int used;

    void reset() {
      used = 0;
    }

    int[] borrow(int size) {
      if (used == pool.size()) {
        pool.add(new int[size]);
      } else if (pool.get(used).length < size) {
        pool.set(used, new int[size]);
      }
      return pool.get(used++);
    }
  }
}
