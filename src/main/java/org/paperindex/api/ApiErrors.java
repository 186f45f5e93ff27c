package org.paperindex.api;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns any exception that reaches an API route into a JSON error reply. Referenced once, from
 * the route configuration in {@code routes/error-handling.camel.yaml}: {@link ApiException}
 * keeps its status; anything else is a 500 with a generic message (the stack trace goes to the
 * log, never to the client).
 */
public class ApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  private final HttpReply reply;

  public ApiErrors(HttpReply reply) {
    this.reply = reply;
  }

  public void reply(Exchange exchange) {
    Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    ErrorView view = toView(t);
    if (view.status() >= 500) {
      LOG.error("API request failed: {}", exchange.getIn().getHeader(Exchange.HTTP_URI), t);
    }
    reply.json(exchange, view.status(), Json.write(view));
  }

  static ErrorView toView(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ApiException a) {
        return new ErrorView(a.getMessage(), a.status());
      }
    }
    return new ErrorView("internal error; see the server log", 500);
  }
}
