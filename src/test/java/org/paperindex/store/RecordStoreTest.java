package org.paperindex.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.model.Paper;
import org.paperindex.model.Source;
import org.paperindex.parse.RejectedRecord;
import org.paperindex.store.UpsertResult.Outcome;

class RecordStoreTest {

  @TempDir Path dir;

  @Test
  void upsertOutcomes() {
    try (RecordStore store = RecordStore.open(dir)) {
      Paper p = TestPapers.full();
      UpsertResult added = store.upsert(p);
      assertThat(added.outcome()).isEqualTo(Outcome.ADDED);
      assertThat(added.seq()).isEqualTo(1);
      UpsertResult same = store.upsert(p);
      assertThat(same.outcome()).isEqualTo(Outcome.UNCHANGED);
      assertThat(same.merged()).isEqualTo(added.merged());
      assertThat(store.lastSeq()).isEqualTo(1);
      UpsertResult updated = store.upsert(p.toBuilder().journalRef("J. 2").build());
      assertThat(updated.outcome()).isEqualTo(Outcome.UPDATED);
      assertThat(updated.seq()).isEqualTo(2);
      assertThat(store.get(p.id())).hasValueSatisfying(x -> assertThat(x.journalRef()).isEqualTo("J. 2"));
      assertThat(store.count()).isEqualTo(1);
      // a stub merged into an existing paper keeps the metadata
      UpsertResult withdrawn = store.upsert(TestPapers.stub(p.id().value()));
      assertThat(withdrawn.outcome()).isEqualTo(Outcome.UPDATED);
      assertThat(withdrawn.merged().withdrawn()).isTrue();
      assertThat(withdrawn.merged().title()).isEqualTo(p.title());
    }
  }

  @Test
  void survivesReopen() {
    Paper p = TestPapers.full();
    try (RecordStore store = RecordStore.open(dir)) {
      store.upsert(p);
      store.upsert(TestPapers.stub("hep-th/9901001"));
      store.putMeta("oai.from", "2021-01-01");
      store.commit();
    }
    assertThat(dir.resolve("records.mv.db")).exists();
    try (RecordStore store = RecordStore.open(dir)) {
      assertThat(store.count()).isEqualTo(2);
      assertThat(store.get(p.id())).contains(PaperMerger.merge(null, p));
      assertThat(store.get(TestPapers.id("hep-th/9901001"))).hasValueSatisfying(s -> assertThat(s.isStub()).isTrue());
      assertThat(store.meta("oai.from")).contains("2021-01-01");
      assertThat(store.meta("missing")).isEmpty();
      assertThat(store.lastSeq()).isEqualTo(2);
      // sequence numbers continue after reopen
      assertThat(store.upsert(TestPapers.simple("2101.00003", "t", "a", "cs.IR", 2021)).seq()).isEqualTo(3);
    }
  }

  @Test
  void forEachStreamsAllPapers() {
    try (RecordStore store = RecordStore.open(dir)) {
      for (int i = 1; i <= 50; i++) {
        store.upsert(TestPapers.simple(String.format("2101.%05d", i), "Title " + i, "A", "cs.IR", 2021));
      }
      List<String> ids = new ArrayList<>();
      store.forEach(p -> ids.add(p.id().value()));
      assertThat(ids).hasSize(50).isSorted();
    }
  }

  @Test
  void replayVisitsChangedPapersOnceInTheirLatestState() {
    try (RecordStore store = RecordStore.open(dir)) {
      Paper a = TestPapers.simple("2101.00001", "A", "X", "cs.IR", 2021);
      Paper b = TestPapers.simple("2101.00002", "B", "X", "cs.IR", 2021);
      Paper c = TestPapers.simple("2101.00003", "C", "X", "cs.IR", 2021);
      store.upsert(a); // seq 1
      store.upsert(b); // seq 2
      long mark = store.lastSeq();
      store.upsert(c); // seq 3
      store.upsert(a.toBuilder().comments("changed").build()); // seq 4
      store.upsert(a.toBuilder().comments("changed").doi("10.1/x").build()); // seq 5
      List<Paper> seen = new ArrayList<>();
      store.replaySince(mark, seen::add);
      assertThat(seen).extracting(p -> p.id().value()).containsExactly("2101.00003", "2101.00001");
      assertThat(seen.get(1).doi()).isEqualTo("10.1/x");
      List<Paper> all = new ArrayList<>();
      store.replaySince(0, all::add);
      assertThat(all).hasSize(3);
      List<Paper> none = new ArrayList<>();
      store.replaySince(store.lastSeq(), none::add);
      assertThat(none).isEmpty();
    }
  }

