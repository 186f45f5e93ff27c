package org.paperindex.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The line in front of the searches: how many compute at once, and who goes next. */
class SearchGateTest {

  private static void await(CountDownLatch l) {
    try {
      assertThat(l.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!done.getAsBoolean() && System.nanoTime() < end) {
      Thread.sleep(1);
    }
    assertThat(done.getAsBoolean()).isTrue();
  }

  @Test
  void never_more_than_its_slots_at_once_and_everyone_gets_through() throws Exception {
    SearchGate gate = new SearchGate(2, java.time.Duration.ofSeconds(30));
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    Thread[] ts = new Thread[8];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = new Thread(() -> {
        for (int k = 0; k < 50; k++) {
          gate.run(() -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.yield();
            running.decrementAndGet();
            return done.incrementAndGet();
          });
        }
      });
      ts[i].start();
    }
    for (Thread t : ts) {
      t.join(30_000);
    }
    assertThat(done.get()).isEqualTo(400);
    assertThat(most.get()).isEqualTo(2); // eight threads on two slots: both used, never three
    assertThat(gate.bypassed()).isZero();
    assertThat(gate.waiting()).isZero();
  }

  @Test
  void waiting_searches_go_in_the_order_they_came() throws Exception {
    SearchGate gate = new SearchGate(1, java.time.Duration.ofSeconds(30));
    CountDownLatch hold = new CountDownLatch(1);
    List<String> order = new CopyOnWriteArrayList<>();
    Thread first = new Thread(() -> gate.run(() -> {
      order.add("first");
      await(hold);
      return null;
    }));
    first.start();
    waitUntil(() -> order.size() == 1);
    Thread[] waiting = new Thread[3];
    for (int i = 0; i < waiting.length; i++) {
      String name = "waiter" + i;
      waiting[i] = new Thread(() -> gate.run(() -> order.add(name)));
      waiting[i].start();
      int queued = i + 1;
      waitUntil(() -> gate.waiting() == queued); // in line before the next one comes
    }
    hold.countDown();
    first.join(10_000);
    for (Thread t : waiting) {
      t.join(10_000);
    }
    assertThat(order).containsExactly("first", "waiter0", "waiter1", "waiter2");
  }

  @Test
  void without_a_limit_every_search_computes_at_once() throws Exception {
    SearchGate open = new SearchGate(0);
    CountDownLatch all = new CountDownLatch(4);
    Thread[] ts = new Thread[4];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = new Thread(() -> open.run(() -> {
        all.countDown();
        await(all); // returns only if all four are inside at once
        return null;
      }));
      ts[i].start();
    }
    for (Thread t : ts) {
      t.join(10_000);
    }
    assertThat(all.getCount()).isZero();
    assertThatThrownBy(() -> new SearchGate(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_search_that_waited_too_long_computes_without_a_slot() throws Exception {
    SearchGate gate = new SearchGate(1, java.time.Duration.ofMillis(50));
    CountDownLatch hold = new CountDownLatch(1);
    CountDownLatch holding = new CountDownLatch(1);
    Thread costly = new Thread(() -> gate.run(() -> {
      holding.countDown();
      await(hold); // a very costly search keeps the only slot
      return null;
    }));
    costly.start();
    await(holding);
    long t = System.nanoTime();
    assertThat(gate.run(() -> "answered")).isEqualTo("answered");
    assertThat((System.nanoTime() - t) / 1e6).isGreaterThanOrEqualTo(45.0);
    assertThat(gate.bypassed()).isEqualTo(1);
    hold.countDown();
    costly.join(10_000);
    assertThat(gate.run(() -> "with a slot again")).isEqualTo("with a slot again");
    assertThat(gate.bypassed()).isEqualTo(1);
  }

  @Test
  void a_failing_search_gives_its_slot_back() {
    SearchGate gate = new SearchGate(1, java.time.Duration.ofSeconds(30));
    assertThatThrownBy(() -> gate.run(() -> {
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(gate.run(() -> "next")).isEqualTo("next"); // would block forever otherwise
  }
}
