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
import java.util.function.UnaryOperator;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
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
  /** Commit user-data key holding the {@link PaperSchema#SCHEMA_VERSION} the documents follow. */
  public static final String SCHEMA = "paperindex.schema";
  /** Commit user-data key holding the record store's quarantine size at that commit. */
  public static final String QUARANTINED = "paperindex.quarantined";

  private static final Logger LOG = LoggerFactory.getLogger(PaperIndex.class);

  private final Path dir;
  private final Directory directory;
  // swapped only by a failed replaceAll (reopen at the last commit); volatile for readers
  private volatile IndexWriter writer;
  private volatile SearcherManager searchers;
  private final IndexConfig cfg;
  // held while the whole index is replaced: no refresh may show the half-replaced state
  private final java.util.concurrent.locks.ReentrantLock swapLock =
      new java.util.concurrent.locks.ReentrantLock();
  private final ScheduledExecutorService refresher;
  private volatile long committedStoreSeq;
  private volatile long quarantined = -1;
  // true when the index held no documents at open: then every document came through this
  // process, and an id the record store has never seen cannot be in the index yet
  private final boolean emptyAtOpen;
  // > 0 while bulk loads run: NRT refreshes would flush a tiny segment every interval
  private final java.util.concurrent.atomic.AtomicInteger bulkLoads =
      new java.util.concurrent.atomic.AtomicInteger();
  // facet labels uninverted per segment, shared by every searcher of this index
  private final FacetColumnCache facetColumns = new FacetColumnCache();

  private PaperIndex(Path dir, Directory directory, IndexWriter writer, long committedStoreSeq,
      IndexConfig cfg) throws IOException {
    this.dir = dir;
    this.directory = directory;
    this.writer = writer;
    this.cfg = cfg;
    this.committedStoreSeq = committedStoreSeq;
    this.emptyAtOpen = writer != null && writer.getDocStats().maxDoc == 0;
    this.searchers =
        writer != null
            ? new SearcherManager(writer, new PaperSearcherFactory(facetColumns))
            : new SearcherManager(directory, new PaperSearcherFactory(facetColumns));
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
    return open(dir, cfg, d -> d);
  }

  /** As {@link #open(Path, IndexConfig)}, over a wrapped directory (tests inject failures). */
  static PaperIndex open(Path dir, IndexConfig cfg, UnaryOperator<Directory> wrap) {
    Directory directory = null;
    IndexWriter writer = null;
    try {
      Files.createDirectories(dir);
      directory = wrap.apply(FSDirectory.open(dir));
      long seq = 0;
      if (DirectoryReader.indexExists(directory)) {
        Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
        String s = data.get(STORE_SEQ);
        seq = s == null ? 0 : Long.parseLong(s);
        if (!Integer.toString(PaperSchema.SCHEMA_VERSION).equals(data.get(SCHEMA)) && seq > 0) {
          // documents of an older schema: claim nothing is indexed so Ingester.catchUp re-indexes
          // every paper from the store (updates by id replace the old documents)
          LOG.info("index {} has schema {}, current is {}: it will be rebuilt from the store",
              dir, data.get(SCHEMA), PaperSchema.SCHEMA_VERSION);
          seq = 0;
        }
      }
      writer = new IndexWriter(directory, writerConfig(cfg));
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

  /** True when the index held no documents at open (every document since came from the store). */
  public boolean emptyAtOpen() {
    return emptyAtOpen;
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
    commit(storeSeq, quarantined);
  }

  /**
   * Like {@link #commit(long)}, also recording how many records the store holds in quarantine:
   * {@code status} reads it from the index, which it can open while a server holds the store.
   */
  public synchronized void commit(long storeSeq, long quarantinedRecords) {
    requireWriter();
    try {
      writer.setLiveCommitData(Map.of(STORE_SEQ, Long.toString(storeSeq),
          SCHEMA, Integer.toString(PaperSchema.SCHEMA_VERSION),
          QUARANTINED, Long.toString(quarantinedRecords)).entrySet());
      quarantined = quarantinedRecords;
      writer.commit();
      committedStoreSeq = storeSeq;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit index " + dir, e);
    }
  }

  /** Quarantined records as of the last commit ({@code -1} when no commit recorded it). */
  public long committedQuarantined() {
    if (writer != null) {
      return quarantined;
    }
    try {
      String q = SegmentInfos.readLatestCommit(directory).getUserData().get(QUARANTINED);
      return q == null ? -1 : Long.parseLong(q);
    } catch (IOException | RuntimeException e) {
      return -1;
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
        return PaperLookup.find(s, id);
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
    swapLock.lock();
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      swapLock.unlock();
    }
  }

  /**
   * Replaces every document with those of {@code rebuilt} (an index built elsewhere with this
   * schema) and commits, as one switch: searches see the old documents until the refresh after
   * the commit, then only the new ones; no refresh can show the state in between. On failure the
   * writer is reopened at the previous commit, so the old index keeps serving.
   *
   * @throws IndexException when the replacement failed (the old index is then unchanged)
   */
  public void replaceAll(Directory rebuilt, long storeSeq) {
    requireWriter();
    swapLock.lock();
    try {
      synchronized (this) {
        try {
          writer.deleteAll();
          writer.addIndexes(rebuilt);
          commit(storeSeq);
        } catch (IOException | RuntimeException e) {
          reopenAtLastCommit();
          throw new IndexException("replacing index " + dir + " failed; the previous index is still"
              + " serving: " + e.getMessage(), e);
        }
      }
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot refresh index " + dir, e);
    } finally {
      swapLock.unlock();
    }
  }

  /**
   * Merges the index into at most {@code maxSegments} segments, commits and refreshes: what an
   * operator does after a bulk import. A search does per-segment work (term lookups, scorers,
   * facet collectors) in every segment, so fewer segments cost less per search; searches keep
   * running on the old segments meanwhile. Needs free disk for one more copy of the index.
   */
  public Merge mergeSegments(int maxSegments) {
    requireWriter();
    if (maxSegments < 1) {
      throw new IllegalArgumentException("maxSegments must be at least 1, got " + maxSegments);
    }
    int before = segments();
    long start = System.nanoTime();
    try {
      writer.forceMerge(maxSegments);
      synchronized (this) {
        writer.commit(); // with the commit data of the last commit: the merge changes no paper
      }
      refresh();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot merge index " + dir, e);
    }
    return new Merge(before, segments(), (System.nanoTime() - start) / 1e9);
  }

  /** What {@link #mergeSegments} did: segments before and after, and how long it took. */
  public record Merge(int before, int after, double seconds) {}

  /** Segments of the index as of the latest refresh. */
  public int segments() {
    return withSearcher(s -> s.getIndexReader().leaves().size());
  }

  /** Drops uncommitted changes by closing the writer, then opens a new one at the last commit. */
  private void reopenAtLastCommit() {
    try {
      writer.rollback();
    } catch (IOException | RuntimeException e) {
      LOG.warn("rollback of {} failed", dir, e);
    }
    try {
      IndexWriter fresh = new IndexWriter(directory, writerConfig(cfg));
      SearcherManager old = searchers;
      writer = fresh;
      searchers = new SearcherManager(fresh, new PaperSearcherFactory(facetColumns));
      // searchers acquired from the old manager stay valid until released
      closeQuietly(old);
    } catch (IOException e) {
      throw new IndexException("cannot reopen index " + dir + " after a failed replace", e);
    }
  }

  private static IndexWriterConfig writerConfig(IndexConfig cfg) {
    return new IndexWriterConfig(PaperSchema.analyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setRAMBufferSizeMB(cfg.ramBufferMb());
  }

  /** Index size on disk in bytes (all files of the directory). */
  public long sizeOnDisk() {
    try {
      long total = 0;
      for (String f : directory.listAll()) {
        try {
          total += directory.fileLength(f);
        } catch (java.nio.file.NoSuchFileException gone) {
          // merged away while listing
        }
      }
      return total;
    } catch (IOException e) {
      return -1;
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
      return; // a bulk load runs: nobody waits for fresh results
    }
    if (!swapLock.tryLock()) {
      return; // the index is being replaced; the replacement refreshes when done
    }
    try {
      searchers.maybeRefresh();
    } catch (AlreadyClosedException e) {
      // the writer is closed: by close(), or by a failed write (a full disk) that lost the
      // writer; that failure is reported, once, by whoever wrote. Nothing is left to refresh.
      refresher.shutdown();
      LOG.debug("index refresh stopped for {}: {}", dir, e.toString());
    } catch (IOException | RuntimeException e) {
      // one line for the operator; the trace only for whoever debugs
      LOG.warn("index refresh failed for {}: {}", dir, e.toString());
      LOG.debug("index refresh failure", e);
    } finally {
      swapLock.unlock();
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

  /**
   * Creates the searchers. A refreshed searcher gets the facet columns of its new segments
   * before it is published, so no query waits for them; the first searcher of a process builds
   * them on first use (or {@code SearchService.warmUp}), which keeps opening the index fast.
   */
  private static final class PaperSearcherFactory extends SearcherFactory {
    private final FacetColumnCache columns;

    PaperSearcherFactory(FacetColumnCache columns) {
      this.columns = columns;
    }

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
      if (previousReader != null) {
        columns.warm(reader);
      }
      return new PaperSearcher(reader, columns);
    }
  }
}
