package org.paperindex.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.config.AppConfig.IndexConfig;
import org.paperindex.model.Paper;
import org.paperindex.store.RecordStore;
import org.paperindex.store.TestPapers;

/** Re-indexing from the store while searches run: zero failed or empty answers, atomic switch. */
class ReindexerTest {
  private static final IndexConfig CFG = new IndexConfig(16, Duration.ofMillis(20), Duration.ofSeconds(30));
  @TempDir Path dir;

  private static Paper paper(int i) {
    return TestPapers.simple(String.format("2101.%05d", i), "Title " + i, "Author " + i, "cs.IR", 2021);
  }

  @Test
  void rebuild_switches_atomically_while_searches_and_ingest_go_on() throws Exception {
    try (RecordStore store = RecordStore.open(dir.resolve("data"));
        PaperIndex index = PaperIndex.open(dir.resolve("index"), CFG)) {
      // the enricher marks which build a document came from
      AtomicInteger build = new AtomicInteger(1);
      UnaryOperator<Paper> enricher = p -> p.toBuilder().comments("build" + build.get()).build();
      Ingester ingester = new Ingester(store, index, enricher);
      for (int i = 1; i <= 3000; i++) {
        ingester.accept(paper(i));
      }
      ingester.commit();
      index.refresh();

      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong searches = new AtomicLong();
      AtomicLong bad = new AtomicLong();
      Thread searcher = new Thread(() -> {
        while (!stop.get()) {
          try {
            int n = index.withSearcher(s -> {
              try {
                return s.count(new MatchAllDocsQuery());
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
            if (n < 3000) {
              bad.incrementAndGet(); // a half-replaced index would show fewer papers
            }
            searches.incrementAndGet();
          } catch (RuntimeException e) {
            bad.incrementAndGet();
          }
        }
      });
      searcher.start();
      build.set(2);
      Reindexer reindexer = new Reindexer(ingester);
      Thread writer = new Thread(() -> ingester.accept(paper(5000))); // arrives during the rebuild
      writer.start();
      Reindexer.Report r = reindexer.reindex();
      writer.join();
      Thread.sleep(100);
      stop.set(true);
      searcher.join();

      assertThat(bad.get()).as("failed or incomplete searches during reindex").isZero();
      assertThat(searches.get()).isGreaterThan(10);
      assertThat(r.papers()).isBetween(3000L, 3001L);
      index.refresh();
      assertThat(index.count()).isEqualTo(3001);
      assertThat(index.get(paper(7).id()).orElseThrow().comments()).isEqualTo("build2");
      assertThat(index.get(paper(5000).id())).isPresent();
      try (Stream<Path> s = Files.list(dir)) {
        assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("rebuild"));
      }
    }
  }

  @Test
  void a_failed_rebuild_leaves_the_old_index_serving() {
    try (RecordStore store = RecordStore.open(dir.resolve("data"));
        PaperIndex index = PaperIndex.open(dir.resolve("index"), CFG)) {
      AtomicBoolean broken = new AtomicBoolean();
      UnaryOperator<Paper> enricher = p -> {
        if (broken.get() && p.id().value().endsWith("00050")) {
          throw new IllegalStateException("extractor crashed");
        }
        return p;
      };
      Ingester ingester = new Ingester(store, index, enricher);
      for (int i = 1; i <= 100; i++) {
        ingester.accept(paper(i));
      }
      ingester.commit();
      index.refresh();
      broken.set(true);
      assertThatThrownBy(() -> new Reindexer(ingester).reindex()).hasMessageContaining("extractor crashed");
      index.refresh();
      assertThat(index.count()).isEqualTo(100);
      // the index still takes new papers and commits
      broken.set(false);
      ingester.accept(paper(101));
      ingester.commit();
      index.refresh();
      assertThat(index.count()).isEqualTo(101);
    }
  }
}
