package org.paperindex.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleTest {

  private final FakeClock clock = new FakeClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Throttle throttle = new Throttle(Duration.ofSeconds(3), clock, clock.sleeper());

  @Test
  void firstRequestGoesAtOnceAndLaterOnesKeepTheIntervalBetweenStarts() throws Exception {
    Instant t0 = start();
    clock.advance(Duration.ofSeconds(1)); // the request took 1 s
    Instant t1 = start();
    Instant t2 = start();

    assertThat(t0).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(Duration.between(t0, t1)).isEqualTo(Duration.ofSeconds(3));
    assertThat(Duration.between(t1, t2)).isEqualTo(Duration.ofSeconds(3));
    assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3));
    Throttle.Stats s = throttle.stats();
    assertThat(s.requests()).isEqualTo(3);
    assertThat(s.waits()).isEqualTo(2);
    assertThat(s.totalWait()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.lastRetryAfter()).isNull();
  }

  @Test
  void noWaitWhenTheIntervalAlreadyPassed() throws Exception {
    start();
    clock.advance(Duration.ofSeconds(10));
    start();
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void retryAfterHoldsBackEveryoneAndIsRecorded() throws Exception {
    start();
    throttle.holdFor(Duration.ofSeconds(30));
    throttle.holdUntil(clock.instant().plusSeconds(5)); // an earlier hold never shortens it
    Instant next = start();

    assertThat(Duration.between(Instant.parse("2025-01-01T00:00:00Z"), next))
        .isEqualTo(Duration.ofSeconds(30));
    Throttle.Stats s = throttle.stats();
    assertThat(s.lastRetryAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.lastRetryAfterAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(s.holdUntil()).isNull(); // the hold is over
  }

  @Test
  void oneRequestInFlightAtATime() throws Exception {
    Throttle real = new Throttle(Duration.ZERO);
    Throttle.Permit p = real.acquire();
    Thread other = new Thread(() -> {
      try (Throttle.Permit q = real.acquire()) {
        // got it
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    other.start();
    other.join(200);
    assertThat(other.isAlive()).as("second caller blocked while the first holds the slot").isTrue();
    p.close();
    other.join(2000);
    assertThat(other.isAlive()).isFalse();
    assertThat(real.stats().requests()).isEqualTo(2);
  }

  private Instant start() throws InterruptedException {
    try (Throttle.Permit p = throttle.acquire()) {
      return clock.instant();
    }
  }
}
