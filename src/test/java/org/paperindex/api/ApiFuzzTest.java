package org.paperindex.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperindex.bench.KaggleJsonWriter;
import org.paperindex.bench.SyntheticArxiv;
import org.paperindex.cli.CamelApp;
import org.paperindex.cli.PaperIndexCli;
import org.paperindex.cli.Services;
import org.paperindex.config.AppConfig;
import org.paperindex.config.Settings;

/**
 * Hostile values in every parameter of every HTTP endpoint of a real (in-process) server: each
 * answer is 200, 400 or 404 with a JSON body, within a time limit; never a 500, never a hang.
 */
class ApiFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.util.regex.Pattern BAD_PATH_ESCAPE =
      java.util.regex.Pattern.compile("%(?![0-9A-Fa-f]{2})");
  private static final int TIMEOUT_MS = 10_000;
  private static Path dir;
  private static CamelApp app;
  private static int port;

  static final List<String> SEARCH_PARAMS = List.of("q", "size", "page", "cursor", "category",
      "primaryOnly", "dateField", "from", "to", "year", "hasCode", "hasDataset", "institution",
      "license", "withdrawn", "sort", "facet", "facetSize", "highlight");

  /** Raw (already URL-encoded or deliberately mis-encoded) hostile values. */
  static List<String> hostileValues() {
    List<String> v = new ArrayList<>(List.of(
        "", "%", "%zz", "%E0%A4%A", "%C0%AF", "%00", "%01%02%1B%7F", "%FF%FE", "..%2F..%2Fetc%2Fpasswd",
        "../../etc/passwd", "%C3%BC%E6%97%A5%F0%9F%99%82", "-1", "0", "2147483648",
        "99999999999999999999999", "-99999999999999999999", "1e9", "NaN", "0x10", "true%20false",
        "%7B%22a%22%3A%5B1%2C2%5D%7D", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%2F(a%2B)%2B%24%2F", "%2F.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*a%2F", "*", "%3F", "*%3A*",
        "a~", "a~2", "ti%3Aa~0.5", "%22a%20b%22~100000000", "%5Ba%20TO%20z%5D", "%7B*%20TO%20*%7D",
        "a%5E100000000", "%5C", "AND%20OR%20NOT", "au%3A*", "id%3A*", ":x", "field%3A", "%22unterminated",
        "%2F%5Ba-z%5D%7B1%2C100000%7D%2F", "2024-13-45", "9999-12-31", "1000", "-2024"));
    v.add("a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*q*r*s*t*u*v*w*x*y*z*".repeat(20));
    // the HTTP layer refuses request lines over 4 KB (414, see an_over_long_request_...), so the
    // bombs stay under it here; the 10k-deep one goes straight to the search service below
    v.add("(".repeat(3_500));
    v.add(")".repeat(3_500));
    v.add("x".repeat(3_000));
    v.add("a%20OR%20".repeat(350) + "b");
    return v;
  }

  @BeforeAll
  static void serve() throws Exception {
    dir = Files.createTempDirectory("apifuzz");
    Path snap = dir.resolve("s.jsonl");
    KaggleJsonWriter.writeFile(new SyntheticArxiv(11), 300, snap);
    Map<String, String> cfg = Map.of(
        "paperindex.index.dir", dir.resolve("index").toString(),
        "paperindex.data.dir", dir.resolve("data").toString(),
        "paperindex.http.port", Integer.toString(port = freePort()),
        "paperindex.schedule.enabled", "false",
        "paperindex.harvest.on-empty-index", "false",
        "paperindex.index.refresh-interval", "50ms");
    List<String> args = new ArrayList<>(List.of("import", "--no-progress", snap.toString()));
    cfg.forEach((k, val) -> args.add("-D" + k + "=" + val));
    assertThat(PaperIndexCli.run(args.toArray(String[]::new))).isZero();
    Settings settings = Settings.of(cfg);
    app = new CamelApp(settings, Services.open(AppConfig.from(settings), Services.Access.WRITE), CamelApp.Mode.SERVE);
    app.start();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void every_search_parameter_answers_hostile_values_with_json_200_400_or_404() throws Exception {
    for (String param : SEARCH_PARAMS) {
      for (String value : hostileValues()) {
        String target = "/api/search?" + (param.equals("q") ? "" : "q=a&") + param + "=" + value;
        check(target);
      }
    }
    // repeated and unknown parameters
    check("/api/search?q=a&q=b&size=1&size=2&page=1&page=x");
    check("/api/search?" + "category=cs.AI&".repeat(200) + "q=a");
    check("/api/search?" + "facet=category&".repeat(200) + "q=a");
    check("/api/search?q=a&%00=1&=x&&&==&unknown=1");
    check("/api/search?q=a&cursor=" + "A".repeat(3_000));
  }

  @Test
  void paper_related_suggest_and_health_answer_hostile_values_with_json() throws Exception {
    for (String value : hostileValues()) {
      check("/api/suggest?q=" + value);
      check("/api/suggest?q=a&size=" + value);
      check("/api/papers/" + value);
      check("/api/papers/" + value + "/related");
      check("/api/papers/0704.0001/related?size=" + value);
      if (value.length() < 1_000) { // name and value together must stay under the 4 KB line
        check("/api/papers/0704.0001/related?" + value + "=" + value);
      }
      check("/health?" + value);
    }
  }

  /** Regression: Vert.x answered a malformed query string with a plain-text "Bad Request". */
  @Test
  void regression_invalid_percent_encoding_is_a_json_400() throws Exception {
    Answer a = send("/api/suggest?q=%");
    assertThat(a.status).isEqualTo(400);
    assertThat(JSON.readTree(a.body).path("status").asInt()).isEqualTo(400);
    assertThat(a.body).doesNotContain("%");
  }

  /** Regression: a*b*c*... (Lucene TooComplexToDeterminizeException) was a 500. */
  @Test
  void regression_too_complex_wildcard_is_a_400() throws Exception {
    Answer a = send("/api/search?q=" + "a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*q*r*s*t*u*v*w*x*y*z*".repeat(20));
    assertThat(a.status).as(a.body).isEqualTo(400);
    assertThat(a.body).contains("too complex");
  }

  @Test
  void an_over_long_request_is_refused_quickly_and_never_a_500() throws Exception {
    // the HTTP layer may refuse an over-long request line itself (414/431, no JSON body)
    Answer a = send("/api/search?q=" + "x".repeat(100_000));
    assertThat(a.status).isIn(200, 400, 404, 414, 431);
    check("/health");
    // what the URL limit keeps out of HTTP: a 10k-deep query still fails cleanly, not with a
    // StackOverflowError
    for (String q : List.of("(".repeat(10_000) + "a", "a".repeat(1 << 20), "\"a\"~9 ".repeat(5_000))) {
      try {
        app.services().search().search(app.services().search().request(Map.of("q", List.of(q))));
      } catch (org.paperindex.search.BadQueryException expected) {
        // a 400 for the user
      }
    }
  }

  private static void check(String target) throws IOException {
    Answer a = send(target);
    String shown = target.length() > 120 ? target.substring(0, 120) + "…" : target;
    assertThat(a.status).as(shown + " -> " + a.body).isIn(200, 400, 404);
    if (BAD_PATH_ESCAPE.matcher(target.split("\\?")[0]).find()) {
      // known limit: Vert.x normalises the path before any route or handler of ours runs and
      // answers a bad escape in the PATH with a plain-text 400 (never a 500)
      assertThat(a.status).isEqualTo(400);
      return;
    }
    assertThat(a.body).as(shown).startsWith("{");
    JSON.readTree(a.body); // well-formed JSON
  }

  record Answer(int status, String body) {}

  /** Sends the request line exactly as given (no client-side encoding or validation). */
  static Answer send(String target) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
      s.setSoTimeout(TIMEOUT_MS);
      OutputStream out = s.getOutputStream();
      out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] resp = in.readAllBytes(); // SO_TIMEOUT bounds a hang
      String head = new String(resp, StandardCharsets.ISO_8859_1);
      int sp = head.indexOf(' ');
      if (sp < 0) {
        throw new AssertionError("no HTTP answer to " + target.substring(0, Math.min(200, target.length())));
      }
      int status = Integer.parseInt(head.substring(sp + 1, sp + 4));
      int bodyAt = head.indexOf("\r\n\r\n");
      byte[] body = bodyAt < 0 ? new byte[0] : java.util.Arrays.copyOfRange(resp, bodyAt + 4, resp.length);
      if (head.substring(0, Math.max(0, bodyAt)).toLowerCase().contains("transfer-encoding: chunked")) {
        body = dechunk(body);
      }
      return new Answer(status, new String(body, StandardCharsets.UTF_8).strip());
    }
  }

  private static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < body.length) {
      int eol = i;
      while (eol + 1 < body.length && !(body[eol] == '\r' && body[eol + 1] == '\n')) {
        eol++;
      }
      int len = Integer.parseInt(new String(body, i, eol - i, StandardCharsets.ISO_8859_1).strip(), 16);
      if (len == 0 || eol + 2 + len > body.length) {
        break;
      }
      out.write(body, eol + 2, len);
      i = eol + 2 + len + 2;
    }
    return out.toByteArray();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