  /** Regression: a re-run after a crash (or a re-harvested day) quarantined the same record twice. */
  @Test
  void theSameRejectedRecordIsQuarantinedOnceAndKeysAreNeverReused() {
    try (RecordStore store = RecordStore.open(dir)) {
      String k1 = store.quarantine(new RejectedRecord("2101.00001", "no title", "<record/>"), Source.OAI);
      String again = store.quarantine(new RejectedRecord("2101.00001", "no title (v2)", "<record/>"), Source.OAI);
      String other = store.quarantine(new RejectedRecord("2101.00001", "no title", "<record>x</record>"), Source.OAI);
      assertThat(again).isEqualTo(k1);
      assertThat(other).isNotEqualTo(k1);
      assertThat(store.quarantineSize()).isEqualTo(2);
      assertThat(store.quarantined(k1).orElseThrow().reason()).isEqualTo("no title (v2)");
      store.release(other);
      store.commit();
    }
    try (RecordStore store = RecordStore.open(dir)) {
      // the newest key was released: a new entry still gets a fresh key
      String k3 = store.quarantine(new RejectedRecord(null, "bad", "{"), Source.SNAPSHOT);
      assertThat(k3).isEqualTo("000000000003");
    }
  }

  @Test
  void quarantineKeepsRawReasonAndSource() {
    try (RecordStore store = RecordStore.open(dir)) {
      String k1 = store.quarantine(new RejectedRecord("2101.00001", "no title", "<record/>"), Source.OAI);
      String k2 = store.quarantine(new RejectedRecord(null, "bad json", "{"), Source.SNAPSHOT);
      assertThat(store.quarantineSize()).isEqualTo(2);
      List<QuarantineEntry> q = store.quarantined(10);
      assertThat(q).extracting(QuarantineEntry::key).containsExactly(k1, k2);
      assertThat(q.get(0).reason()).isEqualTo("no title");
      assertThat(q.get(0).raw()).isEqualTo("<record/>");
      assertThat(q.get(0).source()).isEqualTo(Source.OAI);
      assertThat(q.get(0).time()).isNotNull();
      assertThat(q.get(1).identifier()).isNull();
      assertThat(store.quarantined(1)).hasSize(1);
      store.release(k1);
      assertThat(store.quarantineSize()).isEqualTo(1);
      store.commit();
    }
    try (RecordStore store = RecordStore.open(dir)) {
      assertThat(store.quarantined(10)).extracting(QuarantineEntry::reason).containsExactly("bad json");
      // keys keep increasing after reopen
      String k3 = store.quarantine(new RejectedRecord("x", "r", ""), null);
      assertThat(k3).isGreaterThan(store.quarantined(1).get(0).key());
    }
  }

  @Test
  void damagedFileFailsWithItsName() throws Exception {
    Files.write(dir.resolve("records.mv.db"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3});
    assertThatThrownBy(() -> RecordStore.open(dir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("records.mv.db")
        .hasMessageContaining("cannot open record store");
  }

  @Test
  void secondOpenOfTheSameFileFailsClearly() {
    try (RecordStore store = RecordStore.open(dir)) {
      assertThat(store.count()).isZero();
      assertThatThrownBy(() -> RecordStore.open(dir))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("records.mv.db");
    }
  }

  @Test
  void aChunkSavedBeforeACommitNeverHoldsAPaperWithoutItsChangeLogEntry() throws Exception {
    // a tiny save threshold: chunks are saved over and over while the papers come in, as a
    // large import does every 16 MB; a copy of the file taken meanwhile is what a crash leaves
    Path crash = dir.resolve("crash");
    Files.createDirectories(crash);
    try (RecordStore store = RecordStore.open(dir.resolve("live"), 8)) {
      for (int i = 1; i <= 3000; i++) {
        store.upsert(TestPapers.simple(String.format("2101.%05d", i), "Title " + i, "A", "cs.IR", 2021));
        if (i % 3 == 0) { // some papers change again: their old change-log entry goes
          store.upsert(TestPapers.simple(String.format("2101.%05d", i - 1), "Retitled " + i, "A",
              "cs.IR", 2021));
        }
      }
      Files.copy(dir.resolve("live").resolve(RecordStore.FILE_NAME), crash.resolve(RecordStore.FILE_NAME));
    }
    try (RecordStore store = RecordStore.open(crash)) {
      assertThat(store.count()).as("chunks were saved before any commit").isGreaterThan(1000);
      List<String> logged = new ArrayList<>();
      store.changedSince(0, 10_000).forEach(c -> logged.add(c.id().value()));
      List<String> stored = new ArrayList<>();
      store.forEach(p -> stored.add(p.id().value()));
      // every stored paper once in the change log, so a replay re-indexes each of them
      assertThat(logged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(stored);
      assertThat(store.lastSeq()).isGreaterThanOrEqualTo(store.count());
    }
  }
}
