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

  private final SearchService search;
  private final int maxPageSize;

  public PaperApi(SearchService search, int maxPageSize) {
    this.search = search;
    this.maxPageSize = maxPageSize;
  }

  /** {@code GET /api/papers/{id}}; old-style ids keep their slash ({@code /api/papers/hep-th/9901001}). */
  public void paper(Exchange exchange) {
    String rest = pathAfter(exchange, PAPERS_PREFIX);
    ArxivId id = parseId(rest);
    Paper p = search.paper(id).orElseThrow(() -> ApiException.notFound("no paper " + id));
    HttpReply.json(exchange, 200, Json.write(PaperView.of(p)));
  }

  /** {@code GET /api/search?q=&size=&page=}. */
  public void search(Exchange exchange) {
    String q = exchange.getIn().getHeader("q", String.class);
    int size = intParam(exchange, "size", 10);
    int page = intParam(exchange, "page", 1);
    if (size < 1 || size > maxPageSize) {
      throw ApiException.badRequest("size must be between 1 and " + maxPageSize + ", got " + size);
    }
    if (page < 1) {
      throw ApiException.badRequest("page must be 1 or more, got " + page);
    }
    SearchResponse r;
    try {
      r = search.search(new SearchRequest(q == null ? "" : q, size, page));
    } catch (BadQueryException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    HttpReply.json(exchange, 200, Json.write(r));
  }

  /** {@code GET /health}: up, with the paper count. */
  public void health(Exchange exchange) {
    HttpReply.json(exchange, 200, Json.write(Map.of("status", "UP", "papers", search.count())));
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

  private static int intParam(Exchange exchange, String name, int def) {
    Object v = exchange.getIn().getHeader(name);
    if (v instanceof List<?> l) {
      throw ApiException.badRequest(name + " given " + l.size() + " times");
    }
    if (v == null || v.toString().isBlank()) {
      return def;
    }
    try {
      return Integer.parseInt(v.toString().strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be an integer, got '" + abbreviate(v.toString()) + "'");
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
