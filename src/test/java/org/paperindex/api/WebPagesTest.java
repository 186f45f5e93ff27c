package org.paperindex.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The web front end's bean on its own: content types, security headers, and no way out of /web. */
class WebPagesTest {
  private static final CamelContext CTX = new DefaultCamelContext();
  private final WebPages pages = new WebPages(new HttpReply(""));

  @AfterAll
  static void close() throws Exception {
    CTX.close();
  }

  private static Exchange request(String uri) {
    Exchange e = new DefaultExchange(CTX);
    e.getIn().setHeader(Exchange.HTTP_URI, uri);
    e.getIn().setHeader("X-Echo-Me", "no"); // request headers must not come back
    return e;
  }

  private static String body(Exchange e) {
    Object b = e.getMessage().getBody();
    return b instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(b);
  }

  private static Object header(Exchange e, String name) {
    return e.getMessage().getHeader(name);
  }

  @Test
  void the_search_page_is_html_with_a_strict_content_security_policy() {
    Exchange e = request("/?q=lattice");
    pages.index(e);
    assertThat(header(e, Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
    assertThat(header(e, Exchange.CONTENT_TYPE)).isEqualTo("text/html; charset=utf-8");
    assertThat(header(e, "Content-Security-Policy"))
        .isEqualTo("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'");
    assertThat(header(e, "X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(header(e, "Cache-Control")).isEqualTo("no-cache");
    assertThat(header(e, "X-Echo-Me")).isNull();
    assertThat(body(e)).contains("id=\"search-form\"").contains("/static/search.js");
    // no inline script: the CSP would block it
    assertThat(body(e)).doesNotContainPattern("<script>|<script [^>]*>[^<]");
  }

  @Test
  void every_paper_path_gets_the_paper_page_including_old_style_ids() {
    for (String uri : new String[] {"/paper/2403.00011", "/paper/hep-th/9901001", "/paper/x?y=1"}) {
      Exchange e = request(uri);
      pages.paper(e);
      assertThat(header(e, Exchange.HTTP_RESPONSE_CODE)).as(uri).isEqualTo(200);
      assertThat(body(e)).as(uri).contains("/static/paper.js");
    }
  }

  @Test
  void static_files_have_their_content_types_and_may_be_cached_briefly() {
    String[][] cases = {
      {"/static/app.css", "text/css; charset=utf-8"},
      {"/static/search.js", "text/javascript; charset=utf-8"},
      {"/static/paper.js", "text/javascript; charset=utf-8"},
      {"/static/common.js", "text/javascript; charset=utf-8"},
      {"/static/taxonomy.json?v=1", "application/json; charset=utf-8"},
      {"/static/index.html", "text/html; charset=utf-8"},
    };
    for (String[] c : cases) {
      Exchange e = request(c[0]);
      pages.asset(e);
      assertThat(header(e, Exchange.HTTP_RESPONSE_CODE)).as(c[0]).isEqualTo(200);
      assertThat(header(e, Exchange.CONTENT_TYPE)).as(c[0]).isEqualTo(c[1]);
      assertThat(header(e, "Content-Security-Policy")).as(c[0]).isEqualTo(WebPages.CSP);
      assertThat(header(e, "X-Content-Type-Options")).as(c[0]).isEqualTo("nosniff");
    }
    Exchange css = request("/static/app.css");
    pages.asset(css);
    assertThat(header(css, "Cache-Control")).isEqualTo("public, max-age=300");
  }

  @Test
  void the_taxonomy_names_arxiv_categories() {
    Exchange e = request("/static/taxonomy.json");
    pages.asset(e);
    assertThat(body(e))
        .contains("\"cs.CG\": \"Computational Geometry\"")
        .contains("\"hep-th\": \"High Energy Physics - Theory\"")
        .contains("Cornell University");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "/static/../openapi.json",
    "/static/%2e%2e/openapi.json",
    "/static/%2E%2E%2Fopenapi.json",
    "/static/..%2fopenapi.json",
    "/static/..%5copenapi.json",
    "/static/web/app.css",
    "/static//etc/passwd",
    "/static/.gitkeep",
    "/static/app.css%00.js",
    "/static/%",
    "/static/",
    "/static/nothing-here.js",
    "/static/logback.xml",
  })
  void anything_but_a_known_file_name_is_a_json_404(String uri) {
    Exchange e = request(uri);
    pages.asset(e);
    assertThat(header(e, Exchange.HTTP_RESPONSE_CODE)).as(uri).isEqualTo(404);
    assertThat(header(e, Exchange.CONTENT_TYPE)).as(uri).isEqualTo("application/json; charset=utf-8");
    assertThat(body(e)).as(uri).isEqualTo("{\"error\":\"no such file\",\"status\":404}");
  }
}
