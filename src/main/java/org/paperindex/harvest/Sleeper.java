package org.paperindex.harvest;

import java.time.Duration;

/** Blocks the calling thread for a while; injectable so tests can use a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  /** The real one: {@link Thread#sleep(long, int)}. */
  Sleeper SYSTEM =
      d -> {
        if (!d.isNegative() && !d.isZero()) {
          Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        }
      };

  void sleep(Duration d) throws InterruptedException;
}
