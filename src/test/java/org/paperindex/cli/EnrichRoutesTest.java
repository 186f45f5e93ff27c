package org.paperindex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.config.AppConfig;
import org.paperindex.config.Settings;
import org.paperindex.harvest.BacklogService;
import org.paperindex.harvest.FeedService;
import org.paperindex.harvest.LoopbackServer;
import org.paperindex.harvest.LoopbackServer.Response;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Paper;
import org.paperindex.model.Source;

/**
 * The listing-feed and enrichment-backlog routes of {@code routes/enrich.camel.yaml} against a
 * loopback arXiv: feed items become searchable papers, and the backlog fetches each paper's abs
 * page (links) and HTML (404 = no HTML) once, a bounded batch per run.
 */
class EnrichRoutesTest {
  @TempDir Path tmp;

  static String absPage(String id) {
    return "<!DOCTYPE html><html><head><title>[" + id + "] A paper</title>"
        + "<meta name=\"citation_title\" content=\"Paper " + id + "\">"
        + "<meta name=\"citation_author\" content=\"Quill, Ada\">"
        + "<meta name=\"citation_date\" content=\"2026/03/02\">"
        + "<meta name=\"citation_arxiv_id\" content=\"" + id + "\"></head><body>"
        + "<div id=\"abs\"><h1 class=\"title mathjax\">Paper " + id + "</h1>"
        + "<div class=\"authors\"><a href=\"/a/quill_a_1\">Ada Quill</a></div>"
        + "<table><tr><td class=\"tablecell label\">Comments:</td><td class=\"tablecell comments"
        + " mathjax\">Our code is available at <a href=\"https://github.com/quill/p" + id.replace('/', '-')
        + "\">this https URL</a></td></tr></table></div></body></html>";
  }

  @Test
  void feeds_then_backlog_enrich_papers_in_bounded_batches() throws Exception {
    String rss = Files.readString(Path.of("src/test/resources/fixtures/feeds/rss_math_combined.xml"));
    try (LoopbackServer arxiv = LoopbackServer.start()) {
      arxiv.dispatch(r -> {
        String p = r.path();
        if (p.startsWith("/rss/")) {
          return Response.ok(rss).header("Content-Type", "application/rss+xml");
        }
        if (p.startsWith("/abs/")) {
          return Response.ok(absPage(p.substring(5))).header("Content-Type", "text/html");
        }
        return Response.status(404);
      });
      Map<String, String> o = new HashMap<>();
      o.put("paperindex.index.dir", tmp.resolve("index").toString());
      o.put("paperindex.data.dir", tmp.resolve("data").toString());
      o.put("paperindex.arxiv.rss-url", arxiv.uri("/rss/").toString());
      o.put("paperindex.arxiv.abs-url", arxiv.uri("/abs/").toString());
      o.put("paperindex.arxiv.html-url", arxiv.uri("/html/").toString());
      o.put("paperindex.arxiv.request-interval", "0s");
      o.put("paperindex.rss.categories", "math.CO");
      o.put("paperindex.backlog.batch", "2");
      o.put("camel.main.routes-include-pattern", "file:routes/*.camel.yaml");
      Settings settings = Settings.of(o);
      Services services = Services.open(AppConfig.from(settings), Services.Access.WRITE);
      try (CamelApp app = new CamelApp(settings, services, CamelApp.Mode.BATCH)) {
        app.start();
        FeedService.Run feed = app.template().requestBody("direct:rss", null, FeedService.Run.class);
        FeedService.CategoryRun cat = feed.categories().get(0);
        assertThat(cat.error()).isNull();
        assertThat(cat.items()).isEqualTo(3);
        assertThat(cat.rejected()).isEqualTo(1);
        services.index().refresh();
        assertThat(services.search().count()).isEqualTo(3);
        Paper fromFeed = services.search().paper(ArxivId.parse("2603.01234")).orElseThrow();
        assertThat(fromFeed.sources()).contains(Source.RSS);

        BacklogService.Run first = app.template().requestBody("direct:backlog", null, BacklogService.Run.class);
        BacklogService.Run second = app.template().requestBody("direct:backlog", null, BacklogService.Run.class);
        BacklogService.Run third = app.template().requestBody("direct:backlog", null, BacklogService.Run.class);
        assertThat(first.fetched()).isEqualTo(2);
        assertThat(second.fetched()).isEqualTo(1);
        assertThat(third.fetched()).isZero();
        // every scheduled run is recorded for status
        String status = org.paperindex.api.Json.write(StatusReport.build(services));
        assertThat(status).contains("\"rss\":{").contains("\"outcome\":\"ok\"")
            .contains("\"backlog\":{");
        assertThat(first.pages().noHtml()).isEqualTo(2); // HTML 404s are normal
        long absRequests = arxiv.requests().stream().filter(q -> q.path().startsWith("/abs/")).count();
        assertThat(absRequests).isEqualTo(3); // each paper once
        services.index().refresh();
        Paper enriched = services.search().paper(ArxivId.parse("math/0601001")).orElseThrow();
        assertThat(enriched.sources()).contains(Source.RSS, Source.ABS);
        assertThat(enriched.links()).anySatisfy(l -> {
          assertThat(l.url()).isEqualTo("https://github.com/quill/pmath-0601001");
          assertThat(l.source()).isEqualTo(Source.ABS);
        });
      }
    }
  }

