package org.paperindex.index;

import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Paper;
import org.paperindex.store.PaperCodec;

/**
 * Reads one paper by id for the detail page: the id's postings are looked up directly (no query,
 * weight or collector) and only the stored paper JSON is decoded, not the other stored fields of
 * the document (title and abstract are stored a second time for hits and highlighting).
 */
final class PaperLookup {

  private PaperLookup() {}

  static Optional<Paper> find(IndexSearcher s, ArxivId id) throws IOException {
    BytesRef term = new BytesRef(id.value());
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      LeafReader r = leaf.reader();
      Terms terms = r.terms(PaperSchema.ID);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (!te.seekExact(term)) {
        continue;
      }
      PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
      Bits live = r.getLiveDocs();
      for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
        if (live == null || live.get(d)) {
          JsonField v = new JsonField();
          r.storedFields().document(d, v);
          if (v.bytes == null) {
            throw new IllegalStateException("document " + id + " has no stored paper");
          }
          return Optional.of(PaperCodec.decode(v.bytes));
        }
      }
    }
    return Optional.empty();
  }

  /** Keeps the paper JSON and stops reading the document there. */
  private static final class JsonField extends StoredFieldVisitor {
    byte[] bytes;

    @Override
    public Status needsField(FieldInfo field) {
      if (bytes != null) {
        return Status.STOP;
      }
      return field.name.equals(PaperSchema.PAPER_JSON) ? Status.YES : Status.NO;
    }

    @Override
    public void binaryField(FieldInfo field, byte[] value) {
      bytes = value;
    }
  }
}
