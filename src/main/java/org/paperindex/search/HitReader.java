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

  private HitReader() {}

  /** The hits for these doc ids, in order. */
  static List<Hit> read(IndexSearcher s, int[] docIds) throws IOException {
    StoredFields stored = s.storedFields();
    List<Hit> hits = new ArrayList<>(docIds.length);
    for (int doc : docIds) {
      DocumentStoredFieldVisitor v = new DocumentStoredFieldVisitor(FIELDS);
      stored.document(doc, v);
      hits.add(toHit(v.getDocument()));
    }
    return hits;
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
