package org.paperindex.api;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Writes a JSON reply onto a Camel exchange. Clears every inbound header first: the REST DSL
 * would otherwise echo request headers (and query parameters) back as response headers.
 */
final class HttpReply {
  static final String JSON = "application/json; charset=utf-8";

  private HttpReply() {}

  static void json(Exchange exchange, int status, String body) {
    Message m = exchange.getMessage();
    m.removeHeaders("*");
    m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    m.setHeader(Exchange.CONTENT_TYPE, JSON);
    m.setHeader("Cache-Control", "no-store");
    m.setBody(body);
  }
}
