package org.paperindex.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.paperindex.model.Author;
import org.paperindex.model.Paper;
import org.paperindex.store.TestPapers;

/** Facet columns hold each document's labels, and segments merged away drop out of the cache. */
class FacetColumnCacheTest {

  @Test
  void columns_hold_the_labels_of_each_document_and_follow_merges() throws Exception {
    FacetColumnCache cache = new FacetColumnCache();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(PaperSchema.analyzer()))) {
      w.addDocument(PaperSchema.toDocument(paper("2101.00001", "hep-th", List.of("gr-qc", "math-ph"), 2021)));
      w.addDocument(PaperSchema.toDocument(paper("2101.00002", "cs.LG", List.of(), 2021)));
      w.commit(); // first segment
      w.addDocument(PaperSchema.toDocument(paper("1901.00003", "math-ph", List.of("hep-th"), 2019)));
      w.commit(); // second segment

      DirectoryReader r1 = DirectoryReader.open(dir);
      cache.warm(r1);
      assertThat(r1.leaves()).hasSize(2);
      assertThat(cache.segments()).isEqualTo(2);

      int cat = PaperSchema.FACET_DIMS.indexOf(PaperSchema.FACET_CATEGORY);
      int year = PaperSchema.FACET_DIMS.indexOf(PaperSchema.FACET_YEAR);
      List<List<String>> cats = new ArrayList<>();
      List<String> years = new ArrayList<>();
      for (LeafReaderContext leaf : r1.leaves()) {
        FacetColumns c = cache.columns(leaf);
        assertThat(c.overflowBit(cat)).isEqualTo(-1); // few labels: every value fits the row
        for (int doc = 0; doc < c.maxDoc(); doc++) {
          List<String> row = new ArrayList<>();
          for (int id : c.labelIds(cat, doc)) {
            row.add(cache.labels(cat).label(id));
          }
          cats.add(row);
          assertThat(c.labelIds(year, doc)).hasSize(1);
          years.add(cache.labels(year).label(c.labelIds(year, doc)[0]));
        }
      }
      assertThat(cats).containsExactly(List.of("gr-qc", "hep-th", "math-ph"), List.of("cs.LG"),
          List.of("hep-th", "math-ph"));
      assertThat(years).containsExactly("2021", "2021", "2019");
      // one numbering across segments: hep-th has one id in both
      assertThat(cache.labels(cat).find("hep-th")).isNotNegative();
      assertThat(cache.labels(cat).size()).isEqualTo(4);

      w.forceMerge(1);
      w.commit();
      DirectoryReader r2 = DirectoryReader.openIfChanged(r1);
      assertThat(r2).isNotNull();
      cache.warm(r2);
      assertThat(cache.segments()).isEqualTo(3); // the merged segment, and the two still open
      r1.close();
      assertThat(cache.segments()).isEqualTo(1); // closed cores are dropped
      FacetColumns merged = cache.columns(r2.leaves().get(0));
      assertThat(merged.maxDoc()).isEqualTo(3);
      assertThat(merged.bytes()).isPositive();
      r2.close();
      assertThat(cache.segments()).isZero();
    }
  }

  private static Paper paper(String id, String primary, List<String> cross, int year) {
    List<String> cats = new ArrayList<>(List.of(primary));
    cats.addAll(cross);
    return Paper.builder(TestPapers.id(id)).version(1).title("Title of " + id)
        .authors(List.of(Author.named("Ada Lovelace"))).primaryCategory(primary).categories(cats)
        .submitted(LocalDate.of(year, 3, 1)).build();
  }
}
