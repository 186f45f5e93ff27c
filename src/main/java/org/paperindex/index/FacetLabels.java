package org.paperindex.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The labels of one facet dimension, numbered densely in the order they are first seen. The
 * numbers are what {@link FacetColumns} hold per document and what facet counting indexes its
 * count arrays with; they stay valid for the life of the process (labels are only ever added),
 * so columns built for different segments, or before and after a refresh, share one numbering.
 * Reads are lock-free; adding is synchronized.
 */
public final class FacetLabels {

  private final Map<String, Integer> ids = new HashMap<>();
  private volatile String[] labels = new String[16];
  private volatile int size;

  /** Number of labels so far; every id handed out is below it. */
  public int size() {
    return size;
  }

  /** The label with this id. */
  public String label(int id) {
    if (id < 0 || id >= size) {
      throw new IndexOutOfBoundsException("no label " + id + " (" + size + " labels)");
    }
    return labels[id];
  }

  /** The id of {@code label}, added if new. */
  synchronized int idOf(String label) {
    Integer id = ids.get(label);
    if (id != null) {
      return id;
    }
    int next = size;
    String[] l = labels;
    if (next == l.length) {
      l = Arrays.copyOf(l, next * 2);
    }
    l[next] = label;
    labels = l; // publish the array before the size that makes the new slot readable
    ids.put(label, next);
    size = next + 1;
    return next;
  }

  /** The id of {@code label}, or -1 if no document seen so far has it. */
  public synchronized int find(String label) {
    Integer id = ids.get(label);
    return id == null ? -1 : id;
  }
}
