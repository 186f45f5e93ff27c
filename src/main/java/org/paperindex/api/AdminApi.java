package org.paperindex.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.paperindex.harvest.FetchService;
import org.paperindex.model.ArxivId;

/**
 * Operator endpoints under {@code /api/admin}: bearer-token protected (compared in constant
 * time); with no token configured every admin endpoint answers 404, never open. Long jobs
 * (reindex, harvest) are started on their own Camel routes and answered with 202.
 */
public final class AdminApi {
  private final byte[] token; // null: admin disabled
  private final HttpReply reply;
  private final Supplier<Map<String, Object>> status;
  private final FetchService fetch;
  private final BooleanSupplier reindexRunning;

  public AdminApi(String token, HttpReply reply, Supplier<Map<String, Object>> status,
      FetchService fetch, BooleanSupplier reindexRunning) {
    this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    this.reply = reply;
    this.status = status;
    this.fetch = fetch;
    this.reindexRunning = reindexRunning;
  }

  /** Refuses a second reindex while one runs (409), before the job is started. */
  public void reindexIdle(Exchange exchange) {
    QueryParams.allowOnly(QueryParams.of(exchange));
    if (reindexRunning.getAsBoolean()) {
      throw new ApiException(409, "a reindex is already running; see /api/admin/status");
    }
  }

  /** Throws 404 when admin is disabled, 401 without or with a wrong bearer token. */
  public void authorize(Exchange exchange) {
    if (token == null) {
      throw ApiException.notFound("not found");
    }
    String auth = exchange.getIn().getHeader("Authorization", String.class);
    byte[] given =
        auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
            ? auth.substring(7).strip().getBytes(StandardCharsets.UTF_8)
            : new byte[0];
    // constant time: the comparison must not reveal how much of a guess was right
    if (!MessageDigest.isEqual(given, token)) {
      throw new ApiException(401, "admin endpoints need 'Authorization: Bearer <paperindex.admin.token>'");
    }
  }

  /** {@code GET /api/admin/status}. */
  public void status(Exchange exchange) {
    reply.json(exchange, 200, Json.write(status.get()));
  }

  /**
   * {@code POST /api/admin/harvest?from=&until=&set=&format=}: validates the window and leaves
   * it in headers for the harvest route, which the admin route starts asynchronously.
   */
  public void harvestParams(Exchange exchange) {
    Map<String, List<String>> p = QueryParams.of(exchange);
    QueryParams.allowOnly(p, "from", "until", "set", "format");
    String from = QueryParams.single(p, "from");
    String until = QueryParams.single(p, "until");
    String set = QueryParams.single(p, "set");
    String format = QueryParams.single(p, "format");
    LocalDate f = date("from", from);
    LocalDate u = date("until", until);
    if (f != null && u != null && u.isBefore(f)) {
      throw ApiException.badRequest("until " + u + " is before from " + f);
    }
    if (format != null && !format.equals("arXiv") && !format.equals("arXivRaw")) {
      throw ApiException.badRequest("format must be arXiv or arXivRaw");
    }
    exchange.getIn().removeHeaders("*");
    exchange.getIn().setHeader("from", from);
    exchange.getIn().setHeader("until", until);
    exchange.getIn().setHeader("set", set);
    exchange.getIn().setHeader("format", format);
  }

  /** The 202 answer for a job started in the background. */
  public void accepted(Exchange exchange) {
    String job = exchange.getProperty("paperindex.job", "job", String.class);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("accepted", job);
    body.put("status", "/api/admin/status");
    reply.json(exchange, 202, Json.write(body));
  }

  /** {@code POST /api/admin/fetch?id=...}: refreshes the named papers now (synchronously). */
  public void fetch(Exchange exchange) {
    Map<String, List<String>> p = QueryParams.of(exchange);
    QueryParams.allowOnly(p, "id", "pages");
    List<String> raw = p.getOrDefault("id", List.of());
    List<ArxivId> ids = new ArrayList<>();
    for (String r : raw) {
      for (String one : r.split(",")) {
        if (!one.isBlank()) {
          ids.add(PaperApi.parseId(one.strip()));
        }
      }
    }
    if (ids.isEmpty()) {
      throw ApiException.badRequest("give at least one id=... to fetch");
    }
    if (ids.size() > 100) {
      throw ApiException.badRequest("at most 100 ids per fetch, got " + ids.size());
    }
    boolean pages = !"false".equalsIgnoreCase(QueryParams.single(p, "pages"));
    reply.json(exchange, 200, Json.write(fetch.fetch(ids, pages)));
  }

  private static LocalDate date(String name, String v) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name + " must be a date YYYY-MM-DD");
    }
  }
}
