package org.paperindex.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;
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
 *
 * <p>Broad searches are read into bit sets ({@link HitBits}) rather than hit by hit, and one that
 * matches most papers is counted as the all-papers browse's counts (kept per searcher) minus the
 * counts of the papers it misses: {@code q=o}, which matches 99% of a million papers, then counts
 * 8,000 papers instead of 992,000. With facet filters, the filters are read into bit sets too,
 * and the hits of the search and each filter's sideways hits come from word-wide set operations.
 */
final class FacetCounter {

  private FacetCounter() {}

  /**
   * The papers the all-papers browse counts ({@code query}) and their counts in every
   * dimension, computed once per searcher: a search that matches most of them is counted as
   * everything minus the papers it does not match.
   */
  record Everything(Query query, Supplier<FacetCounts> counts) {}

  /**
   * How a pass finds its hits: segments where the query's estimated matches reach
   * 1/{@code denseShare} of the documents (1/{@code sidewaysShare} in a pass with facet filters)
   * are read into bit sets ({@link HitBits}; 0: never), the others from Lucene's scorer one hit
   * at a time; when the bit sets hold more than {@code complementAbove} of everything, what is
   * not matched is counted and subtracted.
   */
  record Strategy(int tableBits, int denseShare, int sidewaysShare, double complementAbove) {
    // with filters, bit sets pay off from a much lower density: they replace a test of every
    // filter on every hit (q=ha&category=cs.LG at 1M papers, base 35%: 13 -> 6 ms)
    static final Strategy DEFAULT = new Strategy(FacetLeafPlan.DEFAULT_TABLE_BITS, 2, 32, 0.5);
  }

  /**
   * Counts for the dimensions marked in {@code dims} (indexed like {@link PaperSchema#FACET_DIMS})
   * over the hits of {@code base} filtered by {@code filters} (at most one per dimension).
   */
  static FacetCounts count(PaperSearcher s, Query base, List<FacetFilter> filters, boolean[] dims) {
    return count(s, base, filters, dims, null, Strategy.DEFAULT);
  }

