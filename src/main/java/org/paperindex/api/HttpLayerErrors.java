package org.paperindex.api;

import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * JSON bodies for the errors the HTTP layer would answer before a route runs (a query string with
 * invalid percent-encoding, a path no route serves): the API's error contract
 * {@code {"error": "...", "status": N}} holds for them too, instead of Vert.x's plain text/HTML.
 */
public final class HttpLayerErrors {
  private HttpLayerErrors() {}

  /** Installs the handlers on the platform-http router serving {@code port}; false when there is none. */
  public static boolean install(CamelContext ctx, int port) {
    // the main HTTP server registers its router under a name derived from its port
    VertxPlatformHttpRouter router =
        VertxPlatformHttpRouter.lookup(ctx, VertxPlatformHttpRouter.getRouterNameFromPort(port));
    if (router == null) {
      router = VertxPlatformHttpRouter.lookup(ctx);
    }
    if (router == null) {
      return false;
    }
    // Camel's consumer decodes the query string itself, and a bad escape ("q=%") failed outside
    // any route, answered by Vert.x in plain text: decode it first, before every route. (A bad
    // escape in the path fails earlier, in the root router, out of reach: a plain-text 400.)
    router.route().order(-1000).handler(rc -> {
      try {
        rc.queryParams();
      } catch (RuntimeException badEncoding) {
        reply(rc, 400);
        return;
      }
      rc.next();
    });
    // a GET no route serves ("/api/papers/../../etc/passwd" normalises to "/etc/passwd") got
    // Vert.x's HTML 404 page: answer it in the API's JSON
    router.route().method(io.vertx.core.http.HttpMethod.GET).last().handler(rc -> reply(rc, 404));
    return true;
  }

  private static void reply(RoutingContext rc, int status) {
    if (rc.response().headWritten()) {
      return; // a route already answered; nothing sensible can be added
    }
    // never echo the request or the failure text back: it may hold whatever the client sent
    String message = switch (status) {
      case 400 -> "malformed request (invalid percent-encoding or parameters)";
      case 404 -> "no such endpoint";
      default -> "internal error";
    };
    rc.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(Json.write(new ErrorView(message, status)));
  }
}
