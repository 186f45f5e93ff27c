package org.paperindex.index;

import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.paperindex.model.Paper;
import org.paperindex.model.Source;
import org.paperindex.parse.RejectedRecord;
import org.paperindex.store.RecordStore;
import org.paperindex.store.UpsertResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single entry point for new data (harvester, importer, CLI): stores each paper, indexes the
 * merged result, quarantines rejects, and commits store and index so they stay consistent.
 *
 * <p>Thread-safe: many threads may {@link #accept} at once; {@link #commit()} waits for
 * in-flight accepts and blocks new ones while it commits, so an index commit labelled with store
 * sequence {@code n} always contains every change up to {@code n}.
 */
public final class Ingester {

  private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);

  private final RecordStore store;
  private final PaperIndex index;
  private final UnaryOperator<Paper> enricher;
  // read lock: one accept (store + index); write lock: a commit
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final AtomicLong added = new AtomicLong();
  private final AtomicLong updated = new AtomicLong();
  private final AtomicLong unchanged = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();
  // non-null once the index follows the store in the background: accepts then only store
  private volatile IndexFollower follower;

  /** Counts since this ingester was created. */
  public record Counters(long added, long updated, long unchanged, long rejected, long commits) {}

  public Ingester(RecordStore store, PaperIndex index) {
    this(store, index, UnaryOperator.identity());
  }

  /**
   * @param enricher derives the indexed form of a stored paper (TeX to Unicode, links,
   *     institutions); the store keeps the raw merged record so a re-index can derive it anew
   */
  public Ingester(RecordStore store, PaperIndex index, UnaryOperator<Paper> enricher) {
    this.store = Objects.requireNonNull(store, "store");
    this.index = Objects.requireNonNull(index, "index");
    this.enricher = Objects.requireNonNull(enricher, "enricher");
  }

  /**
   * From now on, {@link #accept} only stores and the index follows the store's change log on a
   * background thread ({@link IndexFollower}); {@link #commit()} commits the store and asks the
   * follower for an index commit. Index commits still happen only with no upsert in flight and
   * the store committed, labelled with the store's sequence. Idempotent.
   *
   * @param forceCommitAfter how long an asked-for index commit may wait for the follower to
   *     catch up while writers keep storing; after that it holds them back until done
   */
  public synchronized IndexFollower followInBackground(java.time.Duration forceCommitAfter) {
    if (follower == null) {
      IndexFollower f = new IndexFollower(this, forceCommitAfter);
      follower = f;
      f.start();
    }
    return follower;
  }

  /** The background follower, if {@link #followInBackground} started one. */
  public java.util.Optional<IndexFollower> follower() {
    return java.util.Optional.ofNullable(follower);
  }

  /** Store changes not yet in the index writer: the store's sequence minus the applied one. */
  public long indexLag() {
    IndexFollower f = follower;
    return f == null ? 0 : Math.max(0, store.lastSeq() - f.applied());
  }

  /**
   * Merges the paper into the store and, if that changed anything, re-indexes it (inline, or by
   * the background follower when one runs).
   */
  public UpsertResult accept(Paper p) {
    lock.readLock().lock();
    try {
      UpsertResult r = store.upsert(p);
      switch (r.outcome()) {
        case ADDED -> added.incrementAndGet();
        case UPDATED -> updated.incrementAndGet();
        case UNCHANGED -> unchanged.incrementAndGet();
      }
      IndexFollower f = follower;
      if (f != null) {
        if (r.outcome() == UpsertResult.Outcome.ADDED) {
          f.added(r.merged().id().value(), r.seq());
        }
        return r;
      }
      if (r.outcome() == UpsertResult.Outcome.ADDED) {
        // new to the store, hence (usually provably) new to the index
        index.addNew(enricher.apply(r.merged()));
      } else if (r.changed()) {
        index.upsert(enricher.apply(r.merged()));
      }
      return r;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Marks a bulk load (snapshot import) until the handle is closed: the index stops its NRT
   * refreshes meanwhile; searches see the new papers after the next commit or refresh.
   */
  public AutoCloseable bulkLoad() {
    return index.bulkLoad();
  }

  /** Keeps a record that could not be parsed; returns the quarantine key. */
  public String reject(RejectedRecord r, Source s) {
    rejected.incrementAndGet();
    return store.quarantine(r, s);
  }

  /**
   * Commits the store, then the index labelled with the store's sequence number. With a
   * background follower, the store commit is made here and this waits until the follower has
   * applied and committed everything stored so far (fetches, feeds, retries: small writes whose
   * callers expect the index to have them). A harvest uses {@link #commitStore()}.
   */
  public void commit() {
    IndexFollower f = follower;
    if (f != null) {
      store.commit();
      commits.incrementAndGet();
      try {
        f.commitAndWait(java.time.Duration.ofDays(1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    commitInline();
  }

  /**
   * Makes everything stored so far durable in the store and, with a background follower, asks it
   * for an index commit without waiting (a harvest run: its checkpoint depends only on the
   * store); without one, the same as {@link #commit()}.
   */
  public void commitStore() {
    IndexFollower f = follower;
    if (f == null) {
      commitInline();
      return;
    }
    store.commit();
    commits.incrementAndGet();
    f.requestCommit();
  }

  private void commitInline() {
    lock.writeLock().lock();
    try {
      // store first: an index commit must never be ahead of durable store data
      long seq = store.lastSeq();
      store.commit();
      index.commit(seq, store.quarantineSize());
      commits.incrementAndGet();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * The store sequence after which the index lacks changes: its last commit's, or 0 when the
   * index claims changes the store never had (the store was replaced: re-index everything).
   */
  static long replayFrom(PaperIndex index, RecordStore store) {
    long from = index.committedStoreSeq();
    long last = store.lastSeq();
    if (from > last) {
      LOG.warn("index is ahead of the record store (seq {} > {}): re-indexing everything", from, last);
      return 0;
    }
    return from;
  }

  /**
   * Brings the index up to the store after a crash or an interrupted run: re-indexes every paper
   * changed after the index's last committed store sequence, then commits. Returns how many.
   */
  public long catchUp() {
    lock.writeLock().lock();
    try {
      long from = replayFrom(index, store);
      long last = store.lastSeq();
      long[] n = {0};
      store.replaySince(from, p -> {
        index.upsert(enricher.apply(p));
        n[0]++;
      });
      if (n[0] > 0 || from != last) {
        store.commit();
        index.commit(last, store.quarantineSize());
      }
      if (n[0] > 0) {
        LOG.info("caught up: re-indexed {} papers changed after store seq {}", n[0], from);
      }
      IndexFollower f = follower;
      if (f != null) {
        f.indexReplaced();
      }
      return n[0];
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Runs {@code action} with accepts and commits held back (used to switch a rebuilt index). */
  public <T> T exclusively(java.util.function.Supplier<T> action) {
    lock.writeLock().lock();
    try {
      return action.get();
    } finally {
      IndexFollower f = follower;
      if (f != null) {
        // the index was rebuilt up to its commit, or a failed switch reopened it at its last
        // commit: either way the follower continues from the index's commit
        f.indexReplaced();
      }
      lock.writeLock().unlock();
    }
  }

  /** The function that derives the indexed form of a stored paper. */
  public UnaryOperator<Paper> enricher() {
    return enricher;
  }

  /** A snapshot of the counters. */
  public Counters counters() {
    return new Counters(added.get(), updated.get(), unchanged.get(), rejected.get(), commits.get());
  }

  /** The store behind this ingester. */
  public RecordStore store() {
    return store;
  }

  /** Read lock: one accept or one follower batch; write lock: a commit or exclusive section. */
  ReentrantReadWriteLock lock() {
    return lock;
  }

  /** The index behind this ingester. */
  public PaperIndex index() {
    return index;
  }
}
