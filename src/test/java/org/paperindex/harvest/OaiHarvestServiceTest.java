package org.paperindex.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.config.AppConfig;

/** The route-facing harvest bean: overlapping scheduled runs are skipped; missed fires noticed. */
class OaiHarvestServiceTest {
  @TempDir Path dir;
  private static final AppConfig.HarvestConfig CFG =
      new AppConfig.HarvestConfig("arXiv", null, Duration.ofDays(7), true);

  private OaiHarvestService service(LoopbackServer server, RunLog log, String cron) {
    HarvestJob job = new HarvestJob(OaiPmhHarvesterTest.harvester(server, 0),
        new FileCheckpointStore(dir.resolve("cp")), new RecordingSink(), CFG, Clock.systemUTC());
    return new OaiHarvestService(job, CFG, () -> 5, log, cron);
  }

  @Test
  void a_scheduled_run_is_skipped_while_another_harvest_still_goes() throws Exception {
    try (LoopbackServer server = LoopbackServer.start()) {
      server.enqueue(slowEmptyPage());
      OaiHarvestService s = service(server, new RunLog(dir.resolve("runs")), null);
      AtomicReference<HarvestSummary> manual = new AtomicReference<>();
      Thread t = new Thread(() -> manual.set(s.harvest(false, "2024-03-01", null, null, null)));
      t.start();
      while (server.requestCount() == 0) {
        Thread.sleep(10); // the manual run is now waiting for its slow page
      }
      assertThat(s.harvest(true, null, null, null, null)).isNull();
      t.join();
      assertThat(manual.get()).isNotNull();
      assertThat(server.requestCount()).isEqualTo(1); // the skipped run sent nothing
    }
  }

  private static LoopbackServer.Response slowEmptyPage() {
    return LoopbackServer.Response.delay(Duration.ofMillis(800),
        LoopbackServer.Response.ok(OaiXml.error("2024-03-05T10:00:00Z", "noRecordsMatch", "none")));
  }

  @Test
  void a_fire_missed_while_down_is_noticed_once() throws Exception {
    try (LoopbackServer server = LoopbackServer.start()) {
      RunLog log = new RunLog(dir.resolve("runs"));
      OaiHarvestService s = service(server, log, "0 30 5 * * ?");
      assertThat(s.missedFireSince(Instant.parse("2026-11-21T06:00:00Z"))).isFalse(); // no run yet
      log.record(new RunLog.JobRun(HarvestJob.jobKey("arXiv", null),
          Instant.parse("2026-11-20T06:00:00Z"), Instant.parse("2026-11-20T06:05:00Z"), "ok", null, null));
      assertThat(s.missedFireSince(Instant.parse("2026-11-21T05:00:00Z"))).isFalse();
      assertThat(s.missedFireSince(Instant.parse("2026-11-21T06:00:00Z"))).isTrue();
      assertThat(s.missedFireSince(Instant.parse("2026-11-25T06:00:00Z"))).isTrue();
    }
  }
}
