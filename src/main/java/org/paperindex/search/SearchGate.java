package org.paperindex.search;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Admission to the CPU-bound part of a search: at most {@code slots} searches compute at once
 * (one per core), the others wait in line, first come first served. With more searches than
 * cores computing, the operating system slices them: a search that outlives its time slice
 * waits behind every other running one, again and again, and the costly searches of a mix end up
 * in the tail. Measured over HTTP at 1M papers, 8 connections on 2 cores (wrk, median / p99):
 * 16.1 / 51 ms without the gate, 16.1 / 37 ms with two slots. Letting cheap searches overtake
 * (ordered by an estimate from the postings they read, with aging) bought no median over HTTP
 * and a longer tail (BENCHMARKS.md), so the line is a plain one.
 */
final class SearchGate {

  private final Semaphore slots;

  /** A gate of {@code slots} searches at once (0: no limit). */
  SearchGate(int slots) {
    if (slots < 0) {
      throw new IllegalArgumentException("slots must not be negative, got " + slots);
    }
    this.slots = slots == 0 ? null : new Semaphore(slots, true);
  }

  /** Runs {@code work} once a slot is free. */
  <T> T run(Supplier<T> work) {
    if (slots == null) {
      return work.get();
    }
    slots.acquireUninterruptibly(); // a search is short: waiting for one is not worth aborting
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
}
