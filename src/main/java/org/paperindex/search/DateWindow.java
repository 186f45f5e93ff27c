package org.paperindex.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * The top hits of a date-sorted search (newest or oldest first) from a window of dates first.
 * Lucene's date sort skips documents whose date cannot make the page only once it has seen
 * dates that can; it visits documents in index order, and arXiv's papers arrive oldest first
 * (harvests, the id-sorted snapshot, a rebuild from the store), so newest first it would read
 * every match before it found the newest ones: the front page over a million papers took 9 ms.
 *
 * <p>Here the search first runs restricted to the dates of the {@code 16 x wanted} newest
 * papers (read off the date points' tree, no document visited), then of 16 times more, and
 * only then unrestricted. A restricted run that finds the wanted number of hits has the exact
 * answer: every hit outside the window has an older date than every hit inside, and the window
 * holds every paper of its edge date, so ties on the date are broken by id as in a plain search.
 * Papers without the date sort last and are never in a window. A cursor bounds the window on
 * its other side.
 */
final class DateWindow {

  /** The first window holds the dates of this many times the hits wanted. */
  static final int FIRST = 16;
  /** Each further window is this many times larger. */
  static final int GROWTH = 16;
  /** Restricted runs before the plain search. */
  static final int TRIES = 2;

  private DateWindow() {}

  /**
   * The first {@code want} hits of {@code q} in {@code sort} (a date sort: its first field a
   * long with points of the same name, newest first if reversed), after {@code after} if not
   * null, exactly as {@link #plain} finds them.
   */
  static TopFieldDocs search(IndexSearcher s, Query q, Sort sort, int want, FieldDoc after)
      throws IOException {
    String field = sort.getSort()[0].getField();
    boolean newestFirst = sort.getSort()[0].getReverse();
    Long bound = after == null ? null : (Long) after.fields[0];
    long k = (long) want * FIRST;
    for (int t = 0; t < TRIES; t++) {
      OptionalLong edge = edge(s, field, newestFirst, k, bound);
      if (edge.isEmpty()) {
        break; // no segment has that many dates in range: the window would be everything
      }
      long lo = newestFirst ? edge.getAsLong() : bound == null ? Long.MIN_VALUE : bound;
      long hi = newestFirst ? bound == null ? Long.MAX_VALUE : bound : edge.getAsLong();
      Query windowed = new BooleanQuery.Builder().add(q, Occur.MUST)
          .add(LongPoint.newRangeQuery(field, lo, hi), Occur.FILTER).build();
      TopFieldDocs docs = plain(s, windowed, sort, want, after);
      if (docs.scoreDocs.length >= want) {
        return docs;
      }
      k *= GROWTH;
    }
    return plain(s, q, sort, want, after);
  }

  /** Lucene's own top {@code want} hits of {@code q} in {@code sort} after {@code after}. */
  static TopFieldDocs plain(IndexSearcher s, Query q, Sort sort, int want, FieldDoc after)
      throws IOException {
    return s.search(q, new TopFieldCollectorManager(sort, want, after, want));
  }

  /**
   * A date such that some segment has at least {@code k} points between it and {@code bound}
   * (the cursor's date, or null), on the side the order reads first; the tightest such date of
   * any segment; empty if no segment has {@code k}.
   */
  static OptionalLong edge(IndexSearcher s, String field, boolean newestFirst, long k, Long bound)
      throws IOException {
    OptionalLong best = OptionalLong.empty();
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      PointValues points = leaf.reader().getPointValues(field);
      if (points == null || points.size() < k) {
        continue;
      }
      Walk w = new Walk(newestFirst, k, bound);
      w.visit(points.getPointTree());
      if (w.need == 0) {
        long e = w.edge;
        boolean tighter = best.isEmpty()
            || (newestFirst ? e > best.getAsLong() : e < best.getAsLong());
        best = tighter ? OptionalLong.of(e) : best;
      }
    }
    return best;
  }

  /**
   * Walks one segment's point tree from the first-read end (the largest dates newest first),
   * counting whole nodes inside the bound until {@code k} points are counted; the edge is the
   * far side of the last node counted. A leaf node that straddles the bound counts as empty,
   * which only widens the window.
   */
  private static final class Walk {
    private final boolean newestFirst;
    private final Long bound;
    long need;
    long edge;

    Walk(boolean newestFirst, long k, Long bound) {
      this.newestFirst = newestFirst;
      this.need = k;
      this.bound = bound;
    }

    void visit(PointValues.PointTree node) throws IOException {
      long min = LongPoint.decodeDimension(node.getMinPackedValue(), 0);
      long max = LongPoint.decodeDimension(node.getMaxPackedValue(), 0);
      long near = newestFirst ? max : min; // the side read first
      long far = newestFirst ? min : max;
      if (bound != null && (newestFirst ? far > bound : far < bound)) {
        return; // wholly beyond the cursor: already read
      }
      boolean inside = bound == null || (newestFirst ? near <= bound : near >= bound);
      if (inside && node.size() <= need) {
        need -= node.size();
        edge = far;
        return;
      }
      List<PointValues.PointTree> children = children(node);
      if (children.isEmpty()) {
        if (inside) { // a leaf with more points than needed
          need = 0;
          edge = far;
        }
        return;
      }
      for (int i = 0; i < children.size() && need > 0; i++) {
        visit(children.get(newestFirst ? children.size() - 1 - i : i));
      }
    }

    private static List<PointValues.PointTree> children(PointValues.PointTree node)
        throws IOException {
      List<PointValues.PointTree> out = new ArrayList<>(2);
      PointValues.PointTree c = node.clone();
      if (c.moveToChild()) {
        out.add(c.clone());
        while (c.moveToSibling()) {
          out.add(c.clone());
        }
      }
      return out;
    }
  }
}
