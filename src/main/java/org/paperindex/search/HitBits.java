package org.paperindex.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.paperindex.index.PaperSearcher;

/**
 * The matches of a query in one segment as a bit set, for the facet pass of broad searches.
 * Lucene hands a collector one document at a time, which at a million hits costs more than
 * counting them; here term queries are read straight from their postings into bits and boolean
 * queries are combined word by word (or, and, and-not), so a hit costs a bit, not a call. Any
 * other query (phrases, ranges, wildcards) is read from its own Lucene scorer. The result is
 * exactly Lucene's match set: the same boolean semantics, deleted documents removed.
 *
 * <p>Only worth it when the matches are dense: a term's whole postings list is read even where
 * a conjunction would have skipped most of it, so callers use it above a share of the segment.
 */
final class HitBits {

  private final IndexSearcher searcher;

  HitBits(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  /** The live documents of {@code leaf} matching {@code rewritten} (a query rewritten by the searcher). */
  FixedBitSet matches(Query rewritten, LeafReaderContext leaf) throws IOException {
    FixedBitSet bits = eval(rewritten, leaf);
    FixedBitSet live = liveDocs(leaf);
    if (live != null) {
      bits.and(live);
    }
    return bits;
  }

  /**
   * The segment's live documents as a bit set (null: none deleted), copied once per searcher:
   * Lucene's own live docs answer one document at a time.
   */
  private FixedBitSet liveDocs(LeafReaderContext leaf) {
    Bits live = leaf.reader().getLiveDocs();
    if (live == null || live instanceof FixedBitSet) {
      return (FixedBitSet) live;
    }
    if (searcher instanceof PaperSearcher ps) {
      return ps.memo(List.of(HitBits.class, leaf.ord), () -> copy(live));
    }
    return copy(live);
  }

  private static FixedBitSet copy(Bits live) {
    FixedBitSet bits = new FixedBitSet(live.length());
    for (int d = 0; d < live.length(); d++) {
      if (live.get(d)) {
        bits.set(d);
      }
    }
    return bits;
  }

  private FixedBitSet eval(Query q, LeafReaderContext leaf) throws IOException {
    FixedBitSet bits = new FixedBitSet(leaf.reader().maxDoc());
    if (q instanceof BooleanQuery b && !isUnion(b)) {
      conjunction(b, leaf, bits);
    } else {
      union(q, leaf, bits);
    }
    return bits;
  }

  /** ORs {@code q}'s matches into {@code bits}. */
  private void union(Query q, LeafReaderContext leaf, FixedBitSet bits) throws IOException {
    if (q instanceof TermQuery t) {
      term(t.getTerm(), leaf.reader(), bits);
    } else if (q instanceof BoostQuery b) {
      union(b.getQuery(), leaf, bits);
    } else if (q instanceof ConstantScoreQuery c) {
      union(c.getQuery(), leaf, bits);
    } else if (q instanceof MatchAllDocsQuery) {
      bits.set(0, bits.length());
    } else if (q instanceof BooleanQuery b && isUnion(b)) {
      for (BooleanClause c : b.clauses()) {
        union(c.getQuery(), leaf, bits);
      }
    } else {
      bits.or(q instanceof BooleanQuery ? eval(q, leaf) : scorer(q, leaf));
    }
  }

  /** A boolean query that matches what any of its clauses matches: SHOULD clauses only. */
  private static boolean isUnion(BooleanQuery b) {
    return b.getMinimumNumberShouldMatch() <= 1 && !b.clauses().isEmpty()
        && b.clauses().stream().allMatch(c -> c.getOccur() == Occur.SHOULD);
  }

  /**
   * Writes into the empty {@code bits} what a boolean query that is not a plain union matches:
   * every required clause (SHOULD clauses then only score), or, with none, any SHOULD clause;
   * minus every MUST_NOT clause. A minimum-should-match above one is left to Lucene.
   */
  private void conjunction(BooleanQuery b, LeafReaderContext leaf, FixedBitSet bits)
      throws IOException {
    boolean required = false;
    boolean should = false;
    for (BooleanClause c : b.clauses()) {
      required |= c.isRequired();
      should |= c.getOccur() == Occur.SHOULD;
    }
    if (b.getMinimumNumberShouldMatch() > (required ? 0 : 1)) {
      bits.or(scorer(b, leaf));
      return;
    }
    boolean first = true;
    for (BooleanClause c : b.clauses()) {
      if (required && c.isRequired()) {
        if (first) {
          union(c.getQuery(), leaf, bits); // bits is empty: OR is assignment
        } else {
          bits.and(eval(c.getQuery(), leaf));
        }
        first = false;
      } else if (!required && c.getOccur() == Occur.SHOULD) {
        union(c.getQuery(), leaf, bits);
      }
    }
    if (!required && !should) {
      return; // MUST_NOT clauses alone match nothing
    }
    for (BooleanClause c : b.clauses()) {
      if (c.isProhibited()) {
        bits.andNot(eval(c.getQuery(), leaf));
      }
    }
  }

  private static void term(Term t, LeafReader reader, FixedBitSet bits) throws IOException {
    Terms terms = reader.terms(t.field());
    if (terms == null) {
      return;
    }
    TermsEnum te = terms.iterator();
    if (!te.seekExact(t.bytes())) {
      return;
    }
    PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
    for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
      bits.set(d);
    }
  }

  /** Any other query, from Lucene's own scorer for it. */
  private FixedBitSet scorer(Query q, LeafReaderContext leaf) throws IOException {
    FixedBitSet bits = new FixedBitSet(leaf.reader().maxDoc());
    Weight w = searcher.createWeight(q, ScoreMode.COMPLETE_NO_SCORES, 1f);
    Scorer s = w.scorer(leaf);
    if (s == null) {
      return bits;
    }
    TwoPhaseIterator two = s.twoPhaseIterator();
    if (two == null) {
      bits.or(s.iterator()); // word by word where the iterator is a bit set (point ranges)
      return bits;
    }
    DocIdSetIterator it = two.approximation();
    for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
      if (two.matches()) {
        bits.set(d);
      }
    }
    return bits;
  }
}
