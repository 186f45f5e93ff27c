package org.paperindex.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.paperindex.harvest.OaiXml.deleted;
import static org.paperindex.harvest.OaiXml.page;
import static org.paperindex.harvest.OaiXml.rec;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paperindex.config.AppConfig;
import org.paperindex.harvest.LoopbackServer.RecordedRequest;
import org.paperindex.harvest.LoopbackServer.Response;

class OaiPmhHarvesterTest {

  static final String DATE = "2025-03-04T21:10:00Z";

  private final LoopbackServer server = LoopbackServer.start();
  private final RecordingSink sink = new RecordingSink();

  @AfterEach
  void stop() {
    server.close();
  }

  static OaiPmhHarvester harvester(LoopbackServer server, int maxRetries) {
    AppConfig.ArxivConfig c = new AppConfig.ArxivConfig(server.uri("/oai"), Duration.ofMillis(5),
        ArxivHttpClientTest.UA, Duration.ofSeconds(2), Duration.ofSeconds(2), maxRetries,
        Duration.ofMillis(20), Duration.ofSeconds(2));
    ArxivHttpClient client = new ArxivHttpClient(c, new Throttle(c.requestInterval()));
    return new OaiPmhHarvester(c.oaiUrl(), client, new TestOaiParser(), 2, Clock.systemUTC());
  }

  private OaiPmhHarvester harvester() {
    return harvester(server, 2);
  }

  /** Serves pages keyed by resumptionToken ("" = the first request). */
  private void servePages(Map<String, String> pages) {
    server.dispatch(r -> {
      String token = r.queryParam("resumptionToken");
      String body = pages.get(token == null ? "" : token);
      return body == null ? Response.status(500).body("unexpected " + r.target()) : Response.ok(body);
    });
  }

  @Test
  void followsResumptionTokensAcrossThreePages() {
    String oddToken = "from=2025-03-01&skip=2|x y";
    servePages(Map.of(
        "", page(DATE, "t1", rec("2503.00001", "2025-03-01"), rec("2503.00002", "2025-03-01")),
        "t1", page("2025-03-04T21:10:05Z", oddToken, deleted("2503.00003", "2025-03-02")),
        oddToken, page("2025-03-04T21:10:09Z", "", rec("hep-th/9901001", "2025-03-03"))));

    HarvestSummary s = harvester().harvest(
        new HarvestRequest(LocalDate.of(2025, 3, 1), null, "cs:cs:AI", "arXiv"), sink);

    assertThat(sink.ids()).containsExactly("2503.00001", "2503.00002", "2503.00003", "hep-th/9901001");
    assertThat(sink.commits).isEqualTo(1);
    assertThat(s.pages()).isEqualTo(3);
    assertThat(s.recordsSeen()).isEqualTo(4);
    assertThat(s.deleted()).isEqualTo(1);
    assertThat(s.rejected()).isZero();
    assertThat(s.restarts()).isZero();
    assertThat(s.from()).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(s.set()).isEqualTo("cs:cs:AI");
    assertThat(s.nextFrom()).isEqualTo(LocalDate.of(2025, 3, 4));
    assertThat(s.finished()).isAfterOrEqualTo(s.started());

    List<RecordedRequest> reqs = server.requests();
    assertThat(reqs).hasSize(3);
    assertThat(reqs.get(0).query())
        .isEqualTo("verb=ListRecords&metadataPrefix=arXiv&from=2025-03-01&set=cs:cs:AI");
    assertThat(reqs.get(1).query()).isEqualTo("verb=ListRecords&resumptionToken=t1");
    assertThat(reqs.get(2).queryParam("resumptionToken")).isEqualTo(oddToken);
    assertThat(reqs.get(2).query()).doesNotContain(" ", "|").contains("%26", "%7C", "%20");
  }

  @Test
  void setNamesAndDatesAreEncodedAsParameters() {
    server.dispatch(r -> Response.ok(OaiXml.error(DATE, "noRecordsMatch", "nothing")));
    OaiPmhHarvester h = harvester();
    h.harvest(new HarvestRequest(LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 3),
        "physics:hep-th", "arXivRaw"), sink);
    h.harvest(new HarvestRequest(null, null, "odd set&x=1", "arXiv"), sink);