  @Test
  void completeness_check_heals_announced_papers_that_are_missing_and_reports_the_rest() throws Exception {
    try (LoopbackServer arxiv = LoopbackServer.start()) {
      String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
      arxiv.dispatch(r -> {
        if (r.path().startsWith("/api/query")) {
          return Response.ok(FetchEndToEndTest.ATOM);
        }
        // an OAI page whose record for 2604.01010 does not validate (it gets quarantined)
        return Response.ok(OaiPages.page(today + "T10:00:00Z", null, java.util.List.of(
            OaiPages.P.of("2604.01010", today, "Learning to invent fixtures", "Not A Category"),
            OaiPages.P.of("2604.01011", today, "Kites of many colours", "cs.LG"))));
      });
      Map<String, String> o = new HashMap<>();
      o.put("paperindex.index.dir", tmp.resolve("index").toString());
      o.put("paperindex.data.dir", tmp.resolve("data").toString());
      o.put("paperindex.arxiv.oai-url", arxiv.uri("/oai").toString());
      o.put("paperindex.arxiv.api-url", arxiv.uri("/api/query").toString());
      o.put("paperindex.arxiv.request-interval", "0s");
      o.put("camel.main.routes-include-pattern", "file:routes/*.camel.yaml");
      Settings settings = Settings.of(o);
      Services services = Services.open(AppConfig.from(settings), Services.Access.WRITE);
      try (CamelApp app = new CamelApp(settings, services, CamelApp.Mode.BATCH)) {
        app.start();
        app.template().requestBodyAndHeader("direct:harvest-oai", null, "from", today);
        assertThat(services.store().get(ArxivId.parse("2604.01010"))).isEmpty(); // quarantined
        // a listing feed also announced a paper that arXiv's API does not know (yet)
        services.store().putMeta("announced:" + today + ":cs.LG", "2604.01011,2604.09999");
        // an announcement past the keep window is forgotten
        services.store().putMeta("announced:2020-01-01:cs.LG", "2001.00001");
        org.paperindex.harvest.Completeness.Report r = app.template()
            .requestBody("direct:completeness", null, org.paperindex.harvest.Completeness.Report.class);
        assertThat(r.announced()).isEqualTo(3);
        assertThat(r.missingBefore()).isEqualTo(2);
        assertThat(r.healed()).isEqualTo(1);
        assertThat(r.stillMissing()).containsExactly("2604.09999");
        assertThat(services.store().get(ArxivId.parse("2604.01010"))).isPresent();
        assertThat(services.store().meta("announced:2020-01-01:cs.LG")).isEmpty();
        String status = org.paperindex.api.Json.write(StatusReport.build(services));
        assertThat(status).contains("\"stillMissing\":[\"2604.09999\"]");
      }
    }
  }
}
