package org.paperindex.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paperindex.config.AppConfig;
import org.paperindex.harvest.LoopbackServer.RecordedRequest;
import org.paperindex.harvest.LoopbackServer.Response;

class ArxivHttpClientTest {

  static final String UA = "paperindex-test/0.1 (mailto:test@example.org)";
  static final String BODY = "<ok>" + "x".repeat(500) + "</ok>";

  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  static AppConfig.ArxivConfig config(URI url, Duration interval, int maxRetries, Duration timeout) {
    return new AppConfig.ArxivConfig(url, interval, UA, Duration.ofSeconds(2), timeout, maxRetries,
        Duration.ofMillis(50), Duration.ofSeconds(5));
  }

  private ArxivHttpClient client(Duration interval, int maxRetries, Duration timeout) {
    AppConfig.ArxivConfig c = config(server.uri("/oai"), interval, maxRetries, timeout);
    return new ArxivHttpClient(c, new Throttle(interval));
  }

  private ArxivHttpClient client() {
    return client(Duration.ofMillis(20), 3, Duration.ofSeconds(2));
  }

  @Test
  void sendsUserAgentAndGzipAndDecompressesTransparently() {
    server.enqueue(Response.ok(BODY).gzip());
    HttpResult r = client().get(server.uri("/oai?verb=Identify"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo(BODY);
    assertThat(r.attempts()).isEqualTo(1);
    RecordedRequest req = server.requests().get(0);
    assertThat(req.header("User-Agent")).isEqualTo(UA);
    assertThat(req.header("Accept-Encoding")).isEqualTo("gzip");
    assertThat(req.target()).isEqualTo("/oai?verb=Identify");
  }

  @Test
  void requestStartsAreAtLeastTheIntervalApart() {
    Duration interval = Duration.ofMillis(200);
    ArxivHttpClient c = client(interval, 0, Duration.ofSeconds(2));
    server.dispatch(r -> Response.ok(BODY));
    c.get(server.uri("/warm-up")); // class loading would blur the first gap
    long t0 = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      c.get(server.uri("/r" + i));
    }
    long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
    // the three starts are each at least an interval after the one before (warm-up included)
    assertThat(elapsedMs).isGreaterThanOrEqualTo(3 * 200 - 50);
    List<RecordedRequest> reqs = server.requests();
    for (int i = 1; i < reqs.size(); i++) {
      long gapMs = (reqs.get(i).receivedNanos() - reqs.get(i - 1).receivedNanos()) / 1_000_000;
      // measured at the server, where scheduling delays on a busy machine can shave a gap;
      // unthrottled loopback requests arrive within a few ms of each other
      assertThat(gapMs).as("gap before request %d", i).isGreaterThanOrEqualTo(100);
    }
    assertThat(c.throttle().stats().requests()).isEqualTo(4);
    assertThat(c.throttle().stats().waits()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void onlyOneRequestInFlightAcrossThreads() throws Exception {
    ArxivHttpClient c = client(Duration.ZERO, 0, Duration.ofSeconds(2));
    server.dispatch(r -> Response.delay(Duration.ofMillis(80), Response.ok(BODY)));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<HttpResult>> fs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        URI u = server.uri("/p" + i);
        fs.add(pool.submit(() -> c.get(u)));
      }
      for (Future<HttpResult> f : fs) {
        assertThat(f.get().status()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.requestCount()).isEqualTo(4);
    assertThat(server.maxConcurrentRequests()).isEqualTo(1);
  }

  @Test
  void retryAfterSecondsOn503IsHonoured() {
    server.enqueue(Response.status(503).header("Retry-After", "1"), Response.ok(BODY));
    ArxivHttpClient c = client();
    HttpResult r = c.get(server.uri("/oai"));

    assertThat(r.attempts()).isEqualTo(2);
    assertThat(gapMs(0, 1)).isGreaterThanOrEqualTo(990);
    assertThat(c.throttle().stats().lastRetryAfter()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void retryAfterHttpDateOn429IsHonoured() {
    String date = LoopbackServer.httpDate(Duration.ofSeconds(2)); // whole seconds: 1-2 s away
    Instant notBefore = java.time.ZonedDateTime.parse(date,
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    server.enqueue(Response.status(429).header("Retry-After", date), Response.ok(BODY));
    HttpResult r = client().get(server.uri("/oai"));

    assertThat(r.attempts()).isEqualTo(2);
    assertThat(server.requests().get(1).receivedAt()).isAfterOrEqualTo(notBefore.minusMillis(10));
    assertThat(gapMs(0, 1)).isGreaterThanOrEqualTo(990);
  }

  @Test
  void retryAfterIsCappedByMaxRetryAfter() {
    AppConfig.ArxivConfig c = new AppConfig.ArxivConfig(server.uri("/oai"), Duration.ZERO, UA,
        Duration.ofSeconds(2), Duration.ofSeconds(2), 2, Duration.ofMillis(10),
        Duration.ofMillis(300));
    server.enqueue(Response.status(503).header("Retry-After", "3600"), Response.ok(BODY));
    long t0 = System.nanoTime();
    new ArxivHttpClient(c, new Throttle(Duration.ZERO)).get(server.uri("/oai"));

    assertThat(gapMs(0, 1)).isGreaterThanOrEqualTo(290);
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3000);
  }

  @Test
  void serverErrorThenSuccess() {
    server.enqueue(Response.status(500).body("oops"), Response.ok(BODY));
    assertThat(client().get(server.uri("/oai")).attempts()).isEqualTo(2);
  }

  @Test
  void connectionResetThenSuccess() {
    server.enqueue(Response.reset(), Response.ok(BODY));
    assertThat(client().get(server.uri("/oai")).bodyText()).isEqualTo(BODY);
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void truncatedBodyThenSuccess() {
    server.enqueue(Response.truncated(BODY, 100), Response.ok(BODY));
    HttpResult r = client().get(server.uri("/oai"));
    assertThat(r.bodyText()).isEqualTo(BODY);
    assertThat(r.attempts()).isEqualTo(2);
  }

  @Test
  void slowResponsePastTheTimeoutThenSuccess() {
    server.enqueue(Response.delay(Duration.ofMillis(1500), Response.ok(BODY)), Response.ok(BODY));
    HttpResult r = client(Duration.ofMillis(20), 3, Duration.ofMillis(300)).get(server.uri("/oai"));
    assertThat(r.attempts()).isEqualTo(2);
  }

  @Test
  void exhaustedRetriesThrowWithUrlStatusAndAttempts() {
    server.dispatch(r -> Response.status(503));
    URI u = server.uri("/oai?verb=ListRecords");
    assertThatThrownBy(() -> client(Duration.ZERO, 2, Duration.ofSeconds(2)).get(u))
        .isInstanceOf(HarvestException.class)
        .hasMessageContaining(u.toString())
        .hasMessageContaining("HTTP 503")
        .hasMessageContaining("after 3 attempts")
        .satisfies(e -> {
          HarvestException h = (HarvestException) e;
          assertThat(h.status()).isEqualTo(503);
          assertThat(h.attempts()).isEqualTo(3);
          assertThat(h.uri()).isEqualTo(u);
        });
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void ioErrorsExhaustedNameTheCause() {
    server.dispatch(r -> Response.reset());
    assertThatThrownBy(() -> client(Duration.ZERO, 1, Duration.ofSeconds(2)).get(server.uri("/x")))
        .isInstanceOf(HarvestException.class)
        .hasMessageContaining("after 2 attempts")
        .hasMessageContaining("IOException")
        .hasCauseInstanceOf(java.io.IOException.class);
  }

  @Test
  void notFoundIsNotRetried() {
    server.dispatch(r -> Response.status(404).body("no such page"));
    assertThatThrownBy(() -> client().get(server.uri("/missing")))
        .isInstanceOf(HarvestException.class)
        .hasMessageContaining("HTTP 404")
        .hasMessageContaining("not retried");
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void statusesTheCallerAsksForAreReturnedWithExtraHeaders() {
    server.enqueue(Response.status(304), Response.status(404));
    ArxivHttpClient c = client();
    ArxivHttpClient.Request req = ArxivHttpClient.Request.get(server.uri("/abs/2101.00001"))
        .header("If-Modified-Since", "Wed, 01 Jan 2025 00:00:00 GMT")
        .returning(304, 404);

    assertThat(c.send(req).status()).isEqualTo(304);
    assertThat(c.send(req).status()).isEqualTo(404);
    assertThat(server.requests().get(0).header("If-Modified-Since"))
        .isEqualTo("Wed, 01 Jan 2025 00:00:00 GMT");
  }

  @Test
  void backoffGrowsExponentiallyWithJitterAndIsCapped() {
    AppConfig.ArxivConfig c = new AppConfig.ArxivConfig(server.uri("/"), Duration.ZERO, UA,
        Duration.ofSeconds(1), Duration.ofSeconds(1), 5, Duration.ofSeconds(5),
        Duration.ofSeconds(60));
    ArxivHttpClient full = new ArxivHttpClient(c, new Throttle(Duration.ZERO), Sleeper.SYSTEM,
        Clock.systemUTC(), () -> 0.999999);
    ArxivHttpClient half = new ArxivHttpClient(c, new Throttle(Duration.ZERO), Sleeper.SYSTEM,
        Clock.systemUTC(), () -> 0.0);
    assertThat(full.backoff(1).toMillis()).isBetween(4990L, 5000L);
    assertThat(full.backoff(3).toMillis()).isBetween(19900L, 20000L);
    assertThat(full.backoff(10).toMillis()).isBetween(59900L, 60000L);
    assertThat(half.backoff(2)).isEqualTo(Duration.ofSeconds(5));
  }

  private long gapMs(int a, int b) {
    List<RecordedRequest> r = server.requests();
    return (r.get(b).receivedNanos() - r.get(a).receivedNanos()) / 1_000_000;
  }
}
