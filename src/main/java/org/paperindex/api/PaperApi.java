package org.paperindex.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Paper;
import org.paperindex.search.BadQueryException;
import org.paperindex.search.SearchRequest;
import org.paperindex.search.SearchResponse;
import org.paperindex.search.SearchService;

/**
 * The HTTP handlers for papers and search. Routes in {@code routes/api.camel.yaml} call these
 * methods; errors are thrown as {@link ApiException} and rendered by {@link ApiErrors}.
 */
public class PaperApi {
  static final String PAPERS_PREFIX = "/api/papers/";
  static final String RELATED_SUFFIX = "/related";

  private final SearchService search;
  private final HttpReply reply;

  private final Metrics metrics;

  public PaperApi(SearchService search, HttpReply reply) {
    this(search, reply, new Metrics());
  }

  public PaperApi(SearchService search, HttpReply reply, Metrics metrics) {
    this.search = search;
    this.reply = reply;
    this.metrics = metrics;
  }

  /** {@code GET /api/openapi.json}: the OpenAPI 3 description of every endpoint. */
  public void openapi(Exchange exchange) {
    reply.json(exchange, 200, OPENAPI);
  }

  private static final String OPENAPI = loadOpenApi();

  private static String loadOpenApi() {
    try (var in = PaperApi.class.getResourceAsStream("/openapi.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("openapi.json missing from the jar", e);
    }
  }

  /**
   * {@code GET /api/papers/{id}} and {@code GET /api/papers/{id}/related}; old-style ids keep
   * their slash ({@code /api/papers/hep-th/9901001/related}).
   */
  public void paper(Exchange exchange) {
    String rest = pathAfter(exchange, PAPERS_PREFIX);
    if (rest.endsWith(RELATED_SUFFIX)) {
      related(exchange, rest.substring(0, rest.length() - RELATED_SUFFIX.length()));
      return;
    }
    ArxivId id = parseId(rest);
    String body = metrics.timeDetail(() -> Json.write(PaperView.of(
        search.paper(id).orElseThrow(() -> ApiException.notFound("no paper " + id)))));
    reply.json(exchange, 200, body);
  }

  private void related(Exchange exchange, String rawId) {
    ArxivId id = parseId(rawId);
    Map<String, List<String>> params = QueryParams.of(exchange);
    QueryParams.allowOnly(params, "size");
    int size = QueryParams.intParam(params, "size", 10);
    if (search.paper(id).isEmpty()) {
      throw ApiException.notFound("no paper " + id);
    }
    try {
      reply.json(exchange, 200, Json.write(Map.of("id", id.value(), "related", search.related(id, size))));
    } catch (BadQueryException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  /** {@code GET /api/search}: every parameter of {@link SearchRequest#fromParams}. */
  public void search(Exchange exchange) {
    String body;
    try {
      body = metrics.timeSearch(() -> Json.write(search.search(search.request(QueryParams.of(exchange)))));
    } catch (BadQueryException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    reply.json(exchange, 200, body);
  }

  /** {@code GET /api/suggest?q=&size=}: autocomplete over titles and author names. */
  public void suggest(Exchange exchange) {
    Map<String, List<String>> params = QueryParams.of(exchange);
    QueryParams.allowOnly(params, "q", "size");
    String q = QueryParams.single(params, "q");
    int size = QueryParams.intParam(params, "size", 10);
    try {
      reply.json(exchange, 200,
          Json.write(Map.of("q", q == null ? "" : q, "suggestions", search.suggest(q == null ? "" : q, size))));
    } catch (BadQueryException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  /** {@code GET /health}: up, with the paper count. */
  public void health(Exchange exchange) {
    reply.json(exchange, 200, Json.write(Map.of("status", "UP", "papers", search.count())));
  }

  static ArxivId parseId(String raw) {
    try {
      return ArxivId.parse(URLDecoder.decode(raw, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private static String pathAfter(Exchange exchange, String prefix) {
    String uri = exchange.getIn().getHeader(Exchange.HTTP_URI, String.class);
    String path = uri == null ? "" : uri.replaceFirst("[?#].*$", "");
    int i = path.indexOf(prefix);
    if (i < 0) {
      String p2 = exchange.getIn().getHeader(Exchange.HTTP_PATH, String.class);
      return p2 == null ? "" : p2.replaceFirst("^/", "");
    }
    return path.substring(i + prefix.length());
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
