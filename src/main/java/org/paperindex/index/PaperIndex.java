package org.paperindex.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.paperindex.config.AppConfig.IndexConfig;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Paper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of papers: one writer, near-real-time searchers refreshed in the background,
 * and commits that record which store change they include.
 *
 * <p>Thread-safe. {@link #upsert} is visible to searches after the next refresh (at most
 * {@code refreshInterval}), durable only after {@link #commit}. {@link #close()} does not commit:
 * un-committed documents are restored from the record store by {@link Ingester#catchUp()}.
 */
public final class PaperIndex implements AutoCloseable {

  /** Commit user-data key holding the record store's sequence number the commit includes. */
  public static final String STORE_SEQ = "paperindex.storeSeq";

  private static final Logger LOG = LoggerFactory.getLogger(PaperIndex.class);

  private final Path dir;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ScheduledExecutorService refresher;
  private volatile long committedStoreSeq;
  // true when the index held no documents at open: then every document came through this
  // process, and an id the record store has never seen cannot be in the index yet
  private final boolean emptyAtOpen;
  // > 0 while bulk loads run: NRT refreshes would flush a tiny segment every interval
  private final java.util.concurrent.atomic.AtomicInteger bulkLoads =
      new java.util.concurrent.atomic.AtomicInteger();

  private PaperIndex(Path dir, Directory directory, IndexWriter writer, long committedStoreSeq,
      IndexConfig cfg) throws IOException {
    this.dir = dir;
    this.directory = directory;
    this.writer = writer;
    this.committedStoreSeq = committedStoreSeq;
    this.emptyAtOpen = writer != null && writer.getDocStats().maxDoc == 0;
    this.searchers =
        writer != null
            ? new SearcherManager(writer, new PaperSearcherFactory())
            : new SearcherManager(directory, new PaperSearcherFactory());
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "paperindex-refresh");
      t.setDaemon(true); // never keeps the JVM alive
      return t;
    });
    long ms = Math.max(10, cfg.refreshInterval().toMillis());
    refresher.scheduleWithFixedDelay(this::refreshQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Opens or creates the index in {@code dir}. */
  public static PaperIndex open(Path dir, IndexConfig cfg) {
    Directory directory = null;
    IndexWriter writer = null;
    try {
      Files.createDirectories(dir);
      directory = FSDirectory.open(dir);
      long seq = 0;
      if (DirectoryReader.indexExists(directory)) {
        String s = SegmentInfos.readLatestCommit(directory).getUserData().get(STORE_SEQ);
        seq = s == null ? 0 : Long.parseLong(s);
      }
      IndexWriterConfig iwc = new IndexWriterConfig(PaperSchema.analyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setRAMBufferSizeMB(cfg.ramBufferMb());
      writer = new IndexWriter(directory, iwc);
      return new PaperIndex(dir, directory, writer, seq, cfg);
    } catch (IOException | RuntimeException e) {
      closeQuietly(writer);
      closeQuietly(directory);
      throw new IndexException("cannot open index " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens the index for reading only, without the write lock, so CLI commands work while a
   * server holds it; refreshes pick up the server's commits. A missing index reads as empty.
   */
  public static PaperIndex openReadOnly(Path dir) {
    Directory directory = null;
    try {
      if (Files.isDirectory(dir)) {
        directory = FSDirectory.open(dir);
      }
      if (directory == null || !DirectoryReader.indexExists(directory)) {
        closeQuietly(directory);
        directory = new ByteBuffersDirectory();
        try (IndexWriter empty =
            new IndexWriter(directory, new IndexWriterConfig(PaperSchema.analyzer()))) {
          empty.commit();
        }
      }
      String s = SegmentInfos.readLatestCommit(directory).getUserData().get(STORE_SEQ);
      return new PaperIndex(dir, directory, null, s == null ? 0 : Long.parseLong(s),
          new IndexConfig(16, java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(30)));
    } catch (IOException | RuntimeException e) {
      closeQuietly(directory);
      throw new IndexException("cannot open index " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  /** True when this instance can only read. */
  public boolean readOnly() {
    return writer == null;
  }

  /** The index directory. */
  public Path dir() {
    return dir;
  }

  /** Adds or replaces the paper's document (keyed by id). */
  public void upsert(Paper p) {
    requireWriter();
    try {
      writer.updateDocument(new Term(PaperSchema.ID, p.id().value()), PaperSchema.toDocument(p));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index " + p.id(), e);
    }
  }

  /**
   * Adds the document of a paper the record store has just seen for the first time. When the
   * index was empty at open, every document in it came from that store, so the id cannot be
   * present and a plain add skips {@code updateDocument}'s delete-term lookups in every segment;
   * otherwise (documents of unknown origin may exist) this is {@link #upsert}.
   */
  public void addNew(Paper p) {
    if (!emptyAtOpen) {
      upsert(p);
      return;
    }
    requireWriter();
    try {
      writer.addDocument(PaperSchema.toDocument(p));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index " + p.id(), e);
    }
  }

  /**
   * Pauses the background NRT refresh until the returned handle is closed (nestable): during a
   * bulk load nobody waits for fresh results, and each refresh would flush a small segment that
   * must be merged again later.
   */
  public AutoCloseable bulkLoad() {
    bulkLoads.incrementAndGet();
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    return () -> {
      if (done.compareAndSet(false, true)) {
        bulkLoads.decrementAndGet();
      }
    };
  }

  /** Makes everything indexed so far durable and records the store sequence it covers. */
  public synchronized void commit(long storeSeq) {
    requireWriter();
    try {
      writer.setLiveCommitData(Map.of(STORE_SEQ, Long.toString(storeSeq)).entrySet());
      writer.commit();
      committedStoreSeq = storeSeq;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit index " + dir, e);
    }
  }

  /** The store sequence number recorded by the last commit ({@code 0} for a new index). */
  public long committedStoreSeq() {
    return committedStoreSeq;
  }

  /** Number of live documents as of the latest refresh. */
  public int count() {
    return withSearcher(s -> s.getIndexReader().numDocs());
  }

  /** The paper with this id as of the latest refresh, from its stored JSON. */
  public Optional<Paper> get(ArxivId id) {
    return withSearcher(s -> {
      try {
        TopDocs top = s.search(new TermQuery(new Term(PaperSchema.ID, id.value())), 1);
        if (top.scoreDocs.length == 0) {
          return Optional.empty();
        }
        ScoreDoc sd = top.scoreDocs[0];
        return Optional.of(PaperSchema.fromDocument(s.storedFields().document(sd.doc)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Runs {@code fn} with an acquired searcher and releases it afterwards. */
  public <T> T withSearcher(Function<IndexSearcher, T> fn) {
    IndexSearcher s;
    try {
      s = searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return fn.apply(s);
    } finally {
      try {
        searchers.release(s);
      } catch (IOException e) {
        LOG.warn("cannot release searcher", e);
      }
    }
  }

  /** Blocks until searches see everything indexed before this call. */
  public void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the refresher and closes searchers, writer and directory WITHOUT committing. */
  @Override
  public void close() {
    refresher.shutdownNow();
    try {
      refresher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly(searchers);
    try {
      // rollback, not close: close() would commit, and commits must carry the store seq
      if (writer != null) {
        writer.rollback();
      }
    } catch (IOException e) {
      LOG.warn("error closing index writer for {}", dir, e);
    }
    closeQuietly(directory);
  }

  private void requireWriter() {
    if (writer == null) {
      throw new IllegalStateException("index " + dir + " is open read-only");
    }
  }

  private void refreshQuietly() {
    if (bulkLoads.get() > 0) {
      return;
    }
    try {
      searchers.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      LOG.warn("index refresh failed for {}", dir, e);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("error closing {}", c, e);
      }
    }
  }

  /** Creates plain searchers; each caches its facet reader state. */
  private static final class PaperSearcherFactory extends SearcherFactory {
    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
      return new PaperSearcher(reader);
    }
  }
}
