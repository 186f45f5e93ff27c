package org.paperindex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.api.Json;
import org.paperindex.harvest.LoopbackServer;
import org.paperindex.harvest.LoopbackServer.Response;

/**
 * {@code fetch ID} end to end against a loopback arXiv: Atom API metadata with an
 * arxiv:affiliation, the abs page, and the LaTeXML HTML with another author's affiliation; both
 * resolve to ROR institutions with their sources, and a second fetch is conditional (304).
 */
class FetchEndToEndTest {
  @TempDir Path tmp;

  static final String ATOM =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<feed xmlns=\"http://www.w3.org/2005/Atom\""
          + " xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\""
          + " xmlns:arxiv=\"http://arxiv.org/schemas/atom\">\n"
          + "<title>arXiv Query</title><id>http://arxiv.org/api/test</id>"
          + "<updated>2026-04-02T00:00:00Z</updated>\n"
          + "<opensearch:totalResults>1</opensearch:totalResults>"
          + "<opensearch:startIndex>0</opensearch:startIndex>"
          + "<opensearch:itemsPerPage>1</opensearch:itemsPerPage>\n"
          + "<entry><id>http://arxiv.org/abs/2604.01010v1</id>"
          + "<updated>2026-04-01T10:00:00Z</updated><published>2026-04-01T10:00:00Z</published>"
          + "<title>Learning to Invent Fixtures</title>"
          + "<summary>Test fixtures should be small and invented. We show how.</summary>"
          + "<author><name>Nneka Okafor</name>"
          + "<arxiv:affiliation>Springfield Institute of Technology, Springfield, USA</arxiv:affiliation></author>"
          + "<author><name>Wei Li</name></author><author><name>Sven Hartmann</name></author>"
          + "<link href=\"http://arxiv.org/abs/2604.01010v1\" rel=\"alternate\" type=\"text/html\"/>"
          + "<arxiv:primary_category term=\"cs.LG\"/><category term=\"cs.LG\"/>"
          + "</entry>\n</feed>\n";

  static final String LATEXML =
      "<!DOCTYPE html><html><head><title>Learning to Invent Fixtures</title></head><body>"
          + "<div class=\"ltx_page_main\"><article class=\"ltx_document\">"
          + "<h1 class=\"ltx_title ltx_title_document\">Learning to Invent Fixtures</h1>"
          + "<div class=\"ltx_authors\"><span class=\"ltx_creator ltx_role_author\">"
          + "<span class=\"ltx_personname\">Wei Li</span><span class=\"ltx_author_notes\">"
          + "<span class=\"ltx_contact ltx_role_affiliation\">Department of Computing, University of"
          + " Testington, United Kingdom</span></span></span></div>"
          + "<section class=\"ltx_section\"><h2>1 Introduction</h2><p>Text.</p></section>"
          + "</article></div></body></html>";

  @Test
  void fetch_merges_api_abs_and_html_with_provenance_and_refetches_conditionally() throws Exception {
    String abs =
        Files.readString(
            Path.of("src/test/resources/fixtures/abs-html/abs_html5_2604.01010v1.html"),
            StandardCharsets.UTF_8);
    try (LoopbackServer arxiv = LoopbackServer.start()) {
      arxiv.dispatch(
          req -> {
            if (req.path().startsWith("/api/query")) {
              return Response.ok(ATOM);
            }
            boolean conditional = req.header("If-Modified-Since") != null;
            if (conditional) {
              return Response.status(304);
            }
            if (req.path().equals("/abs/2604.01010")) {
              return Response.ok(abs).header("Content-Type", "text/html")
                  .header("Last-Modified", "Wed, 01 Apr 2026 10:00:00 GMT");
            }
            if (req.path().equals("/html/2604.01010")) {
              return Response.ok(LATEXML).header("Content-Type", "text/html")
                  .header("Last-Modified", "Wed, 01 Apr 2026 11:00:00 GMT");
            }
            return Response.status(404);
          });
      String report = Cli.run(0, args(arxiv, "fetch", "arXiv:2604.01010v1"));
      JsonNode r = Json.mapper().readTree(report);
      assertThat(r.get("fetched").asInt()).isEqualTo(1);
      assertThat(r.get("absPages").asInt()).isEqualTo(1);
      assertThat(r.get("htmlPages").asInt()).isEqualTo(1);

      String shown = Cli.run(0, args(arxiv, "show", "2604.01010"));
      JsonNode paper = Json.mapper().readTree(shown);
      assertThat(paper.get("title").asText()).isEqualTo("Learning to Invent Fixtures");
      assertThat(paper.get("sources").toString()).contains("api").contains("abs").contains("html");
      // the abs page's comments link (shown as "this https URL") with its provenance
      JsonNode link = paper.get("otherLinks").get(0);
      assertThat(link.get("url").asText()).isEqualTo("https://example.org/code");
      assertThat(link.get("source").asText()).isEqualTo("abs");
      assertThat(link.get("official").asBoolean()).isTrue();
      List<String> inst = new ArrayList<>();
      for (JsonNode i : paper.get("institutions")) {
        inst.add(i.get("name").asText() + "|" + i.get("sources"));
      }
      assertThat(inst)
          .contains(
              "Springfield Institute of Technology|[\"api\"]", "University of Testington|[\"html\"]");
      JsonNode weiLi = paper.get("authors").get(1);
      assertThat(weiLi.get("name").asText()).isEqualTo("Wei Li");
      assertThat(weiLi.get("institutions").get(0).get("name").asText()).isEqualTo("University of Testington");

      int before = arxiv.requestCount();
      JsonNode again = Json.mapper().readTree(Cli.run(0, args(arxiv, "fetch", "2604.01010")));
      assertThat(again.get("notModified").asInt()).isEqualTo(2);
      assertThat(arxiv.requests().subList(before, arxiv.requestCount()))
          .filteredOn(q -> !q.path().startsWith("/api"))
          .allSatisfy(q -> assertThat(q.header("If-Modified-Since")).isNotNull());
    }
  }

  private String[] args(LoopbackServer s, String... cmd) {
    List<String> a = new ArrayList<>(List.of(cmd));
    a.add("-Dpaperindex.index.dir=" + tmp.resolve("index"));
    a.add("-Dpaperindex.data.dir=" + tmp.resolve("data"));
    a.add("-Dpaperindex.arxiv.api-url=" + s.uri("/api/query"));
    a.add("-Dpaperindex.arxiv.abs-url=" + s.uri("/abs/"));
    a.add("-Dpaperindex.arxiv.html-url=" + s.uri("/html/"));
    a.add("-Dpaperindex.arxiv.request-interval=0s");
    a.add("-Dpaperindex.ror.dump=src/test/resources/fixtures/ror/ror-v2.json");
    return a.toArray(String[]::new);
  }

}
