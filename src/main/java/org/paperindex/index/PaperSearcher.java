package org.paperindex.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;

/**
 * An index searcher that carries the facet reader state for its reader, built once on first use
 * and shared by every query on this searcher (building it per query is costly), and other values
 * that depend only on its point-in-time view ({@link #memo}).
 */
public final class PaperSearcher extends IndexSearcher {

  private final Object lock = new Object();
  private volatile Optional<SortedSetDocValuesReaderState> facetState;
  private final ConcurrentHashMap<Object, Object> memo = new ConcurrentHashMap<>();

  private final FacetColumnCache columns;

  PaperSearcher(IndexReader reader, FacetColumnCache columns) {
    super(reader);
    this.columns = columns;
  }

  /** The facet columns of one of this searcher's segments (built now if missing). */
  public FacetColumns facetColumns(LeafReaderContext leaf) {
    return columns.columns(leaf);
  }

  /** The label numbering of facet dimension {@code dim} (index into the schema's dimensions). */
  public FacetLabels facetLabels(int dim) {
    return columns.labels(dim);
  }

  /** Builds the facet columns of every segment now (a server does this before serving). */
  public void warmFacetColumns() {
    columns.warm(getIndexReader());
  }

  /** The facet state, or empty while the index holds no faceted document. */
  public Optional<SortedSetDocValuesReaderState> facetState() {
    Optional<SortedSetDocValuesReaderState> s = facetState;
    if (s == null) {
      synchronized (lock) {
        s = facetState;
        if (s == null) {
          s = build();
          facetState = s;
        }
      }
    }
    return s;
  }

  /**
   * The value for {@code key}, computed once for this searcher. A searcher sees a fixed state of
   * the index, and a refresh that changes the index creates a new searcher, so such values are
   * never stale; {@code compute} must depend on nothing but this searcher.
   */
  @SuppressWarnings("unchecked")
  public <T> T memo(Object key, Supplier<T> compute) {
    return (T) memo.computeIfAbsent(key, k -> compute.get());
  }

  private Optional<SortedSetDocValuesReaderState> build() {
    try {
      return Optional.of(
          new DefaultSortedSetDocValuesReaderState(getIndexReader(), PaperSchema.facetsConfig()));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // no document with facets yet
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
