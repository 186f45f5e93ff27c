package org.paperindex.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.paperindex.store.RecordStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the whole index from the record store without downtime: the new index is written
 * into a separate directory while the live one keeps serving (and keeps taking new papers),
 * then swapped in as one switch ({@link PaperIndex#replaceAll}); papers that changed during the
 * rebuild are replayed before searches see it. A failed rebuild leaves the live index untouched.
 */
public final class Reindexer {
  private static final Logger LOG = LoggerFactory.getLogger(Reindexer.class);

  private final Ingester ingester;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile Report last;
  private volatile String lastError;

  /** What one rebuild did. */
  public record Report(long papers, long replayed, Instant started, Instant finished, long millis) {}

  /** A rebuild was asked for while another one runs. */
  public static final class AlreadyRunning extends RuntimeException {
    AlreadyRunning() {
      super("a reindex is already running");
    }
  }

  public Reindexer(Ingester ingester) {
    this.ingester = ingester;
  }

  public boolean running() {
    return running.get();
  }

  /** The last successful rebuild, if any, since start. */
  public java.util.Optional<Report> lastReport() {
    return java.util.Optional.ofNullable(last);
  }

  /** The error of the last rebuild if it failed, else null. */
  public String lastError() {
    return lastError;
  }

  /** Rebuilds, switches and returns the report; throws {@link AlreadyRunning} if one runs. */
  public Report reindex() {
    if (!running.compareAndSet(false, true)) {
      throw new AlreadyRunning();
    }
    Instant started = Instant.now();
    PaperIndex live = ingester.index();
    RecordStore store = ingester.store();
    Path work = live.dir().toAbsolutePath().resolveSibling(
        live.dir().getFileName() + ".rebuild-" + started.toEpochMilli());
    try {
      ingester.commit(); // everything up to seq0 is in the store
      long seq0 = store.lastSeq();
      long[] papers = {0};
      try (Directory d = FSDirectory.open(work);
          IndexWriter w = new IndexWriter(d, new IndexWriterConfig(PaperSchema.analyzer())
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(64))) {
        store.forEach(p -> {
          try {
            w.addDocument(PaperSchema.toDocument(ingester.enricher().apply(p)));
            papers[0]++;
          } catch (IOException e) {
            throw new UncheckedIOException("rebuild: cannot index " + p.id(), e);
          }
        });
        w.commit();
        w.close();
        long replayed = ingester.exclusively(() -> {
          live.replaceAll(d, seq0);
          long[] n = {0};
          // papers that changed while the rebuild ran
          store.replaySince(seq0, p -> {
            live.upsert(ingester.enricher().apply(p));
            n[0]++;
          });
          if (n[0] > 0) {
            store.commit();
            live.commit(store.lastSeq());
            live.refresh();
          }
          return n[0];
        });
        Instant finished = Instant.now();
        LOG.info("reindex: {} papers rebuilt, {} replayed, in {}", papers[0], replayed,
            Duration.between(started, finished));
        last = new Report(papers[0], replayed, started, finished,
            Duration.between(started, finished).toMillis());
        lastError = null;
        return last;
      }
    } catch (IOException e) {
      lastError = e.getMessage();
      throw new IndexException("reindex failed, the previous index is still serving: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      lastError = e.getMessage();
      throw e;
    } finally {
      deleteQuietly(work);
      running.set(false);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("cannot delete rebuild directory {}", dir, e);
    }
  }
}
