package org.paperindex.harvest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one gate all arXiv traffic (OAI-PMH, Atom API, RSS, abs pages) passes through: at most one
 * request in flight, request starts at least {@code interval} apart, and a global hold-back
 * (Retry-After) that applies to every caller.
 *
 * <p>arXiv's terms count all machines and channels together, so create one instance per process
 * and share it; use it as {@code try (Throttle.Permit p = throttle.acquire()) { send... }}.
 */
public final class Throttle {

  /** Counters for status pages and metrics; {@code lastRetryAfter} is null until one was seen. */
  public record Stats(
      long requests,
      long waits,
      Duration totalWait,
      Duration lastRetryAfter,
      Instant lastRetryAfterAt,
      Instant holdUntil) {}

  /** Proof of holding the single request slot; closing it lets the next caller in. */
  public final class Permit implements AutoCloseable {
    private boolean closed;

    private Permit() {}

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        lock.unlock();
      }
    }
  }

  // fair, so a steady stream of API lookups cannot starve a long OAI harvest (or vice versa)
  private final ReentrantLock lock = new ReentrantLock(true);
  private final Duration interval;
  private final Clock clock;
  private final Sleeper sleeper;

  // guarded by lock
  private Instant lastStart;

  // guarded by holdMonitor, not by lock, so stats() never blocks behind a slow request
  private final Object holdMonitor = new Object();
  private long requests;
  private long waits;
  private Duration totalWait = Duration.ZERO;
  private Instant holdUntil;
  private Duration lastRetryAfter;
  private Instant lastRetryAfterAt;

  public Throttle(Duration interval) {
    this(interval, Clock.systemUTC(), Sleeper.SYSTEM);
  }

  public Throttle(Duration interval, Clock clock, Sleeper sleeper) {
    this.interval = Objects.requireNonNull(interval, "interval");
    if (interval.isNegative()) {
      throw new IllegalArgumentException("negative request interval");
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  public Duration interval() {
    return interval;
  }

  /**
   * Waits for the single request slot, then until both the interval since the previous request
   * start and any hold-back have passed; the returned permit must be closed when the response
   * has been read completely (the connection is busy until then).
   */
  public Permit acquire() throws InterruptedException {
    lock.lockInterruptibly();
    boolean ok = false;
    try {
      // loop: a Retry-After seen by another path while we sleep must extend our wait
      while (true) {
        Instant now = clock.instant();
        Instant earliest = lastStart == null ? now : lastStart.plus(interval);
        Instant hold;
        synchronized (holdMonitor) {
          hold = holdUntil;
        }
        if (hold != null && hold.isAfter(earliest)) {
          earliest = hold;
        }
        Duration wait = Duration.between(now, earliest);
        if (wait.isNegative() || wait.isZero()) {
          lastStart = now;
          synchronized (holdMonitor) {
            requests++;
          }
          ok = true;
          return new Permit();
        }
        synchronized (holdMonitor) {
          waits++;
          totalWait = totalWait.plus(wait);
        }
        sleeper.sleep(wait);
      }
    } finally {
      if (!ok) {
        lock.unlock();
      }
    }
  }

  /** Holds back all traffic for {@code retryAfter} from now (a server's Retry-After) and records it. */
  public void holdFor(Duration retryAfter) {
    Instant now = clock.instant();
    synchronized (holdMonitor) {
      lastRetryAfter = retryAfter;
      lastRetryAfterAt = now;
    }
    holdUntil(now.plus(retryAfter));
  }

  /** Holds back all traffic until {@code until}; an earlier instant never shortens an existing hold. */
  public void holdUntil(Instant until) {
    synchronized (holdMonitor) {
      if (holdUntil == null || until.isAfter(holdUntil)) {
        holdUntil = until;
      }
    }
  }

  /** A consistent snapshot of the counters; {@code holdUntil} is null unless a hold is active. */
  public Stats stats() {
    Instant now = clock.instant();
    synchronized (holdMonitor) {
      Instant hold = holdUntil != null && holdUntil.isAfter(now) ? holdUntil : null;
      return new Stats(requests, waits, totalWait, lastRetryAfter, lastRetryAfterAt, hold);
    }
  }
}