    RecordedRequest first = server.requests().get(0);
    assertThat(first.queryParam("set")).isEqualTo("physics:hep-th");
    assertThat(first.queryParam("from")).isEqualTo("2025-01-02");
    assertThat(first.queryParam("until")).isEqualTo("2025-01-03");
    assertThat(first.queryParam("metadataPrefix")).isEqualTo("arXivRaw");
    RecordedRequest second = server.requests().get(1);
    assertThat(second.query()).isEqualTo("verb=ListRecords&metadataPrefix=arXiv&set=odd%20set%26x%3D1");
    assertThat(second.queryParam("set")).isEqualTo("odd set&x=1");
  }

  @Test
  void noRecordsMatchIsAnEmptySuccessfulRun() {
    server.enqueue(Response.ok(OaiXml.error(DATE, "noRecordsMatch", "No records match")));
    HarvestSummary s = harvester().harvest(
        new HarvestRequest(LocalDate.of(2025, 3, 4), null, null, "arXiv"), sink);

    assertThat(s.recordsSeen()).isZero();
    assertThat(s.pages()).isZero();
    assertThat(sink.commits).isEqualTo(1);
    assertThat(s.nextFrom()).isEqualTo(LocalDate.of(2025, 3, 4));
  }

  @Test
  void badResumptionTokenRestartsFromTheLatestDatestampSeen() {
    server.enqueue(
        Response.ok(page(DATE, "t1", rec("2503.00001", "2025-03-01"), rec("2503.00002", "2025-03-02"))),
        Response.ok(OaiXml.error("2025-03-05T00:00:02Z", "badResumptionToken", "expired")),
        Response.ok(page("2025-03-05T00:00:05Z", null,
            rec("2503.00002", "2025-03-02"), rec("2503.00003", "2025-03-03"))));

    HarvestSummary s = harvester().harvest(
        new HarvestRequest(LocalDate.of(2025, 3, 1), null, null, "arXiv"), sink);

    assertThat(s.restarts()).isEqualTo(1);
    assertThat(sink.ids()).containsExactly("2503.00001", "2503.00002", "2503.00002", "2503.00003");
    assertThat(sink.commits).isEqualTo(1);
    RecordedRequest restart = server.requests().get(2);
    assertThat(restart.queryParam("from")).isEqualTo("2025-03-02");
    assertThat(restart.queryParam("resumptionToken")).isNull();
    assertThat(s.from()).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(s.nextFrom()).isEqualTo(LocalDate.of(2025, 3, 4)); // first page's responseDate
  }

  @Test
  void restartsAreBounded() {
    server.dispatch(r -> r.queryParam("resumptionToken") == null
        ? Response.ok(page(DATE, "t", rec("2503.00001", "2025-03-01")))
        : Response.ok(OaiXml.error(DATE, "badResumptionToken", "expired")));

    assertThatThrownBy(() -> harvester().harvest(
        new HarvestRequest(LocalDate.of(2025, 3, 1), null, null, "arXiv"), sink))
        .isInstanceOf(HarvestException.class)
        .hasMessageContaining("badResumptionToken after 2 restarts");
    assertThat(sink.commits).isZero();
  }

  @Test
  void malformedPageIsFetchedAgain() {
    server.enqueue(Response.ok("<OAI-PMH><responseDate>2025-"),
        Response.ok(page(DATE, null, rec("2503.00001", "2025-03-01"))));
    HarvestSummary s = harvester().harvest(new HarvestRequest(null, null, null, "arXiv"), sink);

    assertThat(s.recordsSeen()).isEqualTo(1);
    assertThat(server.requestCount()).isEqualTo(2);
    assertThat(server.requests().get(1).target()).isEqualTo(server.requests().get(0).target());
  }

  @Test
  void pageThatStaysGarbageFailsTheRunWithoutCommit() {
    server.enqueue(Response.ok(page(DATE, "t1", rec("2503.00001", "2025-03-01"))));
    server.dispatch(r -> Response.ok("<html>Service temporarily unavailable"));

    assertThatThrownBy(() -> harvester().harvest(new HarvestRequest(null, null, null, "arXiv"), sink))
        .isInstanceOf(HarvestException.class)
        .hasMessageContaining("resumptionToken=t1")
        .hasMessageContaining("after 3 attempts")
        .hasMessageContaining("malformed body");
    assertThat(server.requestCount()).isEqualTo(4);
    assertThat(sink.records).hasSize(1); // delivered, but never committed
    assertThat(sink.commits).isZero();
  }

  @Test
  void otherOaiErrorsFailWithCodeAndMessage() {
    server.enqueue(Response.ok(OaiXml.error(DATE, "badArgument", "Illegal set 'nope'")));
    assertThatThrownBy(() -> harvester().harvest(new HarvestRequest(null, null, "nope", "arXiv"), sink))
        .isInstanceOf(HarvestException.class)
        .hasMessageContaining("badArgument: Illegal set 'nope'");
    assertThat(sink.commits).isZero();
  }

  @Test
  void rejectedRecordsGoToTheSink() {
    server.enqueue(Response.ok(page(DATE, null, rec("2503.00001", "2025-03-01"), rec("bogus", "2025-03-01"))));
    HarvestSummary s = harvester().harvest(new HarvestRequest(null, null, null, "arXiv"), sink);
    assertThat(s.rejected()).isEqualTo(1);
    assertThat(sink.rejected).extracting(r -> r.identifier()).containsExactly("oai:arXiv.org:bogus");
  }

  @Test
  void nextFromWithUntilIsTheEarlierOfUntilAndTheServerDay() {
    server.dispatch(r -> Response.ok(page(DATE, null, rec("2503.00001", "2025-03-01"))));
    OaiPmhHarvester h = harvester();
    LocalDate past = LocalDate.of(2025, 3, 2);
    LocalDate future = LocalDate.of(2025, 3, 9);
    assertThat(h.harvest(new HarvestRequest(null, past, null, "arXiv"), sink).nextFrom())
        .isEqualTo(past);
    assertThat(h.harvest(new HarvestRequest(null, future, null, "arXiv"), sink).nextFrom())
        .isEqualTo(LocalDate.of(2025, 3, 4));
  }

  @Test
  void aTokenThatDoesNotAdvanceFails() {
    server.dispatch(r -> Response.ok(page(DATE, "same", rec("2503.00001", "2025-03-01"))));
    assertThatThrownBy(() -> harvester().harvest(new HarvestRequest(null, null, null, "arXiv"), sink))
        .isInstanceOf(HarvestException.class)
        .hasMessageContaining("did not advance");
  }
}
