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
 * The facet labels of one segment's documents, uninverted into one 64-bit row per document (what
 * Solr's field cache and Elasticsearch's global ordinals do, packed tighter): every dimension of
 * {@link PaperSchema#FACET_DIMS} gets {@link #slots} fields of {@link #width} bits at {@link
 * #shift}, each holding a label id + 1 (0 = empty slot). A document with more values in a
 * dimension than it has slots sets that dimension's overflow bit ({@link #overflowBit}) and keeps
 * all its values in a compressed-row side table ({@link #starts}/{@link #values}). The layout is
 * chosen per segment from its label counts; ids come from the index-wide {@link FacetLabels}.
 *
 * <p>Counting facets reads one row per hit. Hits of a selective query are scattered over the
 * segment, so each row is a cache miss; one array instead of one per dimension makes that one
 * miss per hit (measured: about 4x faster for queries with tens of thousands of hits). Built once
 * per segment from the facet doc values the schema already indexes (no re-index), before a
 * refreshed searcher serves; deleted documents are never visited because counting sees only a
 * query's live hits. 8 bytes per document plus the side table of overflowing documents.
 */
public final class FacetColumns {

  private final int maxDoc;
  private final long[] rows;
  private final int[] shift;
  private final int[] width;
  private final int[] slots;
  private final int[] overflowBit; // -1: no document of this segment overflows the dimension
  private final int[][] starts; // [dim][doc], maxDoc + 1 entries, or null without overflow
  private final int[][] values; // [dim][...] label ids of overflowing documents, or null

  private FacetColumns(int maxDoc, long[] rows, int[] shift, int[] width, int[] slots,
      int[] overflowBit, int[][] starts, int[][] values) {
    this.maxDoc = maxDoc;
    this.rows = rows;
    this.shift = shift;
    this.width = width;
    this.slots = slots;
    this.overflowBit = overflowBit;
    this.starts = starts;
    this.values = values;
  }

  /** Documents in the segment (deleted ones included). */
  public int maxDoc() {
    return maxDoc;
  }

  /** One packed row per document. */
  public long[] rows() {
    return rows;
  }

  /** First bit of dimension {@code dim}'s slots. */
  public int shift(int dim) {
    return shift[dim];
  }

  /** Bits per slot of {@code dim}. */
  public int width(int dim) {
    return width[dim];
  }

  /** Inline slots of {@code dim} (0: every valued document overflows). */
  public int slots(int dim) {
    return slots[dim];
  }

  /** The bit that marks a document whose {@code dim} values are in the side table, or -1. */
  public int overflowBit(int dim) {
    return overflowBit[dim];
  }

  /** Side-table row starts of {@code dim} ({@code maxDoc + 1} entries), or null. */
  public int[] starts(int dim) {
    return starts[dim];
  }

  /** Side-table label ids of {@code dim}, or null. */
  public int[] values(int dim) {
    return values[dim];
  }

  /** The label ids of {@code doc} in {@code dim} (for tests and tools; counting decodes inline). */
  public int[] labelIds(int dim, int doc) {
    long r = rows[doc];
    if (overflowBit[dim] >= 0 && (r >>> overflowBit[dim] & 1) != 0) {
      return Arrays.copyOfRange(values[dim], starts[dim][doc], starts[dim][doc + 1]);
    }
    int[] out = new int[slots[dim]];
    int n = 0;
    long mask = (1L << width[dim]) - 1;
    for (int s = 0; s < slots[dim]; s++) {
      int v = (int) (r >>> (shift[dim] + s * width[dim]) & mask);
      if (v == 0) {
        break;
      }
      out[n++] = v - 1;
    }
    return Arrays.copyOf(out, n);
  }

  /** Approximate heap used by the arrays. */
  public long bytes() {
    long b = 8L * rows.length;
    for (int d = 0; d < starts.length; d++) {
      if (starts[d] != null) {
        b += 4L * (starts[d].length + values[d].length);
      }
    }
    return b;
  }

  /** Uninverts the facet doc values of {@code reader}, numbering labels in {@code labels}. */
  static FacetColumns build(LeafReader reader, List<FacetLabels> labels) throws IOException {
    List<String> dims = PaperSchema.FACET_DIMS;
    FacetsConfig config = PaperSchema.facetsConfig();
    int maxDoc = reader.maxDoc();
    int n = dims.size();
    String field = config.getDimConfig(dims.get(0)).indexFieldName;
    SortedSetDocValues dv = DocValues.getSortedSet(reader, field);
    int ords = Math.toIntExact(dv.getValueCount());
    int[] ordDim = new int[ords];
    int[] ordLabel = new int[ords];
    int[] maxId = new int[n];
    Arrays.fill(maxId, -1);
    for (int o = 0; o < ords; o++) {
      BytesRef term = dv.lookupOrd(o);
      String[] path = FacetsConfig.stringToPath(term.utf8ToString());
      int d = path.length == 2 ? dims.indexOf(path[0]) : -1;
      ordDim[o] = d; // -1: a dimension this schema no longer has; not counted
      ordLabel[o] = d < 0 ? -1 : labels.get(d).idOf(path[1]);
      if (d >= 0) {
        maxId[d] = Math.max(maxId[d], ordLabel[o]);
      }
    }
    // first pass: every document's ids per dimension, in compressed rows
    int[][] starts = new int[n][maxDoc + 1];
    int[][] values = new int[n][16];
    int[] len = new int[n];
    int[] maxCount = new int[n];
    int next = 0;
    for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
      for (; next <= doc; next++) {
        for (int d = 0; d < n; d++) {
          starts[d][next] = len[d];
        }
      }
      for (int i = 0, c = dv.docValueCount(); i < c; i++) {
        int o = (int) dv.nextOrd();
        int d = ordDim[o];
        if (d >= 0) {
          if (len[d] == values[d].length) {
            values[d] = Arrays.copyOf(values[d], values[d].length * 2);
          }
          values[d][len[d]++] = ordLabel[o];
          maxCount[d] = Math.max(maxCount[d], len[d] - starts[d][doc]);
        }
      }
    }
    for (; next <= maxDoc; next++) {
      for (int d = 0; d < n; d++) {
        starts[d][next] = len[d];
      }
    }
    return pack(maxDoc, n, maxId, maxCount, starts, values);
  }

  /** Lays the dimensions out in 63 bits and packs the rows; keeps side tables where needed. */
  private static FacetColumns pack(int maxDoc, int n, int[] maxId, int[] maxCount, int[][] starts,
      int[][] values) {
    int[] shift = new int[n];
    int[] width = new int[n];
    int[] slots = new int[n];
    int[] overflowBit = new int[n];
    Arrays.fill(overflowBit, -1);
    int bit = 0;
    // single-valued dimensions first (one slot), then the multi-valued ones take what is left;
    // a dimension that cannot get all the slots it needs reserves one overflow bit at the top
    int top = 63;
    for (int pass = 0; pass < 2; pass++) {
      for (int d = 0; d < n; d++) {
        if ((maxCount[d] <= 1) != (pass == 0) || maxCount[d] == 0) {
          continue;
        }
        width[d] = 64 - Long.numberOfLeadingZeros(maxId[d] + 1L);
        int fit = (top - bit) / width[d];
        if (fit >= maxCount[d]) {
          slots[d] = maxCount[d];
        } else {
          top--; // the overflow bit
          overflowBit[d] = top;
          slots[d] = Math.max(0, Math.min(maxCount[d] - 1, (top - bit) / width[d]));
        }
        shift[d] = bit;
        bit += slots[d] * width[d];
      }
    }
    long[] rows = new long[maxDoc];
    int[][] ovStarts = new int[n][];
    int[][] ovValues = new int[n][];
    for (int d = 0; d < n; d++) {
      if (overflowBit[d] >= 0) {
        ovStarts[d] = new int[maxDoc + 1];
        ovValues[d] = new int[16];
      }
    }
    int[] ovLen = new int[n];
    for (int doc = 0; doc < maxDoc; doc++) {
      long r = 0;
      for (int d = 0; d < n; d++) {
        int from = starts[d][doc];
        int count = starts[d][doc + 1] - from;
        if (ovStarts[d] != null) {
          ovStarts[d][doc] = ovLen[d];
        }
        if (count == 0) {
          continue;
        }
        if (count <= slots[d]) {
          for (int s = 0; s < count; s++) {
            r |= (values[d][from + s] + 1L) << (shift[d] + s * width[d]);
          }
        } else {
          r |= 1L << overflowBit[d];
          while (ovLen[d] + count > ovValues[d].length) {
            ovValues[d] = Arrays.copyOf(ovValues[d], ovValues[d].length * 2);
          }
          System.arraycopy(values[d], from, ovValues[d], ovLen[d], count);
          ovLen[d] += count;
        }
      }
      rows[doc] = r;
    }
    for (int d = 0; d < n; d++) {
      if (ovStarts[d] != null) {
        ovStarts[d][maxDoc] = ovLen[d];
        ovValues[d] = Arrays.copyOf(ovValues[d], ovLen[d]);
      }
    }
    return new FacetColumns(maxDoc, rows, shift, width, slots, overflowBit, ovStarts, ovValues);
  }
}
