package org.paperindex.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

/**
 * {@link HitBits} matches exactly what Lucene matches, for every kind of query the search
 * builds (terms, unions, conjunctions, exclusions, minimum-should-match, phrases, wildcards,
 * ranges, boosts, match-all), in segments with deleted documents and fields or terms a segment
 * lacks.
 */
class HitBitsTest {
  private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "omega", "zeta"};

  @Test
  void matchesWhatLuceneMatches() throws IOException {
    Random rnd = new Random(5);
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter w = new IndexWriter(dir,
            new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int i = 0; i < 3_000; i++) {
        Document d = new Document();
        d.add(new StringField("id", Integer.toString(i % 2_500), Field.Store.NO));
        d.add(new TextField("title", text(rnd, 1 + rnd.nextInt(3)), Field.Store.NO));
        if (rnd.nextInt(4) > 0) {
          d.add(new TextField("body", text(rnd, 1 + rnd.nextInt(12)), Field.Store.NO));
        }
        d.add(new IntPoint("year", 2000 + rnd.nextInt(25)));
        w.updateDocument(new Term("id", Integer.toString(i % 2_500)), d); // repeats delete
        if (i % 700 == 699) {
          w.commit(); // several segments
        }
      }
      w.deleteDocuments(new Term("title", "zeta"));
      w.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(reader.leaves()).hasSizeGreaterThan(1);
        assertThat(reader.hasDeletions()).isTrue();
        IndexSearcher s = new IndexSearcher(reader);
        int nonEmpty = 0;
        for (Query q : queries()) {
          Query rewritten = s.rewrite(q);
          HitBits bits = new HitBits(s);
          long total = 0;
          for (LeafReaderContext leaf : reader.leaves()) {
            FixedBitSet got = bits.matches(rewritten, leaf);
            assertThat(got).as("%s in segment %d", q, leaf.ord).isEqualTo(lucene(s, q, leaf));
            total += got.cardinality();
          }
          nonEmpty += total > 0 ? 1 : 0;
        }
        assertThat(nonEmpty).isGreaterThan(queries().size() - 4);
      }
    }
  }

  private static List<Query> queries() {
    List<Query> qs = new ArrayList<>();
    qs.add(term("title", "alpha"));
    qs.add(term("body", "nothing"));
    qs.add(term("nofield", "alpha"));
    qs.add(new MatchAllDocsQuery());
    qs.add(or(term("title", "alpha"), term("body", "alpha")));
    qs.add(new BooleanQuery.Builder().add(or(term("title", "beta"), term("body", "beta")), Occur.MUST)
        .add(or(term("title", "gamma"), term("body", "gamma")), Occur.MUST).build());
    qs.add(new BooleanQuery.Builder().add(term("body", "delta"), Occur.MUST)
        .add(term("title", "omega"), Occur.SHOULD).add(term("title", "alpha"), Occur.MUST_NOT)
        .build());
    qs.add(new BooleanQuery.Builder().add(term("body", "delta"), Occur.SHOULD)
        .add(term("title", "omega"), Occur.SHOULD).add(term("body", "beta"), Occur.MUST_NOT)
        .build());
    qs.add(new BooleanQuery.Builder().add(term("body", "delta"), Occur.MUST_NOT).build());
    qs.add(new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
        .add(term("title", "gamma"), Occur.MUST_NOT).build());
    qs.add(new BooleanQuery.Builder().add(term("body", "alpha"), Occur.SHOULD)
        .add(term("body", "beta"), Occur.SHOULD).add(term("body", "gamma"), Occur.SHOULD)
        .setMinimumNumberShouldMatch(2).build());
    qs.add(new BooleanQuery.Builder().add(term("title", "alpha"), Occur.FILTER)
        .add(term("body", "beta"), Occur.SHOULD).add(term("body", "gamma"), Occur.SHOULD)
        .setMinimumNumberShouldMatch(1).build());
    qs.add(new PhraseQuery("body", "alpha", "beta"));
    qs.add(or(new PhraseQuery("title", "gamma", "delta"), new BoostQuery(term("body", "omega"), 3)));
    qs.add(new WildcardQuery(new Term("body", "*ta")));
    qs.add(new BooleanQuery.Builder().add(IntPoint.newRangeQuery("year", 2005, 2010), Occur.FILTER)
        .add(new ConstantScoreQuery(term("title", "beta")), Occur.MUST).build());
    return qs;
  }

  private static FixedBitSet lucene(IndexSearcher s, Query q, LeafReaderContext leaf)
      throws IOException {
    FixedBitSet bits = new FixedBitSet(leaf.reader().maxDoc());
    s.search(q, new SimpleCollector() {
      private int base;
      private boolean mine;

      @Override
      protected void doSetNextReader(LeafReaderContext context) {
        base = context.docBase;
        mine = context.ord == leaf.ord;
      }

      @Override
      public void collect(int doc) {
        if (mine) {
          bits.set(doc);
        }
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    });
    return bits;
  }

  private static Query term(String field, String text) {
    return new TermQuery(new Term(field, text));
  }

  private static Query or(Query a, Query b) {
    return new BooleanQuery.Builder().add(a, Occur.SHOULD).add(b, Occur.SHOULD).build();
  }

  private static String text(Random rnd, int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append(i > 0 ? " " : "").append(WORDS[rnd.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }
}
