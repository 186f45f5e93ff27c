package org.paperindex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.config.AppConfig;
import org.paperindex.config.Settings;
import org.paperindex.harvest.LoopbackServer;
import org.paperindex.harvest.LoopbackServer.Response;
import org.paperindex.model.ArxivId;

/**
 * {@code serve} as a real process: on an empty index it harvests at once (from a loopback server
 * standing in for arXiv), answers the HTTP API, and on SIGTERM stops cleanly with the harvested
 * papers committed to the index.
 */
class ServeEndToEndTest {
  @TempDir Path tmp;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void serve_harvests_an_empty_index_at_once_answers_the_api_and_stops_cleanly_on_sigterm()
      throws Exception {
    try (LoopbackServer arxiv = LoopbackServer.start()) {
      arxiv.enqueue(
          Response.ok(
              OaiPages.page(
                  "2024-03-05T10:00:00Z",
                  null,
                  List.of(
                      OaiPages.P.of("2403.00011", "2024-03-04", "Folding of paper lattices", "cs.CG"),
                      OaiPages.P.of("2403.00012", "2024-03-04", "Origami of proofs", "math.CO")))));
      int port = freePort();
      Process p = startServe(port, arxiv.uri("/oai"));
      try {
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> search = waitFor(base + "/api/search?q=ti:folding", 60);
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("\"total\":1").contains("2403.00011");
        assertThat(search.headers().firstValue("content-type").orElse("")).startsWith("application/json");

        // the index follows the record store in the background: the second paper of the page
        // may become searchable a moment after the first
        HttpResponse<String> paper = waitFor(base + "/api/papers/arXiv:2403.00012v1", 30);
        assertThat(paper.statusCode()).isEqualTo(200);
        assertThat(paper.body())
            .contains("\"title\":\"Origami of proofs\"")
            .contains("\"source\":\"arXiv\"")
            .contains("\"type\":\"preprint\"")
            .contains("\"openAccess\":true");

        assertThat(get(base + "/api/papers/2403.99999").statusCode()).isEqualTo(404);
        HttpResponse<String> bad = get(base + "/api/papers/not-an-id");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).startsWith("{\"error\":").endsWith("\"status\":400}");
        HttpResponse<String> badQuery = get(base + "/api/search?q=ti:%28unclosed");
        assertThat(badQuery.statusCode()).isEqualTo(400);
        assertThat(badQuery.body()).contains("\"error\"").doesNotContain("Exception");
        assertThat(get(base + "/api/search?q=x&size=abc").statusCode()).isEqualTo(400);
        assertThat(get(base + "/health").body()).contains("\"status\":\"UP\"");
        // the query string must not be echoed back as response headers
        assertThat(search.headers().map()).doesNotContainKey("q");

        HttpResponse<String> related = get(base + "/api/papers/2403.00011/related?size=5");
        assertThat(related.statusCode()).isEqualTo(200);
        assertThat(related.body()).contains("2403.00012").doesNotContain("\"id\":\"2403.00011\",\"title");
        assertThat(get(base + "/api/papers/2403.99999/related").statusCode()).isEqualTo(404);
        assertThat(get(base + "/api/papers/2403.00011/related?size=0").statusCode()).isEqualTo(400);
        HttpResponse<String> suggest = get(base + "/api/suggest?q=orig");
        assertThat(suggest.body()).contains("<mark>Orig</mark>ami of proofs");
        HttpResponse<String> facets = get(base + "/api/search?q=&facet=category&category=cs.CG");
        assertThat(facets.body()).contains("\"facets\":{\"category\":[")
            .contains("{\"value\":\"math.CO\",\"count\":1}");
        for (String badParam : List.of("year=20x", "sort=best", "cursor=zzz", "unknown=1", "from=2024-13-01", "size=-1")) {
          HttpResponse<String> r = get(base + "/api/search?q=x&" + badParam);
          assertThat(r.statusCode()).as(badParam).isEqualTo(400);
          assertThat(r.body()).as(badParam).startsWith("{\"error\":");
        }
        HttpResponse<String> openapi = get(base + "/api/openapi.json");
        assertThat(openapi.body()).contains("\"openapi\": \"3.0.3\"").contains("/api/papers/{id}/related");
        HttpResponse<String> preflight = http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/search"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://front.example").build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("access-control-allow-origin")).contains("https://front.example");
        HttpResponse<String> foreign = http.send(
            HttpRequest.newBuilder(URI.create(base + "/health")).header("Origin", "https://evil.example").build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.headers().firstValue("access-control-allow-origin")).isEmpty();
      } finally {
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("serve stopped after SIGTERM").isTrue();
      }
      assertThat(p.exitValue()).isIn(0, 143);
    }
    // the index was committed before the process exited: a reader sees both papers
    AppConfig cfg =
        AppConfig.from(Settings.of(Map.of("paperindex.index.dir", tmp.resolve("index").toString())));
    try (Services s = Services.open(cfg, Services.Access.READ)) {
      assertThat(s.search().count()).isEqualTo(2);
      assertThat(s.search().paper(ArxivId.parse("2403.00011"))).isPresent();
    }
    assertThat(Files.readString(tmp.resolve("serve.log"))).doesNotContain("ERROR");
  }

  private Process startServe(int port, URI oai) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            PaperIndexCli.class.getName(),
            "serve",
            "-Dpaperindex.index.dir=" + tmp.resolve("index"),
            "-Dpaperindex.data.dir=" + tmp.resolve("data"),
            "-Dpaperindex.http.port=" + port,
            "-Dpaperindex.arxiv.oai-url=" + oai,
            "-Dpaperindex.arxiv.request-interval=10ms",
            "-Dpaperindex.http.cors-origins=https://front.example")
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("serve.log").toFile())
        .start();
  }

  private HttpResponse<String> waitFor(String url, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      try {
        HttpResponse<String> r = get(url);
        if (r.statusCode() == 200 && !r.body().contains("\"total\":0")) {
          return r;
        }
      } catch (IOException notYet) {
        // server still starting
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no answer from " + url + "; log:\n" + Files.readString(tmp.resolve("serve.log")));
      }
      Thread.sleep(200);
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
