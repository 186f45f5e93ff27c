package org.paperindex.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paperindex.harvest.LoopbackServer.RecordedRequest;
import org.paperindex.harvest.LoopbackServer.Response;
import org.paperindex.model.ArxivId;

class PageFetcherTest {

  static final String LM = "Wed, 01 Apr 2026 10:00:00 GMT";
  static final String ABS = "<html><head><title>[2604.00001v1] T</title>"
      + "<meta name=\"citation_title\" content=\"A Title\"/>"
      + "<meta name=\"citation_author\" content=\"Roe, Jane\"/>"
      + "<meta name=\"citation_arxiv_id\" content=\"2604.00001\"/></head><body></body></html>";
  static final String HTML = "<html><body><div class=\"ltx_authors\"><span class=\"ltx_creator ltx_role_author\">"
      + "<span class=\"ltx_personname\">Jane Roe<br class=\"ltx_break\">Univ. of Examples"
      + "<br class=\"ltx_break\">jane@x.example</span></span></div><section>body</section></body></html>";

  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private PageFetcher fetcher(ArxivHttpClient http) {
    return new PageFetcher(http, server.uri("/abs"), server.uri("/html/"));
  }

  private static Response html(String body) {
    return Response.status(200).header("Content-Type", "text/html; charset=utf-8").body(body);
  }

  @Test
  void fetchesParsesAndThenSendsIfModifiedSinceAndHonours304() {
    PageFetcher f = fetcher(AtomApiClientTest.http(server, Duration.ofMillis(5)));
    ArxivId id = ArxivId.parse("2604.00001");
    server.enqueue(html(ABS).header("Last-Modified", LM), Response.status(304));

    PageFetcher.Page<org.paperindex.model.Paper> first = f.fetchAbs(id, null);
    assertThat(first.status()).isEqualTo(PageFetcher.Status.FETCHED);
    assertThat(first.value().title()).isEqualTo("A Title");
    assertThat(first.lastModified()).isEqualTo(LM);
    assertThat(server.requests().get(0).header("If-Modified-Since")).isNull();
    assertThat(server.requests().get(0).path()).isEqualTo("/abs/2604.00001");

    PageFetcher.Page<org.paperindex.model.Paper> second = f.fetchAbs(id, first.lastModified());
    assertThat(second.status()).isEqualTo(PageFetcher.Status.NOT_MODIFIED);
    assertThat(second.value()).isNull();
    assertThat(second.lastModified()).isEqualTo(LM);
    assertThat(server.requests().get(1).header("If-Modified-Since")).isEqualTo(LM);
  }

  @Test
  void missingHtmlVersionIsNotAnError() {
    PageFetcher f = fetcher(AtomApiClientTest.http(server, Duration.ofMillis(5)));
    server.enqueue(Response.status(404).body("No HTML for '2604.00001'"));
    PageFetcher.Page<List<org.paperindex.model.Author>> page =
        f.fetchHtml(ArxivId.parse("2604.00001"), LM);
    assertThat(page.status()).isEqualTo(PageFetcher.Status.NOT_FOUND);
    assertThat(page.value()).isNull();
    assertThat(server.requestCount()).isEqualTo(1); // not retried
  }

  @Test
  void fetchBothUsesAndUpdatesTheValidatorMap() {
    PageFetcher f = fetcher(AtomApiClientTest.http(server, Duration.ofMillis(5)));
    ArxivId id = ArxivId.parse("2604.00001");
    server.dispatch(req -> req.path().startsWith("/abs/")
        ? (req.header("If-Modified-Since") != null ? Response.status(304)
            : html(ABS).header("Last-Modified", LM))
        : html(HTML).header("Last-Modified", LM));
    Map<String, String> validators = new HashMap<>();

    PageFetcher.Pages pages = f.fetch(id, validators);
    assertThat(pages.abs().status()).isEqualTo(PageFetcher.Status.FETCHED);
    assertThat(pages.html().value()).singleElement()
        .satisfies(a -> assertThat(a.affiliations()).containsExactly("Univ. of Examples"));
    assertThat(validators).containsEntry(server.uri("/abs/2604.00001").toString(), LM);

    PageFetcher.Pages again = f.fetch(id, validators);
    assertThat(again.abs().status()).isEqualTo(PageFetcher.Status.NOT_MODIFIED);
    List<RecordedRequest> reqs = server.requests();
    assertThat(reqs.get(2).header("If-Modified-Since")).isEqualTo(LM);
  }

  @Test
  void apiAndPageFetchesShareTheOneThrottle() {
    Duration interval = Duration.ofMillis(150);
    ArxivHttpClient http = AtomApiClientTest.http(server, interval);
    AtomApiClient api = new AtomApiClient(http, server.uri("/api/query"));
    PageFetcher pages = fetcher(http);
    server.dispatch(req -> req.path().startsWith("/api")
        ? Response.ok(AtomApiClientTest.feed(1, "2604.00001")) : html(ABS));

    long t0 = System.nanoTime();
    api.fetch(List.of(ArxivId.parse("2604.00001")));
    pages.fetchAbs(ArxivId.parse("2604.00001"), null);
    api.fetch(List.of(ArxivId.parse("2604.00001")));
    long elapsedMs = (System.nanoTime() - t0) / 1_000_000;

    List<RecordedRequest> reqs = server.requests();
    assertThat(reqs).hasSize(3);
    // three starts, each an interval after the previous one, whichever client made it
    assertThat(elapsedMs).isGreaterThanOrEqualTo(2 * 150 - 20);
    for (int i = 1; i < reqs.size(); i++) {
      long gapMs = (reqs.get(i).receivedNanos() - reqs.get(i - 1).receivedNanos()) / 1_000_000;
      // server-side gaps can shrink under scheduling delays on a busy machine
      assertThat(gapMs).as("gap before request %d", i).isGreaterThanOrEqualTo(75);
    }
    assertThat(http.throttle().stats().requests()).isEqualTo(3);
    assertThat(server.maxConcurrentRequests()).isEqualTo(1);
  }
}
