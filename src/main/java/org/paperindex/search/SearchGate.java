package org.paperindex.search;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Admission to the CPU-bound part of a search: at most {@code slots} searches compute at once
 * (one per core), the others wait in line, first come first served. With more searches than
 * cores computing, the operating system slices them: a search that outlives its time slice
 * waits behind every other running one, again and again, and the costly searches of a mix end up
 * in the tail. Measured over HTTP at 1M papers, 8 connections on 2 cores (wrk, median / p99):
 * 16.1 / 51 ms without the gate, 16.1 / 37 ms with two slots, 15.6 / 42 with three, 16.3 / 45
 * with four. Letting cheap searches overtake (ordered by an estimate from the postings they
 * read, with aging) bought no median over HTTP and a longer tail (BENCHMARKS.md), so the line
 * is a plain one.
 *
 * <p>A search that has waited {@code maxWait} computes anyway, without a slot: a few very costly
 * searches (a prefix such as {@code b*} reads every term it covers: about 200 ms at 1M papers)
 * must not hold everyone else in line; past that wait the cores are shared as without a gate.
 */
final class SearchGate {

  /** How long a search waits for a slot before it computes anyway. */
  static final Duration MAX_WAIT = Duration.ofMillis(100);

  private final Semaphore slots;
  private final long maxWaitNanos;
  private final AtomicLong bypassed = new AtomicLong();

  /** A gate of {@code slots} searches at once (0: no limit), waits of at most {@link #MAX_WAIT}. */
  SearchGate(int slots) {
    this(slots, MAX_WAIT);
  }

  SearchGate(int slots, Duration maxWait) {
    if (slots < 0) {
      throw new IllegalArgumentException("concurrency must be >= 0, got " + slots);
    }
    this.slots = slots == 0 ? null : new Semaphore(slots, true);
    this.maxWaitNanos = maxWait.toNanos();
  }

  /** Runs {@code work} once a slot is free, or once it has waited too long. */
  <T> T run(Supplier<T> work) {
    if (slots == null) {
      return work.get();
    }
    boolean admitted;
    try {
      admitted = slots.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // keep the flag for the caller; the search is short
      admitted = false;
    }
    if (!admitted) {
      bypassed.incrementAndGet();
      return work.get();
    }
    try {
      return work.get();
    } finally {
      slots.release();
    }
  }

  /** Searches waiting for a slot now (for tests). */
  int waiting() {
    return slots == null ? 0 : slots.getQueueLength();
  }

  /** Searches that computed without a slot because they waited too long. */
  long bypassed() {
    return bypassed.get();
  }
}
