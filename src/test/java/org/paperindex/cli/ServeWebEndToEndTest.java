package org.paperindex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.harvest.LoopbackServer;
import org.paperindex.harvest.LoopbackServer.Response;

/**
 * The web pages of a real {@code serve} process over an index harvested from a loopback arXiv
 * stand-in ({@link WebOaiPages}): plain HTTP checks of how they are served, then headless
 * Chromium loads the search and paper pages and the test reads what a person would see in the
 * rendered DOM. Screenshots go to {@code target/web-screenshots/} for a human to look at.
 */
class ServeWebEndToEndTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  @TempDir static Path tmp;
  private static LoopbackServer arxiv;
  private static Process serve;
  private static String base;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeAll
  static void startServe() throws Exception {
    arxiv = LoopbackServer.start();
    arxiv.enqueue(Response.ok(WebOaiPages.page()));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    serve = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            PaperIndexCli.class.getName(), "serve",
            "-Dpaperindex.index.dir=" + tmp.resolve("index"),
            "-Dpaperindex.data.dir=" + tmp.resolve("data"),
            "-Dpaperindex.http.port=" + port,
            "-Dpaperindex.arxiv.oai-url=" + arxiv.uri("/oai"),
            "-Dpaperindex.arxiv.request-interval=10ms",
            "-Dpaperindex.ror.dump=src/test/resources/fixtures/ror/ror-v2.json")
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("serve.log").toFile())
        .start();
    base = "http://127.0.0.1:" + port;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        if (get("/api/search?q=&size=1").body().contains("\"total\":4")) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("index not ready; log:\n" + Files.readString(tmp.resolve("serve.log")));
      }
      Thread.sleep(200);
    }
  }

  @AfterAll
  static void stopServe() throws Exception {
    if (serve != null) {
      serve.destroy();
      serve.waitFor(60, TimeUnit.SECONDS);
    }
    if (arxiv != null) {
      arxiv.close();
    }
  }

  @Test
  void pages_and_static_files_are_served_with_their_types_and_security_headers() throws Exception {
    for (String path : List.of("/", "/?q=lattice", "/paper/2403.00011", "/paper/hep-th/9901001")) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("content-type")).as(path).contains("text/html; charset=utf-8");
      assertThat(r.headers().firstValue("content-security-policy")).as(path)
          .contains("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
      assertThat(r.headers().firstValue("x-content-type-options")).as(path).contains("nosniff");
      assertThat(r.headers().map()).as(path).doesNotContainKey("q");
    }
    assertThat(get("/static/app.css").headers().firstValue("content-type")).contains("text/css; charset=utf-8");
    assertThat(get("/static/search.js").headers().firstValue("content-type")).contains("text/javascript; charset=utf-8");
    assertThat(get("/static/taxonomy.json").body()).contains("Computational Geometry");
    HttpResponse<String> missing = get("/static/nope.js");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("{\"error\":\"no such file\",\"status\":404}");
    // the web routes do not shadow the API, also for old-style ids with their slash
    assertThat(get("/api/papers/hep-th/9901001").body()).contains("\"id\":\"hep-th/9901001\"");
    assertThat(get("/health").body()).contains("\"status\":\"UP\"");
    // errors of the HTTP layer itself are the API's JSON in serve too, not Vert.x's HTML
    HttpResponse<String> noRoute = get("/no-such-endpoint");
    assertThat(noRoute.statusCode()).isEqualTo(404);
    assertThat(noRoute.body()).isEqualTo("{\"error\":\"no such endpoint\",\"status\":404}");
    assertThat(rawGet("/api/search?q=%")).startsWith("HTTP/1.1 400").contains("\"status\":400");
    // raw request lines, so no client normalises the dots away before the server sees them
    for (String path : List.of("/static/../openapi.json", "/static/%2e%2e/openapi.json",
        "/static/..%2fopenapi.json", "/static/%2e%2e%2fopenapi.json", "/static/..%5copenapi.json")) {
      String reply = rawGet(path);
      assertThat(reply).as(path).startsWith("HTTP/1.1 404").doesNotContain("\"openapi\"");
    }
  }

  @Test
  void the_search_page_shows_highlighted_results_facets_and_paging() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium");
    String dom = dumpDom("/?q=lattice", "search");
    assertThat(dom).contains("4 papers");
    assertThat(dom).contains("href=\"/paper/2403.00011\"").contains("href=\"/paper/hep-th/9901001\"");
    assertThat(dom).containsPattern("<mark>[Ll]attices?</mark>");
    // the hostile title is text: escaped in the DOM, never an element
    assertThat(dom).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
    assertThat(dom).contains("+54 more");
    assertThat(dom).contains("data-facet=\"category\"").contains("Computational Geometry (cs.CG)")
        .contains("High Energy Physics - Lattice (hep-lat)").contains("data-facet=\"year\"")
        .contains("data-facet=\"hasCode\"").contains("Has code");
    assertThat(facetCount(dom, "Computational Geometry (cs.CG)")).isEqualTo("1");
    assertThat(facetCount(dom, "1999")).isEqualTo("1");

    String filtered = dumpDom("/?q=lattice&category=cs.CG", null);
    assertThat(filtered).contains("1 paper<").contains("class=\"chip\"")
        .contains("Category: Computational Geometry (cs.CG)").contains("aria-pressed=\"true\"");

    String firstPage = dumpDom("/?q=lattice&size=2&sort=-submitted", null);
    assertThat(firstPage).contains("Next →").doesNotContain("← Previous");
    String cursor = get("/api/search?q=lattice&size=2&sort=-submitted").body()
        .replaceFirst("(?s).*\"nextCursor\":\"([^\"]+)\".*", "$1");
    String second = dumpDom("/?q=lattice&size=2&sort=-submitted&cursor=" + cursor, null);
    assertThat(second).contains("← Previous").contains("href=\"/paper/hep-th/9901001\"")
        .doesNotContain("href=\"/paper/2403.00013\"");

    String bad = dumpDom("/?q=ti:%28unclosed", null);
    assertThat(bad).containsPattern("id=\"error\" class=\"error\" role=\"alert\">[^<]+</p>");
  }

  @Test
  void the_paper_page_shows_what_a_reader_expects() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium");
    String dom = dumpDom("/paper/2403.00011", "paper");
    assertThat(dom).contains("<title>Folding of paper lattices with learned creases — paperindex</title>")
        .contains(">Folding of paper lattices with learned creases</h1>");
    assertThat(dom).contains(">Preprint<").contains(">2024<").contains(">arXiv:2403.00011")
        .contains(">Open access<");
    assertThat(dom).contains(">Maja Lindqvist<").contains("University of Testington, United Kingdom")
        .contains(">Yui Tanaka<");
    assertThat(dom).contains("href=\"https://arxiv.org/abs/2403.00011\"")
        .contains("href=\"https://arxiv.org/pdf/2403.00011\"")
        .contains("href=\"https://arxiv.org/html/2403.00011\"")
        .contains("href=\"https://doi.org/10.9999/fold.2024\"");
    assertThat(dom).contains("href=\"https://github.com/example/lattice-fold\"")
        .contains("class=\"host\">github.com<").contains("zenodo.org");
    assertThat(dom).contains("href=\"https://ror.org/0aaaaaa01\"")
        .contains(">University of Testington</a><span class=\"country\">United Kingdom<");
    assertThat(dom).contains("Computational Geometry").contains("Combinatorics")
        .contains("Machine Learning").contains(">primary<");
    assertThat(dom).contains("<span class=\"math\" title=\"$\\alpha$\">α</span>");
    // URLs in the abstract are links too (and the code section has its own)
    assertThat(count(dom, "href=\"https://github.com/example/lattice-fold\"")).isEqualTo(2);
    assertThat(dom).contains("J. Folding 3 (2024) 1-12").contains("12 pages, 3 figures");
    assertThat(dom).contains("Related papers").containsPattern("class=\"related-title\" href=\"/paper/[^\"]+\"");
    assertThat(dom).doesNotContain("could not be loaded");

    String many = dumpDom("/paper/2403.00013", "paper-60-authors");
    assertThat(many).contains("+40 more");
    assertThat(count(many, "class=\"author\"")).isEqualTo(60);
    assertThat(count(many, "class=\"author\" hidden")).isEqualTo(40);
    assertThat(many).contains(WebOaiPages.LONG_WORD).contains("High Energy Physics - Lattice");

    String hostile = dumpDom("/paper/2403.00012", "paper-hostile");
    assertThat(hostile).contains("&lt;img src=x onerror=alert(1)&gt; lattice folding</h1>")
        .contains("&lt;script&gt;alert(2)&lt;/script&gt;").contains("&lt;b&gt;Evil&lt;/b&gt; Institute")
        .doesNotContain("<img").doesNotContain("<script>alert").doesNotContain("<b>Evil");

    String old = dumpDom("/paper/hep-th/9901001", "paper-old-id");
    assertThat(old).contains(">Strings on a folded lattice</h1>").contains(">1999<")
        .contains("High Energy Physics - Theory").contains("href=\"https://arxiv.org/abs/hep-th/9901001\"");
    assertThat(dumpDom("/paper/2403.99999", null)).contains("Paper not found");
  }

  private static String facetCount(String dom, String label) {
    Matcher m = Pattern.compile(Pattern.quote(label) + "</a><span class=\"count\">(\\d+)</span>").matcher(dom);
    return m.find() ? m.group(1) : "(no facet " + label + ")";
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  /** The rendered DOM after scripts ran; also a screenshot when a name is given. */
  private static String dumpDom(String path, String screenshot) throws Exception {
    String dom = chromium(List.of("--dump-dom", base + path));
    if (screenshot != null) {
      Path dir = Path.of("target", "web-screenshots");
      Files.createDirectories(dir);
      chromium(List.of("--screenshot=" + dir.resolve(screenshot + ".png").toAbsolutePath(),
          "--window-size=1280,2000", base + path));
    }
    return dom;
  }

  private static String chromium(List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium"),
        "--virtual-time-budget=8000", "--enable-logging=stderr", "--v=0"));
    cmd.addAll(args);
    Path log = Files.createTempFile(tmp, "chromium", ".log");
    Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = p.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    });
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium timed out on " + args);
    }
    String dom = out.get(10, TimeUnit.SECONDS);
    // the pages' console: a script error or a blocked load (CSP) would show here
    List<String> problems = Files.readAllLines(log).stream()
        .filter(l -> l.contains("CONSOLE") || l.contains("Content Security Policy") || l.contains("Uncaught"))
        .filter(l -> !l.contains("status of 404") && !l.contains("status of 400"))
        .toList();
    assertThat(problems).as("browser console for " + args).isEmpty();
    return dom;
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String rawGet(String path) throws IOException {
    URI u = URI.create(base);
    try (Socket s = new Socket(u.getHost(), u.getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + u.getHost() + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
