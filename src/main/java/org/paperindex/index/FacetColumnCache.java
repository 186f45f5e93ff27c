package org.paperindex.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;

/**
 * The {@link FacetColumns} of every live segment of one index, and the label numbering they
 * share. A segment's columns are built once, when the first searcher that contains it is made
 * (so on the refresh thread, not on a query), and dropped when Lucene closes the segment's core
 * after a merge. Deletions do not invalidate them: counting visits live hits only.
 */
public final class FacetColumnCache {

  private final List<FacetLabels> labels;
  private final ConcurrentHashMap<Object, FacetColumns> byCore = new ConcurrentHashMap<>();

  public FacetColumnCache() {
    List<FacetLabels> l = new ArrayList<>();
    for (int d = 0; d < PaperSchema.FACET_DIMS.size(); d++) {
      l.add(new FacetLabels());
    }
    this.labels = List.copyOf(l);
  }

  /** The labels of dimension {@code dim} (an index into {@link PaperSchema#FACET_DIMS}). */
  public FacetLabels labels(int dim) {
    return labels.get(dim);
  }

  /** The columns of this segment, built now if it has none yet. */
  public FacetColumns columns(LeafReaderContext leaf) {
    LeafReader r = leaf.reader();
    IndexReader.CacheHelper helper = r.getCoreCacheHelper();
    if (helper == null) {
      return build(r); // a reader without a stable core (never ours): no caching
    }
    IndexReader.CacheKey key = helper.getKey();
    FacetColumns c = byCore.get(key);
    if (c != null) {
      return c;
    }
    // computeIfAbsent: two searchers over one new segment build its columns once
    return byCore.computeIfAbsent(key, k -> {
      helper.addClosedListener(byCore::remove);
      return build(r);
    });
  }

  /** Builds the columns of every segment of {@code reader} that has none yet. */
  void warm(IndexReader reader) {
    for (LeafReaderContext leaf : reader.leaves()) {
      columns(leaf);
    }
  }

  /** Number of segments that have columns (for tests). */
  int segments() {
    return byCore.size();
  }

  private FacetColumns build(LeafReader r) {
    try {
      return FacetColumns.build(r, labels);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read facet doc values", e);
    }
  }
}
