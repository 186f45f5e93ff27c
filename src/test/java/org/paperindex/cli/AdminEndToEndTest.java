package org.paperindex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.api.Json;
import org.paperindex.config.AppConfig;
import org.paperindex.config.Settings;
import org.paperindex.harvest.LoopbackServer;
import org.paperindex.harvest.LoopbackServer.Response;

/**
 * Operator endpoints on a real in-process server: token required and compared exactly, admin
 * disabled (404) without a token, harvest and reindex started in the background, status with
 * jobs, checkpoint, quarantine and throttle, and Prometheus metrics.
 */
class AdminEndToEndTest {
  @TempDir Path tmp;
  private final HttpClient http = HttpClient.newHttpClient();

  private CamelApp start(LoopbackServer arxiv, String token) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Map<String, String> o = new HashMap<>();
    o.put("paperindex.index.dir", tmp.resolve("index").toString());
    o.put("paperindex.data.dir", tmp.resolve("data").toString());
    o.put("paperindex.http.port", Integer.toString(port));
    o.put("paperindex.arxiv.oai-url", arxiv.uri("/oai").toString());
    o.put("paperindex.arxiv.request-interval", "0s");
    o.put("paperindex.harvest.on-empty-index", "false");
    o.put("camel.main.routes-include-pattern", "file:routes/*.camel.yaml");
    if (token != null) {
      o.put("paperindex.admin.token", token);
    }
    Settings settings = Settings.of(o);
    Services services = Services.open(AppConfig.from(settings), Services.Access.WRITE);
    CamelApp app = new CamelApp(settings, services, CamelApp.Mode.SERVE);
    app.start();
    base = "http://127.0.0.1:" + port;
    return app;
  }

  private String base;

  private HttpResponse<String> send(String method, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void admin_is_disabled_without_a_token() throws Exception {
    try (LoopbackServer arxiv = LoopbackServer.start(); CamelApp app = start(arxiv, null)) {
      assertThat(send("GET", "/api/admin/status", null).statusCode()).isEqualTo(404);
      assertThat(send("POST", "/api/admin/reindex", "anything").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void token_protected_harvest_reindex_status_and_metrics() throws Exception {
    String token = "s3cret-token-for-tests";
    try (LoopbackServer arxiv = LoopbackServer.start(); CamelApp app = start(arxiv, token)) {
      arxiv.dispatch(r -> Response.ok(OaiPages.page("2024-03-05T10:00:00Z", null, List.of(
          OaiPages.P.of("2403.00021", "2024-03-04", "Folding of kites", "cs.CG"),
          OaiPages.P.of("2403.00022", "2024-03-04", "Broken", "Not A Category")))));
      assertThat(send("GET", "/api/admin/status", null).statusCode()).isEqualTo(401);
      assertThat(send("GET", "/api/admin/status", token + "x").statusCode()).isEqualTo(401);
      assertThat(send("GET", "/api/admin/status", token.substring(1)).statusCode()).isEqualTo(401);
      assertThat(send("POST", "/api/admin/harvest?from=2024-03-10&until=2024-03-01", token).statusCode())
          .isEqualTo(400);

      HttpResponse<String> h = send("POST", "/api/admin/harvest?from=2024-03-01", token);
      assertThat(h.statusCode()).isEqualTo(202);
      JsonNode status = waitForStatus(token, s -> s.path("jobs").path("oai").path("lastRun").has("outcome"));
      JsonNode lastRun = status.path("jobs").path("oai").path("lastRun");
      assertThat(lastRun.path("outcome").asText()).isEqualTo("ok");
      // per run: records seen, and what they did to the store
      assertThat(lastRun.path("summary").path("harvest").path("recordsSeen").asInt()).isEqualTo(1);
      assertThat(lastRun.path("summary").path("store").path("added").asInt()).isEqualTo(1);
      assertThat(lastRun.path("summary").path("store").path("rejected").asInt()).isEqualTo(1);
      assertThat(lastRun.path("started").asText()).isNotBlank();
      assertThat(status.path("jobs").path("oai").path("checkpoint").asText()).isEqualTo("2024-03-05");
      assertThat(status.path("jobs").path("oai").path("nextFire").asText()).isNotBlank();
      assertThat(status.path("quarantine").path("size").asInt()).isEqualTo(1);
      assertThat(status.path("throttle").path("requests").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(status.path("indexSizeBytes").asLong()).isPositive();
      // the index follows the store in the background; status shows how far behind it is
      assertThat(status.has("indexLag")).isTrue();
      JsonNode followed = waitForStatus(token, s -> s.path("indexLag").asLong(-1) == 0
          && s.path("papers").asLong() == 1);
      assertThat(followed.path("indexFollower").path("applied").asLong()).isPositive();

      assertThat(send("POST", "/api/admin/reindex", token).statusCode()).isEqualTo(202);
      JsonNode after = waitForStatus(token, s -> s.path("jobs").path("reindex").path("lastRun").has("papers"));
      assertThat(after.path("jobs").path("reindex").path("lastRun").path("papers").asInt()).isEqualTo(1);
      assertThat(send("GET", "/api/papers/2403.00021", null).statusCode()).isEqualTo(200);

      HttpResponse<String> metrics = send("GET", "/metrics", null);
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body())
          .contains("paperindex_papers 1.0")
          .contains("paperindex_index_lag 0.0")
          .contains("paperindex_quarantine_size 1.0")
          .contains("paperindex_ingest_added_total")
          .contains("paperindex_arxiv_requests_total")
          .contains("paperindex_detail_latency_seconds")
          .contains("jvm_memory_used_bytes");
    }
  }

  private JsonNode waitForStatus(String token, java.util.function.Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      HttpResponse<String> r = send("GET", "/api/admin/status", token);
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode s = Json.mapper().readTree(r.body());
      if (done.test(s)) {
        return s;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("status never reached the expected state: " + r.body());
      }
      Thread.sleep(100);
    }
  }
}
