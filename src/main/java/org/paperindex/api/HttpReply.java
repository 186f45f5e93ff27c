package org.paperindex.api;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Writes JSON replies onto a Camel exchange, with CORS for the configured front-end origins.
 * Clears every inbound header first: the REST DSL would otherwise echo request headers (and
 * query parameters) back as response headers.
 */
public final class HttpReply {
  static final String JSON = "application/json; charset=utf-8";

  private final Set<String> corsOrigins;

  /** @param corsOrigins comma-separated allowed origins, {@code *} for any, empty for none */
  public HttpReply(String corsOrigins) {
    this.corsOrigins =
        corsOrigins == null
            ? Set.of()
            : Arrays.stream(corsOrigins.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
  }

  void json(Exchange exchange, int status, String body) {
    String origin = exchange.getIn().getHeader("Origin", String.class);
    Message m = exchange.getMessage();
    m.removeHeaders("*");
    m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    m.setHeader(Exchange.CONTENT_TYPE, JSON);
    m.setHeader("Cache-Control", "no-store");
    m.setHeader("X-Content-Type-Options", "nosniff");
    cors(m, origin);
    m.setBody(body);
  }

  /** Answers a CORS preflight ({@code OPTIONS}) for the API. */
  public void preflight(Exchange exchange) {
    String origin = exchange.getIn().getHeader("Origin", String.class);
    Message m = exchange.getMessage();
    m.removeHeaders("*");
    boolean allowed = cors(m, origin);
    m.setHeader(Exchange.HTTP_RESPONSE_CODE, allowed ? 204 : 403);
    if (allowed) {
      m.setHeader("Access-Control-Allow-Methods", "GET, OPTIONS");
      m.setHeader("Access-Control-Allow-Headers", "Content-Type, Accept");
      m.setHeader("Access-Control-Max-Age", "600");
    }
    m.setBody(null);
  }

  private boolean cors(Message m, String origin) {
    if (origin == null || corsOrigins.isEmpty()) {
      return false;
    }
    if (corsOrigins.contains("*")) {
      m.setHeader("Access-Control-Allow-Origin", "*");
      return true;
    }
    if (corsOrigins.contains(origin)) {
      m.setHeader("Access-Control-Allow-Origin", origin);
      m.setHeader("Vary", "Origin");
      return true;
    }
    return false;
  }
}
