package org.paperindex.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.paperindex.index.PaperSchema;

/**
 * A date-sorted page from {@link DateWindow} is exactly the page of a plain sorted search: for
 * both date orders, filters from nearly everything to nearly nothing, pages of 1 to 301 hits,
 * with and without a cursor, over several segments with deleted documents, many papers sharing
 * a date (ties broken by id) and papers with no date, in date order of arrival (the order that
 * makes Lucene's own skipping useless) and shuffled.
 */
class DateWindowTest {

  @Test
  void sameHitsAsThePlainSearch() throws IOException {
    for (boolean chronological : new boolean[] {true, false}) {
      try (Directory dir = index(chronological, true);
          DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(reader.leaves()).hasSizeGreaterThan(1);
        assertThat(reader.hasDeletions()).isTrue();
        IndexSearcher s = new IndexSearcher(reader);
        int windowed = 0;
        for (SortOrder order : List.of(SortOrder.SUBMITTED_DESC, SortOrder.SUBMITTED_ASC,
            SortOrder.UPDATED_DESC, SortOrder.UPDATED_ASC)) {
          Sort sort = QueryBuilder.sort(order);
          for (Query q : queries()) {
            for (int want : new int[] {1, 11, 101, 301}) {
              TopFieldDocs plain = DateWindow.plain(s, q, sort, want, null);
              assertSame(DateWindow.search(s, q, sort, want, null), plain, order, q, want);
              // a cursor at the last hit of the first page, as the API hands it out
              if (plain.scoreDocs.length > 0) {
                FieldDoc after = (FieldDoc) plain.scoreDocs[plain.scoreDocs.length - 1];
                assertSame(DateWindow.search(s, q, sort, want, after),
                    DateWindow.plain(s, q, sort, want, after), order, q, want);
              }
              if (DateWindow.edge(s, sort.getSort()[0].getField(), sort.getSort()[0].getReverse(),
                  (long) want * DateWindow.FIRST, null).isPresent()) {
                windowed++;
              }
            }
          }
        }
        assertThat(windowed).as("searches that had a window").isGreaterThan(50);
      }
    }
  }

  @Test
  void theEdgeLeavesEnoughDatesInTheWindow() throws IOException {
    try (Directory dir = index(true, false); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(reader);
      for (long k : new long[] {1, 16, 500, 512, 1_024, 1_400}) { // 512: a full leaf node
        long newest = DateWindow.edge(s, PaperSchema.SUBMITTED, true, k, null).orElseThrow();
        long oldest = DateWindow.edge(s, PaperSchema.SUBMITTED, false, k, null).orElseThrow();
        int inNewest = s.count(LongPoint.newRangeQuery(PaperSchema.SUBMITTED, newest, Long.MAX_VALUE));
        int inOldest = s.count(LongPoint.newRangeQuery(PaperSchema.SUBMITTED, Long.MIN_VALUE, oldest));
        assertThat(inNewest).as("newest window for %d", k).isGreaterThanOrEqualTo((int) k);
        assertThat(inOldest).as("oldest window for %d", k).isGreaterThanOrEqualTo((int) k);
        // and not much more than asked (node-sized steps: 512 points at most)
        assertThat(inNewest).isLessThan((int) k + 2 * 512);
        // bounded by a cursor date: the dates between the edge and the cursor
        long cursor = newest - 100;
        long below = DateWindow.edge(s, PaperSchema.SUBMITTED, true, k, cursor).orElseThrow();
        assertThat(s.count(LongPoint.newRangeQuery(PaperSchema.SUBMITTED, below, cursor)))
            .isGreaterThanOrEqualTo((int) k);
      }
      // more than any segment holds: no window
      assertThat(DateWindow.edge(s, PaperSchema.SUBMITTED, true, 1_000_000, null)).isEmpty();
    }
  }

  private static void assertSame(TopFieldDocs got, TopFieldDocs want, SortOrder order, Query q,
      int size) {
    assertThat(ids(got)).as("%s %s size %d", order, q, size).isEqualTo(ids(want));
  }

  private static List<Integer> ids(TopFieldDocs d) {
    return Arrays.stream(d.scoreDocs).map(sd -> sd.doc).toList();
  }

  private static List<Query> queries() {
    List<Query> qs = new ArrayList<>();
    qs.add(new MatchAllDocsQuery());
    for (String share : new String[] {"half", "tenth", "hundredth", "thousandth", "none"}) {
      qs.add(new TermQuery(new Term("share", share)));
    }
    return qs;
  }

  /** 6,000 papers over 900 days (many per day), a few without dates, some deleted. */
  private static Directory index(boolean chronological, boolean deletions) throws IOException {
    Random rnd = new Random(chronological ? 1 : 2);
    Directory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig()
        .setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE))) {
      for (int i = 0; i < 6_000; i++) {
        long day = chronological ? 18_000 + i * 900L / 6_000 : 18_000 + rnd.nextInt(900);
        Document d = new Document();
        String id = String.format("%05d", rnd.nextInt(100_000));
        d.add(new StringField("uid", Integer.toString(i), Field.Store.NO));
        d.add(new SortedDocValuesField(PaperSchema.ID, new BytesRef(id)));
        if (rnd.nextInt(50) > 0) {
          date(d, PaperSchema.SUBMITTED, day);
          date(d, PaperSchema.UPDATED, day + (rnd.nextBoolean() ? 0 : rnd.nextInt(300)));
        }
        int r = rnd.nextInt(1_000);
        d.add(new StringField("share", r == 0 ? "thousandth" : r < 10 ? "hundredth"
            : r < 100 ? "tenth" : r < 500 ? "half" : "rest", Field.Store.NO));
        w.addDocument(d);
        if (i % 3_000 == 2_999 || i == 5_200) { // two big segments and a small one
          w.commit();
        }
      }
      for (int i = 0; i < (deletions ? 6_000 : 0); i += 7) {
        w.deleteDocuments(new Term("uid", Integer.toString(i)));
      }
    }
    return dir;
  }

  private static void date(Document d, String field, long day) {
    d.add(new LongPoint(field, day));
    d.add(new NumericDocValuesField(field, day));
  }
}
