package org.paperindex.index;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.paperindex.model.Paper;
import org.paperindex.store.RecordStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index following the record store's change log on a background thread, so writers
 * (harvests, fetches, feeds) only make records durable in the store and never wait for Lucene.
 *
 * <p>The follower replays every change after the last one it applied ({@link #applied()}) into
 * the index writer in batches; the index's NRT refresh then shows them within
 * {@code paperindex.index.refresh-interval}. Index commits stay exactly as safe as the inline
 * path's: a commit is made only under the ingester's write lock (no upsert in flight), after the
 * follower has applied every change up to the store's last sequence and the store has committed
 * it, and it is labelled with that sequence. So an index commit is never ahead of durable store
 * data, and after a crash the follower (or {@link Ingester#catchUp()}) replays what is missing.
 *
 * <p>A commit is asked for by {@link Ingester#commit()} (after a store commit); it is served once
 * the follower has caught up, or after {@code forceCommitAfter} even while writers keep adding
 * changes (the write lock then holds them back until the rest is applied).
 */
public final class IndexFollower implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IndexFollower.class);
  /** Changes applied per read-locked batch: bounds how long an exclusive section waits. */
  static final int BATCH = 500;
  /** Ids remembered as new to the index (see {@link #added}); beyond this, plain updates. */
  private static final int MAX_HINTS = 200_000;
  private static final long IDLE_POLL_MS = 100;
  /**
   * While writers stored something within this long, the follower leaves the CPU to them (a
   * harvest at full speed, or between arXiv's pages) unless a commit is due or it is more than
   * {@link #MAX_DEFERRED} changes behind: on two cores, indexing next to a harvest only slows
   * the harvest down by as much as it speeds the index up.
   */
  private static final long WRITERS_QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
  static final long MAX_DEFERRED = 100_000;

  private final Ingester ingester;
  private final RecordStore store;
  private final PaperIndex index;
  private final long forceCommitNanos;
  // id -> store seq at which the store first saw it, registered only while the index holds only
  // documents of this store (PaperIndex#emptyAtOpen): lets the follower add instead of update
  private final Map<String, Long> addedAt = new ConcurrentHashMap<>();
  private final Object signal = new Object();
  private long requested; // commit generations asked for; guarded by signal
  private long served; // guarded by signal
  private long requestedAtNanos; // when the oldest unserved request came; guarded by signal
  private volatile long applied;
  private volatile long committed;
  private volatile RuntimeException failure;
  private volatile boolean stopped;
  private long lastSeen = -1; // follower thread only
  private long lastWriteNanos;
  private final AtomicLong indexed = new AtomicLong();
  private final AtomicLong busyNanos = new AtomicLong();
  private final Thread thread;

  /** What the follower did since it started. */
  public record Stats(long applied, long committed, long indexed, long busyMillis) {}

  IndexFollower(Ingester ingester, Duration forceCommitAfter) {
    this.ingester = ingester;
    this.store = ingester.store();
    this.index = ingester.index();
    this.forceCommitNanos = Math.max(0, forceCommitAfter.toNanos());
    long from = Ingester.replayFrom(index, store);
    this.applied = from;
    this.committed = from;
    this.thread = new Thread(this::loop, "paperindex-index-follower");
    thread.setDaemon(true); // never keeps the JVM alive; un-applied changes replay on next open
  }

  void start() {
    thread.start();
  }

  /** Every change up to this store sequence is in the index writer (visible after a refresh). */
  public long applied() {
    return applied;
  }

  /** The store sequence of the follower's last index commit. */
  public long committed() {
    return committed;
  }

  /** A snapshot of what the follower did. */
  public Stats stats() {
    return new Stats(applied, committed, indexed.get(), busyNanos.get() / 1_000_000);
  }

  /** The store saw {@code id} for the first time at {@code seq} (called inside the upsert). */
  void added(String id, long seq) {
    if (index.emptyAtOpen() && addedAt.size() < MAX_HINTS) {
      addedAt.put(id, seq);
    }
  }

  /** Asks for an index commit of everything stored so far; returns the request's generation. */
  long requestCommit() {
    synchronized (signal) {
      if (requested == served) {
        requestedAtNanos = System.nanoTime();
      }
      signal.notifyAll();
      return ++requested;
    }
  }

  /**
   * Asks for a commit and waits until the index has applied and committed every change stored
   * before this call. Returns false on timeout.
   *
   * @throws RuntimeException the follower's last failure (e.g. a full disk), if it fails now
   */
  public boolean commitAndWait(Duration timeout) throws InterruptedException {
    long gen = requestCommit();
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (signal) {
      while (served < gen) {
        RuntimeException f = failure;
        if (f != null) {
          throw f;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || stopped) {
          return false;
        }
        signal.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 1_000)));
      }
      return true;
    }
  }

  /** After the index was rebuilt or caught up under the write lock: continue from its commit. */
  void indexReplaced() {
    addedAt.clear(); // only speed hints; with the documents replaced, none may be trusted
    applied = index.committedStoreSeq();
    committed = applied;
  }

  private void loop() {
    while (!stopped) {
      try {
        if (!step()) {
          idle();
        }
        failure = null;
      } catch (RuntimeException e) {
        if (stopped) {
          return; // the index was closed under us
        }
        failure = e;
        LOG.error("indexing the record store's changes failed (retrying in 5 s): {}", e.getMessage(), e);
        synchronized (signal) {
          signal.notifyAll();
        }
        pause(5_000);
      }
    }
  }

  /** One unit of work; false when there was nothing to do. */
  private boolean step() {
    long gen;
    boolean commitDue;
    boolean overdue;
    synchronized (signal) {
      gen = requested;
      commitDue = requested > served;
      overdue = commitDue && System.nanoTime() - requestedAtNanos > forceCommitNanos;
    }
    long last = store.lastSeq();
    long now = System.nanoTime();
    if (last != lastSeen) {
      lastSeen = last;
      lastWriteNanos = now;
    }
    boolean writersBusy = now - lastWriteNanos < WRITERS_QUIET_NANOS;
    if (!commitDue && writersBusy && last - applied < MAX_DEFERRED) {
      return false;
    }
    boolean nearlyDone = last - applied <= BATCH;
    if (applied < last && !(commitDue && (overdue || nearlyDone))) {
      ingester.lock().readLock().lock();
      try {
        applyBatch();
      } finally {
        ingester.lock().readLock().unlock();
      }
      return true;
    }
    if (commitDue) {
      commit(gen);
      return true;
    }
    return false;
  }

  /** Applies the rest and commits store then index, with every writer held back. */
  private void commit(long gen) {
    ingester.lock().writeLock().lock();
    try {
      while (applied < store.lastSeq()) {
        applyBatch();
      }
      long seq = store.lastSeq();
      store.commit(); // cheap when the writer's commit already covered everything
      index.commit(seq, store.quarantineSize());
      committed = seq;
    } finally {
      ingester.lock().writeLock().unlock();
    }
    synchronized (signal) {
      served = Math.max(served, gen);
      signal.notifyAll();
    }
  }

  private void applyBatch() {
    long t0 = System.nanoTime();
    long from = applied;
    long last = store.lastSeq();
    // every change up to `last` is in the log now (lastSeq is read under the store's write lock)
    List<RecordStore.Change> changes = store.changedSince(from, BATCH);
    long to = changes.isEmpty() ? Math.max(from, last) : changes.get(changes.size() - 1).seq();
    for (RecordStore.Change c : changes) {
      Paper p = store.get(c.id()).orElse(null);
      if (p == null) {
        continue;
      }
      Long first = addedAt.remove(c.id().value());
      Paper doc = ingester.enricher().apply(p);
      // first seen after everything applied so far: no document of it can be in the index yet
      if (first != null && first > from) {
        index.addNew(doc);
      } else {
        index.upsert(doc);
      }
      indexed.incrementAndGet();
    }
    applied = to;
    busyNanos.addAndGet(System.nanoTime() - t0);
  }

  private void idle() {
    synchronized (signal) {
      if (requested > served || stopped) {
        return;
      }
      try {
        signal.wait(IDLE_POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = true;
      }
    }
  }

  private void pause(long ms) {
    synchronized (signal) {
      try {
        if (!stopped) {
          signal.wait(ms);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = true;
      }
    }
  }

  /** Stops the thread without committing (un-committed changes replay on the next open). */
  @Override
  public void close() {
    stopped = true;
    synchronized (signal) {
      signal.notifyAll();
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
