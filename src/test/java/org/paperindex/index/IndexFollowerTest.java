package org.paperindex.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperindex.index.PaperSchemaTest.CFG;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.model.Paper;
import org.paperindex.store.RecordStore;
import org.paperindex.store.TestPapers;

/** The index follows the record store's change log in the background, crash-safely. */
class IndexFollowerTest {

  @TempDir Path dir;

  private static Paper paper(int i) {
    return TestPapers.simple(String.format("2101.%05d", i), "Title " + i, "Author " + i, "cs.IR", 2021);
  }

  private static void waitFor(java.util.function.BooleanSupplier ok, Duration max) throws Exception {
    long deadline = System.nanoTime() + max.toNanos();
    while (!ok.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within " + max).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void a_stored_paper_becomes_searchable_without_a_commit() throws Exception {
    try (RecordStore store = RecordStore.open(dir.resolve("data"));
        PaperIndex index = PaperIndex.open(dir.resolve("index"), CFG)) {
      Ingester ing = new Ingester(store, index);
      try (IndexFollower f = ing.followInBackground(Duration.ofSeconds(30))) {
        ing.accept(paper(1));
        ing.accept(paper(2));
        // writers went quiet: within the idle poll, the quiet period and a refresh interval
        waitFor(() -> index.get(paper(2).id()).isPresent(), Duration.ofSeconds(20));
        assertThat(ing.indexLag()).isZero();
        assertThat(f.applied()).isEqualTo(store.lastSeq());
        assertThat(index.committedStoreSeq()).as("nothing asked for a commit").isZero();
      }
    }
  }

  @Test
  void lag_is_what_the_store_has_that_the_index_has_not_applied() throws Exception {
    try (RecordStore store = RecordStore.open(dir.resolve("data"));
        PaperIndex index = PaperIndex.open(dir.resolve("index"), CFG)) {
      Ingester ing = new Ingester(store, index);
      ing.followInBackground(Duration.ofSeconds(30)).close(); // stopped: nothing is applied
      for (int i = 1; i <= 3; i++) {
        ing.accept(paper(i));
      }
      assertThat(ing.indexLag()).isEqualTo(3);
      assertThat(ing.follower().orElseThrow().stats().applied()).isZero();
    }
  }

  @Test
  void a_crash_after_the_store_commit_and_before_the_index_commit_catches_up_on_open()
      throws Exception {
    try (RecordStore store = RecordStore.open(dir.resolve("data"));
        PaperIndex index = PaperIndex.open(dir.resolve("index"), CFG)) {
      Ingester ing = new Ingester(store, index);
      ing.followInBackground(Duration.ofSeconds(30)).close(); // the follower never gets to it
      for (int i = 1; i <= 50; i++) {
        ing.accept(paper(i));
      }
      ing.commit(); // the store commits; the index commit was only asked for
      // closing without an index commit is what a kill -9 leaves: the index at its old commit
    }
    try (RecordStore store = RecordStore.open(dir.resolve("data"));
        PaperIndex index = PaperIndex.open(dir.resolve("index"), CFG)) {
      assertThat(store.count()).isEqualTo(50);
      assertThat(index.committedStoreSeq()).isZero();
      Ingester ing = new Ingester(store, index);
      try (IndexFollower f = ing.followInBackground(Duration.ofSeconds(30))) {
        assertThat(f.commitAndWait(Duration.ofSeconds(60))).isTrue();
        assertThat(index.committedStoreSeq()).isEqualTo(store.lastSeq()).isEqualTo(50);
        index.refresh();
        assertThat(index.count()).isEqualTo(50);
      }
    }
  }

  @Test
  void concurrent_writers_and_commits_leave_every_paper_indexed_once() throws Exception {
    try (RecordStore store = RecordStore.open(dir.resolve("data"));
        PaperIndex index = PaperIndex.open(dir.resolve("index"), CFG)) {
      Ingester ing = new Ingester(store, index);
      try (IndexFollower f = ing.followInBackground(Duration.ofMillis(50))) {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
          int base = t * 400;
          threads.add(new Thread(() -> {
            for (int i = 1; i <= 400; i++) {
              ing.accept(paper(base + i));
              if (i % 3 == 0) {
                ing.accept(paper(base + i - 1).toBuilder().comments("again " + i).build());
              }
              if (i % 100 == 0) {
                ing.commit();
              }
            }
          }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
          t.join();
        }
        // a rebuild-like exclusive section in the middle of it all
        ing.exclusively(() -> null);
        for (int i = 1; i <= 50; i++) {
          ing.accept(paper(2000 + i));
        }
        ing.commit();
        assertThat(f.commitAndWait(Duration.ofSeconds(60))).isTrue();
        assertThat(index.committedStoreSeq()).isEqualTo(store.lastSeq());
        index.refresh();
        assertThat(index.count()).as("one document per paper").isEqualTo(1_250);
        assertThat(index.get(paper(2).id()).map(Paper::comments)).contains("again 3");
      }
    }
    try (PaperIndex index = PaperIndex.openReadOnly(dir.resolve("index"))) {
      assertThat(index.count()).as("committed").isEqualTo(1_250);
    }
  }
}
