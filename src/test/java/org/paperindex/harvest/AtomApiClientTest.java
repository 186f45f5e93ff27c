package org.paperindex.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paperindex.harvest.LoopbackServer.Response;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Paper;

class AtomApiClientTest {

  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  static ArxivHttpClient http(LoopbackServer server, Duration interval) {
    return new ArxivHttpClient(
        ArxivHttpClientTest.config(server.uri("/oai"), interval, 2, Duration.ofSeconds(2)),
        new Throttle(interval));
  }

  private AtomApiClient client() {
    return new AtomApiClient(http(server, Duration.ofMillis(5)), server.uri("/api/query"));
  }

  /** An API response with one entry per id; {@code total} is what opensearch claims. */
  static String feed(int total, String... ids) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\""
        + " xmlns:arxiv=\"http://arxiv.org/schemas/atom\"><title>arXiv Query</title>"
        + "<id>https://arxiv.org/api/x</id><updated>2026-03-01T00:00:00Z</updated>"
        + "<opensearch:totalResults>" + total + "</opensearch:totalResults>"
        + "<opensearch:startIndex>0</opensearch:startIndex>"
        + "<opensearch:itemsPerPage>" + ids.length + "</opensearch:itemsPerPage>");
    for (String id : ids) {
      b.append("<entry><id>http://arxiv.org/abs/").append(id).append("v1</id>")
          .append("<updated>2026-01-02T00:00:00Z</updated><published>2026-01-02T00:00:00Z</published>")
          .append("<title>Paper ").append(id).append("</title><summary>Abstract.</summary>")
          .append("<author><name>A. Author</name></author>")
          .append("<arxiv:primary_category term=\"cs.LG\"/><category term=\"cs.LG\"/></entry>");
    }
    return b.append("</feed>").toString();
  }

  static String errorFeed(String message) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\""
        + " xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\"><title>arXiv Search Results</title>"
        + "<id>https://arxiv.org/api/x</id><updated>2026-03-01T00:00:00Z</updated>"
        + "<opensearch:totalResults>1</opensearch:totalResults>"
        + "<opensearch:startIndex>0</opensearch:startIndex><opensearch:itemsPerPage>1</opensearch:itemsPerPage>"
        + "<entry><id>https://arxiv.org/api/errors#" + message.replace(' ', '_') + "</id><title>Error</title>"
        + "<summary>" + message + "</summary><updated>2026-03-01T00:00:00Z</updated>"
        + "<author><name>arXiv api core</name></author></entry></feed>";
  }

  private static List<ArxivId> ids(String... values) {
    return Arrays.stream(values).map(ArxivId::parse).toList();
  }

  @Test
  void emptyPageWithPositiveTotalIsRetriedUntilTheFullPageArrives() {
    server.enqueue(Response.ok(feed(1)), Response.ok(feed(1, "2601.00001")));
    AtomApiClient.FetchResult r = client().fetch(ids("2601.00001"));
    assertThat(r.papers()).extracting(p -> p.id().value()).containsExactly("2601.00001");
    assertThat(r.missing()).isEmpty();
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void pageThatStaysEmptyFailsAfterBoundedRetries() {
    server.dispatch(req -> Response.ok(feed(1)));
    assertThatThrownBy(() -> client().fetch(ids("2601.00001")))
        .isInstanceOf(HarvestException.class).hasMessageContaining("totalResults");
    assertThat(server.requestCount()).isEqualTo(3); // maxRetries = 2
  }

  @Test
  void errorEntryIsReportedNotThrown() {
    server.enqueue(Response.status(400).header("Content-Type", "application/atom+xml")
        .body(errorFeed("incorrect id format for 2601.00002")));
    AtomApiClient.FetchResult r = client().fetch(ids("2601.00002"));
    assertThat(r.papers()).isEmpty();
    assertThat(r.errors()).containsExactly("incorrect id format for 2601.00002");
    assertThat(r.missing()).isEmpty();
  }

  @Test
  void idsTheApiDoesNotReturnAreMissing() {
    server.enqueue(Response.ok(feed(1, "2601.00003")));
    AtomApiClient.FetchResult r = client().fetch(ids("2601.00003", "0808.05394", "2601.00003"));
    assertThat(r.papers()).hasSize(1);
    assertThat(r.missing()).containsExactly("0808.05394");
    String query = server.requests().get(0).queryParam("id_list");
    assertThat(query).isEqualTo("2601.00003,0808.05394"); // duplicates asked for once
    assertThat(server.requests().get(0).queryParam("max_results")).isEqualTo("2");
  }

  @Test
  void oldStyleIdsAreEncoded() {
    server.enqueue(Response.ok(feed(1, "hep-th/9901001")));
    AtomApiClient.FetchResult r = client().fetch(ids("hep-th/9901001"));
    assertThat(r.papers()).extracting(p -> p.id().value()).containsExactly("hep-th/9901001");
    assertThat(server.requests().get(0).query()).contains("hep-th%2F9901001");
  }

  @Test
  void oneHundredFiftyIdsGoOutInTwoRequests() {
    server.dispatch(req -> {
      String[] asked = req.queryParam("id_list").split(",");
      return Response.ok(feed(asked.length, asked));
    });
    List<ArxivId> many = new ArrayList<>();
    for (int i = 1; i <= 150; i++) {
      many.add(ArxivId.parse(String.format("2601.%05d", i)));
    }
    AtomApiClient.FetchResult r = client().fetch(many);
    assertThat(r.papers()).hasSize(150);
    assertThat(r.missing()).isEmpty();
    assertThat(server.requests()).hasSize(2);
    assertThat(server.requests().stream().map(q -> q.queryParam("max_results"))
        .collect(Collectors.toList())).containsExactly("100", "50");
    assertThat(r.papers().stream().map(Paper::id).distinct()).hasSize(150);
  }

  @Test
  void batchSizeIsBounded() {
    ArxivHttpClient h = http(server, Duration.ZERO);
    assertThatThrownBy(() -> new AtomApiClient(h, server.uri("/api"), 101))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
