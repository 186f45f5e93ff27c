package org.paperindex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.config.AppConfig;
import org.paperindex.config.Settings;
import org.paperindex.harvest.HarvestJob;
import org.paperindex.harvest.LoopbackServer;
import org.paperindex.harvest.LoopbackServer.Response;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Paper;
import org.paperindex.store.RecordStore;

/**
 * The {@code harvest} command end to end: picocli → Camel Main with the real {@code routes/} →
 * the polite HTTP client against a loopback server standing in for arXiv (tokens, 503 with
 * Retry-After, 500, a truncated body) → parser → record store → Lucene index → checkpoint.
 */
class HarvestEndToEndTest {
  @TempDir Path tmp;
  private LoopbackServer server;
  private final PrintStream realOut = System.out;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @BeforeEach
  void start() {
    server = LoopbackServer.start();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    System.setOut(realOut);
    server.close();
  }

  private String[] args(String... extra) {
    List<String> a = new ArrayList<>(List.of(extra));
    a.add("-Dpaperindex.index.dir=" + tmp.resolve("index"));
    a.add("-Dpaperindex.data.dir=" + tmp.resolve("data"));
    a.add("-Dpaperindex.arxiv.oai-url=" + server.uri("/oai"));
    a.add("-Dpaperindex.arxiv.request-interval=50ms");
    a.add("-Dpaperindex.arxiv.retry-backoff=50ms");
    a.add("-Dpaperindex.arxiv.max-retries=4");
    a.add("-Dpaperindex.arxiv.request-timeout=5s");
    return a.toArray(String[]::new);
  }

  private AppConfig config() {
    return AppConfig.from(
        Settings.of(
            java.util.Map.of(
                "paperindex.index.dir", tmp.resolve("index").toString(),
                "paperindex.data.dir", tmp.resolve("data").toString())));
  }

  @Test
  void harvest_follows_tokens_survives_faults_and_indexes_every_good_record() throws Exception {
    String page1 =
        OaiPages.page(
            "2024-03-05T10:00:00Z",
            "tok-1",
            List.of(
                OaiPages.P.of("2403.00001", "2024-03-04", "Paper crane folding of lattices", "cs.CG"),
                OaiPages.P.of("2403.00002", "2024-03-04", "A theory of origami proofs", "math.CO")));
    String page2 =
        OaiPages.page(
            "2024-03-05T10:00:03Z",
            "tok-2",
            List.of(
                OaiPages.P.of("2403.00003", "2024-03-05", "Kites of many colours", "cs.CG"),
                OaiPages.P.of("2403.00004", "2024-03-05", "Broken record", "Not A Category")));
    String page3 =
        OaiPages.page(
            "2024-03-05T10:00:06Z",
            null,
            List.of(
                OaiPages.P.deleted("hep-th/9901001", "2024-03-05"),
                OaiPages.P.of("2403.00001", "2024-03-05", "Paper crane folding of lattices", "cs.CG")));
    server.enqueue(
        Response.ok(page1),
        Response.status(503).header("Retry-After", "1"),
        Response.status(500),
        Response.truncated(page2, page2.length() / 2),
        Response.ok(page2),
        Response.ok(page3));

    int rc = PaperIndexCli.run(args("harvest", "--from", "2024-03-01"));

    assertThat(rc).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"recordsSeen\":5").contains("\"rejected\":1");
    // first request carries the window, the others only the token
    assertThat(server.requests().get(0).queryParam("from")).isEqualTo("2024-03-01");
    assertThat(server.requests().get(0).queryParam("metadataPrefix")).isEqualTo("arXiv");
    assertThat(server.requests().get(5).queryParam("resumptionToken")).isEqualTo("tok-2");
    // a 503 with Retry-After: 1 made the next request wait at least a second
    long gapNanos = server.requests().get(2).receivedNanos() - server.requests().get(1).receivedNanos();
    assertThat(gapNanos).isGreaterThanOrEqualTo(950_000_000L);

    long storeSeq;
    try (RecordStore store = RecordStore.open(tmp.resolve("data"))) {
      storeSeq = store.lastSeq();
      assertThat(store.count()).isEqualTo(4); // 3 papers + the withdrawn stub
      assertThat(store.quarantineSize()).isEqualTo(1);
      assertThat(store.quarantined(10).get(0).identifier()).contains("2403.00004");
      Paper stub = store.get(ArxivId.parse("hep-th/9901001")).orElseThrow();
      assertThat(stub.withdrawn()).isTrue();
    }
    try (Services s = Services.open(config(), Services.Access.READ)) {
      // the command waited for the background index to catch up and commit before it exited
      assertThat(s.index().committedStoreSeq()).isEqualTo(storeSeq);
      assertThat(s.search().count()).isEqualTo(4);
      Paper p = s.search().paper(ArxivId.parse("2403.00001")).orElseThrow();
      assertThat(p.title()).isEqualTo("Paper crane folding of lattices");
      assertThat(p.authors().get(0).affiliations())
          .containsExactly("Department of Computing, Northfield University");
      String job = HarvestJob.jobKey("arXiv", null);
      // --from before any checkpoint and no --until: the checkpoint moves to the server's day
      assertThat(s.checkpoints().nextFrom(job)).contains(LocalDate.of(2024, 3, 5));
    }

    // the next run continues from the checkpoint and re-sent records are idempotent upserts
    server.enqueue(Response.ok(OaiPages.error("noRecordsMatch", "nothing new")));
    assertThat(PaperIndexCli.run(args("harvest"))).isEqualTo(0);
    assertThat(server.requests().get(6).queryParam("from")).isEqualTo("2024-03-05");
  }

  @Test
  void a_page_that_stays_broken_fails_the_run_and_keeps_the_checkpoint() {
    server.enqueue(Response.ok(OaiPages.error("noRecordsMatch", "empty")));
    assertThat(PaperIndexCli.run(args("harvest", "--from", "2024-03-01"))).isEqualTo(0);
    server.dispatch(r -> Response.status(500));

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream realErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int rc;
    try {
      rc = PaperIndexCli.run(args("harvest"));
    } finally {
      System.setErr(realErr);
    }
    assertThat(rc).isNotEqualTo(0);
    String lastLine = err.toString(StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElse("");
    assertThat(lastLine).startsWith("error: ").contains("HTTP 500").contains("5 attempts");
    try (Services s = Services.open(config(), Services.Access.READ)) {
      String job = HarvestJob.jobKey("arXiv", null);
      assertThat(s.checkpoints().nextFrom(job)).contains(LocalDate.of(2024, 3, 5));
      // status shows the failed run with its error, next to the last successful one
      var status = StatusCommand.report(s);
      String json = org.paperindex.api.Json.write(status);
      assertThat(json).contains("\"outcome\":\"failed\"").contains("HTTP 500");
      assertThat(json).contains("\"checkpoint\":\"2024-03-05\"");
    }
  }
}