  /** As above, counting a broad search as {@code everything} (may be null) minus its misses. */
  static FacetCounts count(PaperSearcher s, Query base, List<FacetFilter> filters, boolean[] dims,
      Everything everything, Strategy strategy) {
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    FacetColumns[] cols = new FacetColumns[leaves.size()];
    for (LeafReaderContext leaf : leaves) {
      cols[leaf.ord] = s.facetColumns(leaf); // before sizing the counts: may add labels
    }
    int nf = filters.size();
    int[] fdim = new int[nf];
    boolean[][] accepted = new boolean[nf][];
    for (int f = 0; f < nf; f++) {
      fdim[f] = PaperSchema.FACET_DIMS.indexOf(filters.get(f).dim());
      accepted[f] = filters.get(f).resolve(s.facetLabels(fdim[f]));
    }
    int[][] counts = newCounts(s, dims);
    FacetCountingCollector c =
        new FacetCountingCollector(cols, counts, fdim, accepted, strategy.tableBits());
    Sideways sideways = null;
    try {
      Query q = s.rewrite(base);
      Weight w = s.createWeight(q, ScoreMode.COMPLETE_NO_SCORES, 1f);
      HitBits bits = new HitBits(s);
      FixedBitSet[] dense = new FixedBitSet[leaves.size()];
      long denseHits = 0;
      boolean allDense = true;
      boolean anyDense = false;
      for (LeafReaderContext leaf : leaves) {
        ScorerSupplier ss = w.scorerSupplier(leaf);
        if (ss == null) {
          continue; // no hit in this segment
        }
        if (ss.cost() * (nf == 0 ? strategy.denseShare() : strategy.sidewaysShare())
            >= leaf.reader().maxDoc()) {
          dense[leaf.ord] = bits.matches(q, leaf);
          denseHits += dense[leaf.ord].cardinality();
          anyDense = true;
        } else {
          allDense = false;
        }
      }
      if (nf == 0 && everything != null && allDense
          && denseHits > strategy.complementAbove() * s.getIndexReader().numDocs()) {
        FacetCounts all = everything.counts().get();
        if (all.covers(counts)) {
          return all.minus(complement(s, bits, everything.query(), dense, cols, dims, strategy));
        }
      }
      // only if a segment is in bit sets: a selective filtered search never reads its filters
      if (nf > 0 && anyDense) {
        sideways = new Sideways(s, filters, fdim, counts, cols, strategy);
      }
      for (LeafReaderContext leaf : leaves) {
        if (dense[leaf.ord] != null && sideways != null) {
          sideways.count(bits, leaf, dense[leaf.ord]);
        } else if (dense[leaf.ord] != null) {
          c.countBits(leaf, dense[leaf.ord]);
        } else {
          BulkScorer scorer = w.bulkScorer(leaf);
          if (scorer != null) {
            LeafCollector lc = c.leaf(leaf);
            scorer.score(lc, leaf.reader().getLiveDocs());
            lc.finish();
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("facet counting failed", e);
    }
    return new FacetCounts(c.hits + (sideways == null ? 0 : sideways.hits()), counts);
  }

  /**
   * Drill-sideways counting of the segments whose base hits are in bit sets: each filter is read
   * into a bit set too, so the hits of the search are the base hits AND every filter, counted in
   * every dimension, and the hits that fail exactly filter f are the base hits AND NOT f AND the
   * other filters, counted only in f's dimension. Word-wide set operations replace a test of
   * every filter on every hit.
   */
  private static final class Sideways {
    private final Query[] filters;
    private final FacetCountingCollector search;
    private final FacetCountingCollector[] side;

    Sideways(PaperSearcher s, List<FacetFilter> filters, int[] fdim, int[][] counts,
        FacetColumns[] cols, Strategy strategy) throws IOException {
      this.filters = new Query[filters.size()];
      side = new FacetCountingCollector[filters.size()];
      for (int f = 0; f < this.filters.length; f++) {
        this.filters[f] = s.rewrite(filters.get(f).query());
        if (counts[fdim[f]] != null) {
          int[][] own = new int[counts.length][];
          own[fdim[f]] = counts[fdim[f]]; // shared: side counts add to the dimension's counts
          side[f] = new FacetCountingCollector(cols, own, strategy.tableBits());
        }
      }
      search = new FacetCountingCollector(cols, counts, strategy.tableBits());
    }

    void count(HitBits bits, LeafReaderContext leaf, FixedBitSet base) throws IOException {
      FixedBitSet[] pass = new FixedBitSet[filters.length];
      FixedBitSet hits = base.clone();
      for (int f = 0; f < filters.length; f++) {
        pass[f] = bits.matches(filters[f], leaf);
        hits.and(pass[f]);
      }
      search.countBits(leaf, hits);
      for (int f = 0; f < filters.length; f++) {
        if (side[f] == null) {
          continue;
        }
        FixedBitSet failsOnlyF = base.clone();
        failsOnlyF.andNot(pass[f]);
        for (int g = 0; g < filters.length; g++) {
          if (g != f) {
            failsOnlyF.and(pass[g]);
          }
        }
        side[f].countBits(leaf, failsOnlyF);
      }
    }

    long hits() {
      return search.hits;
    }
  }

  /**
   * The counts of what everything holds and the hits do not, with the hits that are not part of
   * everything (a pasted id of a stub) as negative counts.
   */
  private static FacetCounts complement(PaperSearcher s, HitBits bits, Query everything,
      FixedBitSet[] hits, FacetColumns[] cols, boolean[] dims, Strategy strategy)
      throws IOException {
    int[][] missed = newCounts(s, dims);
    int[][] extra = newCounts(s, dims);
    FacetCountingCollector miss = new FacetCountingCollector(cols, missed, strategy.tableBits());
    FacetCountingCollector more = new FacetCountingCollector(cols, extra, strategy.tableBits());
    Query all = s.rewrite(everything);
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      FixedBitSet universe = bits.matches(all, leaf);
      FixedBitSet hit = hits[leaf.ord];
      if (hit != null) { // null: no hit in this segment, all of it is missed
        FixedBitSet outside = hit.clone();
        outside.andNot(universe);
        universe.andNot(hit);
        more.countBits(leaf, outside);
      }
      miss.countBits(leaf, universe);
    }
    return new FacetCounts(miss.hits, missed).minus(new FacetCounts(more.hits, extra));
  }

  private static int[][] newCounts(PaperSearcher s, boolean[] dims) {
    int[][] counts = new int[PaperSchema.FACET_DIMS.size()][];
    for (int d = 0; d < counts.length; d++) {
      if (dims[d]) {
        counts[d] = new int[s.facetLabels(d).size()];
      }
    }
    return counts;
  }
}
