package org.paperindex.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled runs are recorded, and a run triggered while the previous one goes is skipped. */
class ScheduledJobsTest {
  @TempDir Path dir;

  @Test
  void an_overlapping_trigger_is_skipped_and_every_run_is_recorded() throws Exception {
    RunLog log = new RunLog(dir);
    ScheduledJobs jobs = new ScheduledJobs(log, null, null, null);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Object> first = new AtomicReference<>();
    Thread t = new Thread(() -> first.set(jobs.run("rss", () -> {
      inside.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "first run";
    })));
    t.start();
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
    // the trigger fires again while the first run still goes: skipped, nothing recorded
    assertThat(jobs.<Object>run("rss", () -> "second run")).isNull();
    assertThat(log.last("rss")).isEmpty();
    release.countDown();
    t.join();
    assertThat(first.get()).isEqualTo("first run");
    assertThat(log.last("rss")).hasValueSatisfying(r -> {
      assertThat(r.outcome()).isEqualTo("ok");
      assertThat(r.summary()).isEqualTo("first run");
      assertThat(r.finished()).isAfterOrEqualTo(r.started());
    });
    // other jobs are not blocked by it, and a failure is recorded with its error
    assertThatThrownBy(() -> jobs.run("backlog", () -> {
      throw new HarvestException("feed down");
    })).hasMessageContaining("feed down");
    assertThat(log.last("backlog")).hasValueSatisfying(r -> {
      assertThat(r.outcome()).isEqualTo("failed");
      assertThat(r.error()).contains("feed down");
    });
  }
}
