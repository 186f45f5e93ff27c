package org.paperindex.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.paperindex.index.FacetLabels;
import org.paperindex.index.PaperSchema;
import org.paperindex.index.PaperSearcher;
import org.paperindex.search.SearchResponse.FacetValue;

/**
 * What {@link FacetCounter} counted: the number of hits and, per counted dimension, a count per
 * label id. Read-only once made, so one instance can serve many requests (the unfiltered
 * browse's counts are kept per searcher).
 */
record FacetCounts(long hits, int[][] counts) {

  /** Number of ints the counts hold (for cache accounting). */
  long ints() {
    long n = 0;
    for (int[] c : counts) {
      n += c == null ? 0 : c.length;
    }
    return n;
  }

  /** Whether these counts have every dimension {@code shape} has, with as many labels. */
  boolean covers(int[][] shape) {
    for (int d = 0; d < shape.length; d++) {
      if (shape[d] != null && (counts[d] == null || counts[d].length != shape[d].length)) {
        return false;
      }
    }
    return true;
  }

  /**
   * These counts less {@code other}'s, in the dimensions {@code other} has (the others left
   * out): the counts of a set of papers from those of a larger set and of the difference.
   */
  FacetCounts minus(FacetCounts other) {
    int[][] out = new int[counts.length][];
    for (int d = 0; d < counts.length; d++) {
      if (other.counts[d] != null) {
        out[d] = counts[d].clone();
        for (int v = 0; v < out[d].length; v++) {
          out[d][v] -= other.counts[d][v];
        }
      }
    }
    return new FacetCounts(hits - other.hits, out);
  }

  /** These counts with dimension {@code dim}'s replaced by {@code c}. */
  FacetCounts with(int dim, int[] c) {
    int[][] copy = counts.clone();
    copy[dim] = c;
    return new FacetCounts(hits, copy);
  }

  /**
   * The top {@code size} values of each of {@code dims}, by count and then label (the order
   * Lucene's facets use), values with a count of zero left out.
   */
  Map<String, List<FacetValue>> top(PaperSearcher s, List<String> dims, int size) {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : dims) {
      int d = PaperSchema.FACET_DIMS.indexOf(dim);
      out.put(dim, d < 0 || counts[d] == null ? List.of() : top(counts[d], s.facetLabels(d), size));
    }
    return out;
  }

  private static List<FacetValue> top(int[] c, FacetLabels labels, int size) {
    // a min-heap of the best `size` so far: its head is the weakest kept value
    PriorityQueue<FacetValue> best = new PriorityQueue<>(size + 1,
        (a, b) -> a.count() != b.count() ? Long.compare(a.count(), b.count())
            : compareCodePoints(b.value(), a.value()));
    for (int id = 0; id < c.length; id++) {
      if (c[id] == 0) {
        continue;
      }
      if (best.size() == size && c[id] < best.peek().count()) {
        continue; // cannot make it: saves reading the label
      }
      best.add(new FacetValue(labels.label(id), c[id]));
      if (best.size() > size) {
        best.poll();
      }
    }
    List<FacetValue> out = new ArrayList<>(best);
    out.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count())
        : compareCodePoints(a.value(), b.value()));
    return out;
  }

  /** Code-point order, which is the UTF-8 byte order Lucene sorts labels in. */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
