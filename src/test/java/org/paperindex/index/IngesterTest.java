package org.paperindex.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperindex.index.PaperSchemaTest.CFG;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.model.Paper;
import org.paperindex.model.Source;
import org.paperindex.parse.RejectedRecord;
import org.paperindex.store.RecordStore;
import org.paperindex.store.TestPapers;
import org.paperindex.store.UpsertResult.Outcome;

class IngesterTest {

  @TempDir Path dir;

  private Paper paper(int i) {
    return TestPapers.simple(String.format("2101.%05d", i), "Title " + i, "Author " + i, "cs.IR", 2021);
  }

  @Test
  void acceptStoresAndIndexes() {
    try (RecordStore store = RecordStore.open(dir.resolve("data"));
        PaperIndex index = PaperIndex.open(dir.resolve("index"), CFG)) {
      Ingester ing = new Ingester(store, index);
      assertThat(ing.accept(paper(1)).outcome()).isEqualTo(Outcome.ADDED);
      assertThat(ing.accept(paper(1)).outcome()).isEqualTo(Outcome.UNCHANGED);
      assertThat(ing.accept(paper(1).toBuilder().comments("c").build()).outcome()).isEqualTo(Outcome.UPDATED);
      ing.reject(new RejectedRecord("x", "broken", "<x/>"), Source.OAI);
      ing.commit();
      assertThat(index.committedStoreSeq()).isEqualTo(store.lastSeq()).isEqualTo(2);
      index.refresh();
      assertThat(index.get(paper(1).id()).map(Paper::comments)).contains("c");
      assertThat(ing.counters()).isEqualTo(new Ingester.Counters(1, 1, 1, 1, 1));
      assertThat(store.quarantineSize()).isEqualTo(1);
    }
  }

  @Test
  void concurrentAcceptsAndCommitsStayConsistent() throws Exception {
    try (RecordStore store = RecordStore.open(dir.resolve("data"));
        PaperIndex index = PaperIndex.open(dir.resolve("index"), CFG)) {
      Ingester ing = new Ingester(store, index);
      java.util.List<Thread> threads = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int base = t * 100;
        threads.add(new Thread(() -> {
          for (int i = 1; i <= 100; i++) {
            ing.accept(paper(base + i));
            if (i % 25 == 0) {
              ing.commit();
            }
          }
        }));
      }
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }
      ing.commit();
      index.refresh();
      assertThat(store.count()).isEqualTo(400);
      assertThat(index.count()).isEqualTo(400);
      assertThat(index.committedStoreSeq()).isEqualTo(400);
    }
  }

  @Test
  void catchUpRestoresTheIndexAfterACrash() {
    // run 1: 3 papers committed, then 2 more stored but the index never commits (kill -9)
    try (RecordStore store = RecordStore.open(dir.resolve("data"));
        PaperIndex index = PaperIndex.open(dir.resolve("index"), CFG)) {
      Ingester ing = new Ingester(store, index);
      for (int i = 1; i <= 3; i++) {
        ing.accept(paper(i));
      }
      ing.commit();
      ing.accept(paper(4));
      ing.accept(paper(2).toBuilder().title("Retitled").build());
      store.commit(); // the store's background writer got these to disk; the index did not
    } // PaperIndex.close() does not commit, like a crash
    try (RecordStore store = RecordStore.open(dir.resolve("data"));
        PaperIndex index = PaperIndex.open(dir.resolve("index"), CFG)) {
      assertThat(index.count()).isEqualTo(3);
      assertThat(index.committedStoreSeq()).isEqualTo(3);
      Ingester ing = new Ingester(store, index);
      assertThat(ing.catchUp()).isEqualTo(2);
      index.refresh();
      assertThat(index.count()).isEqualTo(4);
      assertThat(index.get(paper(2).id()).map(Paper::title)).contains("Retitled");
      assertThat(index.committedStoreSeq()).isEqualTo(store.lastSeq());
      assertThat(ing.catchUp()).isZero(); // nothing left
    }
  }

  @Test
  void catchUpRebuildsAFreshIndexFromTheStore() {
    try (RecordStore store = RecordStore.open(dir.resolve("data"))) {
      for (int i = 1; i <= 5; i++) {
        store.upsert(paper(i));
      }
      store.upsert(TestPapers.stub("hep-th/9901001"));
      store.commit();
    }
    try (RecordStore store = RecordStore.open(dir.resolve("data"));
        PaperIndex index = PaperIndex.open(dir.resolve("fresh-index"), CFG)) {
      assertThat(new Ingester(store, index).catchUp()).isEqualTo(6);
      index.refresh();
      assertThat(index.count()).isEqualTo(6);
    }
  }
}
