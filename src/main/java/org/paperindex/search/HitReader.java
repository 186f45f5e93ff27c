package org.paperindex.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.paperindex.index.PaperSchema;
import org.paperindex.search.SearchResponse.Hit;

/**
 * Reads hits from the small stored display fields only; the stored paper JSON (the largest
 * stored value) is skipped, which keeps hit loading cheap.
 */
final class HitReader {

  private static final Set<String> FIELDS = Set.of(
      PaperSchema.ID, PaperSchema.TITLE, PaperSchema.AUTHORS, PaperSchema.YEAR,
      PaperSchema.PRIMARY_CATEGORY, PaperSchema.CATEGORIES, PaperSchema.SUBMITTED,
      PaperSchema.UPDATED, PaperSchema.WITHDRAWN);
  private static final Set<String> WITH_ABSTRACT = union(FIELDS, PaperSchema.ABSTRACT);

  private HitReader() {}

  /** The hits for these doc ids, in order. */
  static List<Hit> read(IndexSearcher s, int[] docIds) throws IOException {
    return hits(documents(s, docIds, false));
  }

  /**
   * The stored display fields of these doc ids, in order, and the abstract too if {@code
   * withAbstract} (the highlighter needs it: reading it here decompresses each document once).
   */
  static Document[] documents(IndexSearcher s, int[] docIds, boolean withAbstract)
      throws IOException {
    StoredFields stored = s.storedFields();
    Document[] docs = new Document[docIds.length];
    for (int i = 0; i < docIds.length; i++) {
      DocumentStoredFieldVisitor v = new DocumentStoredFieldVisitor(withAbstract ? WITH_ABSTRACT : FIELDS);
      stored.document(docIds[i], v);
      docs[i] = v.getDocument();
    }
    return docs;
  }

  /** The hits of stored documents read by {@link #documents}. */
  static List<Hit> hits(Document[] docs) {
    List<Hit> hits = new ArrayList<>(docs.length);
    for (Document d : docs) {
      hits.add(toHit(d));
    }
    return hits;
  }

  private static Set<String> union(Set<String> a, String b) {
    java.util.HashSet<String> u = new java.util.HashSet<>(a);
    u.add(b);
    return Set.copyOf(u);
  }

  private static Hit toHit(Document d) {
    IndexableField year = d.getField(PaperSchema.YEAR);
    return new Hit(
        d.get(PaperSchema.ID),
        d.get(PaperSchema.TITLE),
        List.of(d.getValues(PaperSchema.AUTHORS)),
        year == null ? 0 : year.numericValue().intValue(),
        d.get(PaperSchema.PRIMARY_CATEGORY),
        List.of(d.getValues(PaperSchema.CATEGORIES)),
        date(d, PaperSchema.SUBMITTED),
        date(d, PaperSchema.UPDATED),
        "true".equals(d.get(PaperSchema.WITHDRAWN)),
        null);
  }

  private static LocalDate date(Document d, String field) {
    IndexableField f = d.getField(field);
    return f == null || f.numericValue() == null ? null
        : LocalDate.ofEpochDay(f.numericValue().longValue());
  }
}
