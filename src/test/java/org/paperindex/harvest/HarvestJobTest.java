package org.paperindex.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.paperindex.harvest.OaiXml.page;
import static org.paperindex.harvest.OaiXml.rec;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.config.AppConfig;
import org.paperindex.harvest.LoopbackServer.Response;

class HarvestJobTest {

  static final String DATE = "2025-03-04T21:10:00Z";
  static final String JOB = "oai:arXiv:all";

  @TempDir Path dir;
  private final LoopbackServer server = LoopbackServer.start();
  private final RecordingSink sink = new RecordingSink();
  private final FakeClock clock = new FakeClock(Instant.parse("2025-03-04T21:09:00Z"));

  @AfterEach
  void stop() {
    server.close();
  }

  private HarvestJob job(FileCheckpointStore store) {
    AppConfig.HarvestConfig cfg = new AppConfig.HarvestConfig("arXiv", null, Duration.ofDays(7), true);
    return new HarvestJob(OaiPmhHarvesterTest.harvester(server, 1), store, sink, cfg, clock);
  }

  private void serveOnePage() {
    server.dispatch(r -> Response.ok(page(DATE, null, rec("2503.00001", "2025-03-03"))));
  }

  @Test
  void jobKeys() {
    assertThat(HarvestJob.jobKey("arXiv", null)).isEqualTo("oai:arXiv:all");
    assertThat(HarvestJob.jobKey("arXivRaw", "cs:cs:AI")).isEqualTo("oai:arXivRaw:cs:cs:AI");
  }

  @Test
  void firstRunUsesTheInitialWindowAndSavesTheCheckpointAfterTheSinkCommitted() {
    serveOnePage();
    FileCheckpointStore store = new FileCheckpointStore(dir);
    Optional<?>[] atCommit = new Optional<?>[1];
    sink.onCommit = () -> atCommit[0] = store.nextFrom(JOB);

    HarvestSummary s = job(store).run();

    assertThat(server.requests().get(0).queryParam("from")).isEqualTo("2025-02-25");
    assertThat(atCommit[0]).as("checkpoint must not move before the sink committed").isEmpty();
    assertThat(sink.commits).isEqualTo(1);
    assertThat(store.nextFrom(JOB)).contains(LocalDate.of(2025, 3, 4));
    assertThat(store.lastRun(JOB)).contains(s);
  }

  @Test
  void nextRunContinuesFromTheCheckpoint() {
    serveOnePage();
    FileCheckpointStore store = new FileCheckpointStore(dir);
    store.save(JOB, LocalDate.of(2025, 3, 1), FileCheckpointStoreTest.summary(LocalDate.of(2025, 3, 1)));

    job(store).run(null, null, null, "arXiv");

    assertThat(server.requests().get(0).queryParam("from")).isEqualTo("2025-03-01");
    assertThat(store.nextFrom(JOB)).contains(LocalDate.of(2025, 3, 4));
  }

  @Test
  void failedRunKeepsTheOldCheckpoint() {
    server.dispatch(r -> Response.ok("garbage, not XML"));
    FileCheckpointStore store = new FileCheckpointStore(dir);
    HarvestSummary old = FileCheckpointStoreTest.summary(LocalDate.of(2025, 3, 1));
    store.save(JOB, LocalDate.of(2025, 3, 1), old);

    assertThatThrownBy(() -> job(store).run()).isInstanceOf(HarvestException.class)
        .hasMessageContaining("malformed body");

    assertThat(sink.commits).isZero();
    assertThat(store.nextFrom(JOB)).contains(LocalDate.of(2025, 3, 1));
    assertThat(store.lastRun(JOB)).contains(old);
  }

  @Test
  void windowsWithAnExplicitUntilDoNotMoveTheCheckpoint() {
    serveOnePage();
    FileCheckpointStore store = new FileCheckpointStore(dir);

    HarvestSummary s = job(store).run(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), null, null);

    assertThat(s.nextFrom()).isEqualTo(LocalDate.of(2025, 1, 31));
    assertThat(store.nextFrom(JOB)).isEmpty();
  }

  @Test
  void explicitFromAfterTheCheckpointDoesNotSkipTheGap() {
    serveOnePage();
    FileCheckpointStore store = new FileCheckpointStore(dir);
    store.save(JOB, LocalDate.of(2025, 2, 1), FileCheckpointStoreTest.summary(LocalDate.of(2025, 2, 1)));

    job(store).run(LocalDate.of(2025, 3, 1), null, null, null);
    assertThat(store.nextFrom(JOB)).contains(LocalDate.of(2025, 2, 1));

    job(store).run(LocalDate.of(2025, 1, 15), null, null, null); // covers the checkpoint: may advance
    assertThat(store.nextFrom(JOB)).contains(LocalDate.of(2025, 3, 4));
  }

  @Test
  void setAndFormatPickTheirOwnCheckpoint() {
    serveOnePage();
    FileCheckpointStore store = new FileCheckpointStore(dir);
    job(store).run(null, null, "cs:cs:AI", "arXivRaw");

    assertThat(store.nextFrom("oai:arXivRaw:cs:cs:AI")).contains(LocalDate.of(2025, 3, 4));
    assertThat(store.nextFrom(JOB)).isEmpty();
    assertThat(server.requests().get(0).queryParam("set")).isEqualTo("cs:cs:AI");
  }
}
