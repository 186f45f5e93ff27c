package org.paperindex.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * The facet labels of one segment's documents, uninverted into plain arrays (what Solr's field
 * cache and Elasticsearch's global ordinals do): per dimension of {@link PaperSchema#FACET_DIMS},
 * a single-valued dimension holds one label id + 1 per document (0 = none), a multi-valued one a
 * compressed-row layout (the ids of document {@code d} are {@code values[starts[d]] ..
 * values[starts[d + 1] - 1]}). Ids come from the index-wide {@link FacetLabels} of the dimension.
 *
 * <p>Counting facets over a million hits reads these arrays in document order, a few nanoseconds
 * a hit, where Lucene's sorted-set doc values decode every hit's ordinals and map them to global
 * ordinals. Built once per segment from the facet doc values the schema already indexes (no
 * re-index), on a new searcher before it serves; deleted documents are never visited because
 * counting only sees the live hits of a query. About 8 bytes per document and dimension value.
 */
public final class FacetColumns {

  private final int maxDoc;
  private final int[][] singles; // [dim][doc] = id + 1, or null for multi-valued dims
  private final int[][] starts; // [dim][doc], maxDoc + 1 entries, or null for single-valued dims
  private final int[][] values; // [dim][...] label ids, or null for single-valued dims

  private FacetColumns(int maxDoc, int[][] singles, int[][] starts, int[][] values) {
    this.maxDoc = maxDoc;
    this.singles = singles;
    this.starts = starts;
    this.values = values;
  }

  /** Documents in the segment (deleted ones included). */
  public int maxDoc() {
    return maxDoc;
  }

  /** Per document label id + 1 (0 = none) of single-valued dimension {@code dim}; else null. */
  public int[] singles(int dim) {
    return singles[dim];
  }

  /** Row starts of multi-valued dimension {@code dim} ({@code maxDoc + 1} entries); else null. */
  public int[] starts(int dim) {
    return starts[dim];
  }

  /** Label ids of multi-valued dimension {@code dim}, in row order; else null. */
  public int[] values(int dim) {
    return values[dim];
  }

  /** Approximate heap used by the arrays. */
  public long bytes() {
    long b = 0;
    for (int d = 0; d < singles.length; d++) {
      b += 4L * (singles[d] != null ? singles[d].length : starts[d].length + values[d].length);
    }
    return b;
  }

  /** Uninverts the facet doc values of {@code reader}, numbering labels in {@code labels}. */
  static FacetColumns build(LeafReader reader, List<FacetLabels> labels) throws IOException {
    List<String> dims = PaperSchema.FACET_DIMS;
    FacetsConfig config = PaperSchema.facetsConfig();
    int maxDoc = reader.maxDoc();
    int n = dims.size();
    boolean[] multi = new boolean[n];
    int[][] singles = new int[n][];
    int[][] starts = new int[n][];
    int[][] values = new int[n][];
    int[] len = new int[n];
    for (int d = 0; d < n; d++) {
      multi[d] = config.getDimConfig(dims.get(d)).multiValued;
      if (multi[d]) {
        starts[d] = new int[maxDoc + 1];
        values[d] = new int[Math.max(16, maxDoc / 4)];
      } else {
        singles[d] = new int[maxDoc];
      }
    }
    String field = config.getDimConfig(dims.get(0)).indexFieldName;
    SortedSetDocValues dv = DocValues.getSortedSet(reader, field);
    int ords = Math.toIntExact(dv.getValueCount());
    int[] ordDim = new int[ords];
    int[] ordLabel = new int[ords];
    for (int o = 0; o < ords; o++) {
      BytesRef term = dv.lookupOrd(o);
      String[] path = FacetsConfig.stringToPath(term.utf8ToString());
      int d = path.length == 2 ? dims.indexOf(path[0]) : -1;
      ordDim[o] = d; // -1: a dimension this schema no longer has; not counted
      ordLabel[o] = d < 0 ? -1 : labels.get(d).idOf(path[1]);
    }
    int next = 0; // the first document whose row starts are not set yet
    for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
      for (; next <= doc; next++) {
        setStarts(starts, len, next);
      }
      for (int i = 0, c = dv.docValueCount(); i < c; i++) {
        int o = (int) dv.nextOrd();
        int d = ordDim[o];
        if (d < 0) {
          continue;
        }
        if (multi[d]) {
          if (len[d] == values[d].length) {
            values[d] = Arrays.copyOf(values[d], values[d].length * 2);
          }
          values[d][len[d]++] = ordLabel[o];
        } else {
          singles[d][doc] = ordLabel[o] + 1;
        }
      }
    }
    for (; next <= maxDoc; next++) {
      setStarts(starts, len, next);
    }
    for (int d = 0; d < n; d++) {
      if (multi[d]) {
        values[d] = Arrays.copyOf(values[d], len[d]);
      }
    }
    return new FacetColumns(maxDoc, singles, starts, values);
  }

  private static void setStarts(int[][] starts, int[] len, int doc) {
    for (int d = 0; d < starts.length; d++) {
      if (starts[d] != null) {
        starts[d][doc] = len[d];
      }
    }
  }
}
