package org.paperindex.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.paperindex.index.PaperSchema;
import org.paperindex.model.ArxivId;
import org.paperindex.search.SearchResponse.Hit;

/**
 * More-like-this over title, abstract and categories: the paper's most distinctive terms (by
 * tf-idf) become a query; the paper itself and title-less stubs are excluded.
 */
final class RelatedPapers {

  private static final String[] FIELDS = {
    PaperSchema.TITLE, PaperSchema.ABSTRACT, PaperSchema.CATEGORIES
  };
  private static final Query STUB = new TermQuery(new Term(PaperSchema.STUB, "true"));

  private RelatedPapers() {}

  /** Up to {@code size} papers like {@code id}; empty when the index has no such paper. */
  static List<Hit> related(IndexSearcher s, ArxivId id, int size) throws IOException {
    Query self = new TermQuery(new Term(PaperSchema.ID, id.value()));
    TopDocs found = s.search(self, 1);
    if (found.scoreDocs.length == 0) {
      return List.of();
    }
    MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
    mlt.setAnalyzer(PaperSchema.analyzer());
    mlt.setFieldNames(FIELDS);
    // a term the paper uses once can still be its topic (titles use each word once)
    mlt.setMinTermFreq(1);
    // a term only this paper has cannot find another paper
    mlt.setMinDocFreq(2);
    mlt.setMaxQueryTerms(30);
    mlt.setBoost(true); // weight terms by their tf-idf, not all alike
    Query like = mlt.like(found.scoreDocs[0].doc);
    Query q = new BooleanQuery.Builder()
        .add(like, Occur.MUST)
        .add(self, Occur.MUST_NOT)
        .add(STUB, Occur.MUST_NOT)
        .build();
    ScoreDoc[] docs = s.search(q, size).scoreDocs;
    return HitReader.read(s, Arrays.stream(docs).mapToInt(d -> d.doc).toArray());
  }
}
