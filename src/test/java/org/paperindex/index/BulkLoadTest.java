package org.paperindex.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.config.AppConfig.IndexConfig;
import org.paperindex.model.Paper;
import org.paperindex.store.RecordStore;
import org.paperindex.store.TestPapers;
import org.paperindex.store.UpsertResult.Outcome;

/** The bulk-import fast paths: plain adds for new ids never duplicate a paper; refresh pauses. */
class BulkLoadTest {

  private static final IndexConfig FAST_REFRESH =
      new IndexConfig(16, Duration.ofMillis(20), Duration.ofSeconds(30));

  @TempDir Path dir;

  private static Paper paper(int i, String title) {
    return TestPapers.simple(String.format("2101.%05d", i), title, "Author " + i, "cs.IR", 2021);
  }

  private static int docsWithId(PaperIndex index, Paper p) {
    index.refresh();
    return index.withSearcher(s -> {
      try {
        return s.count(new TermQuery(new Term(PaperSchema.ID, p.id().value())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Test
  void new_ids_in_a_fresh_index_then_updates_leave_one_document_each() {
    try (RecordStore store = RecordStore.open(dir.resolve("data"));
        PaperIndex index = PaperIndex.open(dir.resolve("index"), FAST_REFRESH)) {
      Ingester ing = new Ingester(store, index);
      for (int i = 1; i <= 50; i++) {
        assertThat(ing.accept(paper(i, "First " + i)).outcome()).isEqualTo(Outcome.ADDED);
      }
      ing.commit();
      assertThat(ing.accept(paper(7, "Second 7").toBuilder().comments("v2").build()).outcome())
          .isEqualTo(Outcome.UPDATED);
      assertThat(docsWithId(index, paper(7, "x"))).isEqualTo(1);
      assertThat(index.count()).isEqualTo(50);
    }
  }

  @Test
  void a_store_that_lost_papers_the_index_still_has_never_causes_duplicates() {
    Paper p = paper(1, "Indexed before");
    // the index has the paper, the (replaced) store does not: the store will call it ADDED
    try (PaperIndex index = PaperIndex.open(dir.resolve("index"), FAST_REFRESH)) {
      index.upsert(p);
      index.commit(0);
    }
    try (RecordStore store = RecordStore.open(dir.resolve("fresh-data"));
        PaperIndex index = PaperIndex.open(dir.resolve("index"), FAST_REFRESH)) {
      Ingester ing = new Ingester(store, index);
      assertThat(ing.accept(paper(1, "Imported again")).outcome()).isEqualTo(Outcome.ADDED);
      assertThat(docsWithId(index, p)).isEqualTo(1);
      assertThat(index.get(p.id()).map(Paper::title)).contains("Imported again");
    }
  }

  @Test
  void bulk_load_pauses_background_refresh_until_closed() throws Exception {
    try (RecordStore store = RecordStore.open(dir.resolve("data"));
        PaperIndex index = PaperIndex.open(dir.resolve("index"), FAST_REFRESH)) {
      Ingester ing = new Ingester(store, index);
      try (AutoCloseable bulk = ing.bulkLoad()) {
        ing.accept(paper(1, "During bulk"));
        Thread.sleep(300); // many refresh intervals
        assertThat(index.count()).isZero();
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (index.count() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(index.count()).isEqualTo(1);
    }
  }
}
