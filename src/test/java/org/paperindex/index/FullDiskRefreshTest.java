package org.paperindex.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.config.AppConfig.IndexConfig;
import org.paperindex.store.TestPapers;
import org.slf4j.LoggerFactory;

/**
 * A write that fails for want of disk space loses Lucene's writer. The caller reports that
 * failure; the background refresher, which then finds the writer closed, must not add a stack
 * trace to the operator's console for every tick (as it did in CI's disk-full run).
 */
class FullDiskRefreshTest {
  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final Logger log = (Logger) LoggerFactory.getLogger(PaperIndex.class);
  private Level level;

  @BeforeEach
  void capture() {
    level = log.getLevel();
    log.setLevel(Level.INFO);
    events.start();
    log.addAppender(events);
  }

  @AfterEach
  void release() {
    log.detachAppender(events);
    log.setLevel(level);
  }

  @Test
  void aWriterLostToAFullDiskStopsTheRefresherWithoutATrace() throws Exception {
    AtomicBoolean full = new AtomicBoolean();
    IndexConfig cfg = new IndexConfig(16, Duration.ofMillis(10), Duration.ofHours(1));
    try (PaperIndex index = PaperIndex.open(dir, cfg, d -> new FullDisk(d, full))) {
      index.upsert(TestPapers.simple("2101.00001", "Title", "A", "cs.IR", 2021));
      index.refresh();
      full.set(true);
      assertThatThrownBy(() -> {
        index.upsert(TestPapers.simple("2101.00002", "Title", "A", "cs.IR", 2021));
        index.commit(2);
      }).hasStackTraceContaining("No space left on device");
      Thread.sleep(300); // some 30 refresher ticks
      assertThat(events.list).allSatisfy(e -> {
        assertThat(e.getThrowableProxy()).as(e.getFormattedMessage()).isNull();
        assertThat(e.getFormattedMessage()).doesNotContain("\n");
      });
      assertThat(events.list.stream().filter(e -> e.getLevel() == Level.WARN)).hasSizeLessThan(2);
    }
  }

  /** Creating any file fails once {@code full} is set, as on a full disk. */
  private static final class FullDisk extends FilterDirectory {
    private final AtomicBoolean full;

    FullDisk(Directory in, AtomicBoolean full) {
      super(in);
      this.full = full;
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
      check();
      return super.createOutput(name, context);
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context)
        throws IOException {
      check();
      return super.createTempOutput(prefix, suffix, context);
    }

    private void check() throws IOException {
      if (full.get()) {
        throw new IOException("No space left on device");
      }
    }
  }
}
