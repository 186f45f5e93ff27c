package org.paperindex.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperindex.index.PaperSchemaTest.CFG;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.model.Paper;
import org.paperindex.store.RecordStore;
import org.paperindex.store.TestPapers;

class PaperIndexTest {

  @TempDir Path dir;

  @Test
  void upsertByIdReplaces() {
    try (PaperIndex index = PaperIndex.open(dir, CFG)) {
      Paper p = TestPapers.simple("2101.00001", "First title", "A", "cs.IR", 2021);
      index.upsert(p);
      index.upsert(p.toBuilder().title("Second title").build());
      index.refresh();
      assertThat(index.count()).isEqualTo(1);
      assertThat(index.get(p.id()).map(Paper::title)).contains("Second title");
    }
  }

  @Test
  void nrtSearchSeesDocumentsWithoutCommit() throws Exception {
    try (PaperIndex index = PaperIndex.open(dir, CFG)) {
      index.upsert(TestPapers.simple("2101.00001", "T", "A", "cs.IR", 2021));
      index.refresh();
      assertThat(index.count()).isEqualTo(1);
      // and the background refresher picks up new documents by itself
      index.upsert(TestPapers.simple("2101.00002", "T2", "A", "cs.IR", 2021));
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (index.count() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(index.count()).isEqualTo(2);
      assertThat(index.committedStoreSeq()).isZero();
    }
    // nothing was committed, so nothing survives a close
    try (PaperIndex index = PaperIndex.open(dir, CFG)) {
      assertThat(index.count()).isZero();
    }
  }

  @Test
  void commitStoresTheStoreSequence() {
    try (PaperIndex index = PaperIndex.open(dir, CFG)) {
      index.upsert(TestPapers.simple("2101.00001", "T", "A", "cs.IR", 2021));
      index.commit(42);
      assertThat(index.committedStoreSeq()).isEqualTo(42);
    }
    try (PaperIndex index = PaperIndex.open(dir, CFG)) {
      assertThat(index.committedStoreSeq()).isEqualTo(42);
      assertThat(index.count()).isEqualTo(1);
    }
  }

  @Test
  void olderVersionNeverOverwritesNewerThroughTheIngester() {
    try (RecordStore store = RecordStore.open(dir.resolve("data"));
        PaperIndex index = PaperIndex.open(dir.resolve("index"), CFG)) {
      Ingester ing = new Ingester(store, index);
      Paper v2 = TestPapers.full();
      Paper v1 = v2.toBuilder().version(1).title("Old title").versions(v2.versions().subList(0, 1))
          .updated(null).build();
      ing.accept(v2);
      ing.accept(v1);
      index.refresh();
      assertThat(index.get(v2.id()).map(Paper::title)).contains(v2.title());
      assertThat(index.count()).isEqualTo(1);
      assertThat(ing.accept(v2).changed()).isFalse();
      assertThat(ing.counters().added()).isEqualTo(1);
      assertThat(ing.counters().unchanged()).isEqualTo(2); // the older record added nothing
    }
  }

  @Test
  void facetStateIsCachedPerSearcher() {
    try (PaperIndex index = PaperIndex.open(dir, CFG)) {
      index.upsert(TestPapers.full());
      index.upsert(TestPapers.simple("2101.00002", "T", "A", "cs.IR", 2020));
      index.refresh();
      FacetResult cats = index.withSearcher(s -> {
        PaperSearcher ps = (PaperSearcher) s;
        assertThat(ps.facetState()).isSameAs(ps.facetState());
        try {
          FacetsCollector fc = s.search(new MatchAllDocsQuery(), new FacetsCollectorManager());
          return new SortedSetDocValuesFacetCounts(ps.facetState().orElseThrow(), fc)
              .getTopChildren(10, PaperSchema.FACET_CATEGORY);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      assertThat(cats.labelValues).extracting(lv -> lv.label + "=" + lv.value)
          .containsExactlyInAnyOrder("cs.IR=2", "quant-ph=1");
      long n = index.withSearcher(s -> count(s, new TermQuery(new Term(PaperSchema.CATEGORIES, "cs.ir"))));
      assertThat(n).isEqualTo(2);
    }
  }

  @Test
  void emptyIndexHasNoFacetState() {
    try (PaperIndex index = PaperIndex.open(dir, CFG)) {
      Optional<?> state = index.withSearcher(s -> ((PaperSearcher) s).facetState());
      assertThat(state).isEmpty();
    }
  }

  @Test
  void damagedIndexFailsWithItsDirectory() throws IOException {
    java.nio.file.Files.write(dir.resolve("segments_1"), new byte[] {1, 2, 3});
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PaperIndex.open(dir, CFG))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("cannot open index " + dir.toAbsolutePath());
  }

  private static long count(org.apache.lucene.search.IndexSearcher s, org.apache.lucene.search.Query q) {
    try {
      return s.count(q);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
