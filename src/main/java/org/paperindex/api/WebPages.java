package org.paperindex.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Serves the web front end (the search page, the paper page and their static files) from the
 * classpath folder {@code /web}; routes in {@code routes/api-web.camel.yaml} call these methods.
 */
public final class WebPages {
  /** The pages load only their own scripts, styles and data: no inline script, no third party. */
  static final String CSP =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
          + "frame-ancestors 'none'";

  static final String STATIC_PREFIX = "/static/";

  /**
   * File names only: no folders, no leading dot, one known extension. Checked after decoding, so
   * {@code ..}, {@code %2e%2e}, encoded slashes and backslashes can never reach the classpath.
   */
  private static final Pattern FILE_NAME =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*\\.(html|css|js|json|svg|png|ico|txt)");

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "json", "application/json; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "txt", "text/plain; charset=utf-8");

  private final HttpReply reply;
  private final String root;
  // the files are read-only resources of the jar: read each once
  private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

  public WebPages(HttpReply reply) {
    this(reply, "/web/");
  }

  WebPages(HttpReply reply, String root) {
    this.reply = reply;
    this.root = root;
  }

  /** {@code GET /}: the search page; its script reads the query from the URL. */
  public void index(Exchange exchange) {
    serve(exchange, "index.html");
  }

  /** {@code GET /paper/{id}}: always the paper page; its script reads the id from the path. */
  public void paper(Exchange exchange) {
    serve(exchange, "paper.html");
  }

  /** {@code GET /static/{file}}: a file of the front end, or a JSON 404. */
  public void asset(Exchange exchange) {
    String raw = pathAfter(exchange, STATIC_PREFIX);
    String name;
    try {
      name = URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      name = "";
    }
    serve(exchange, name);
  }

  private void serve(Exchange exchange, String name) {
    byte[] body = FILE_NAME.matcher(name).matches() ? load(name).orElse(null) : null;
    if (body == null) {
      // never echo the requested path: it is untrusted and may be long
      reply.json(exchange, 404, Json.write(new ErrorView("no such file", 404)));
      return;
    }
    String ext = name.substring(name.lastIndexOf('.') + 1);
    Message m = exchange.getMessage();
    m.removeHeaders("*");
    m.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
    m.setHeader(Exchange.CONTENT_TYPE, TYPES.get(ext));
    // no fingerprinted names: pages revalidate every time, assets may be reused for 5 minutes
    m.setHeader("Cache-Control", ext.equals("html") ? "no-cache" : "public, max-age=300");
    m.setHeader("Content-Security-Policy", CSP);
    m.setHeader("X-Content-Type-Options", "nosniff");
    m.setHeader("Referrer-Policy", "same-origin");
    m.setBody(body);
  }

  Optional<byte[]> load(String name) {
    return cache.computeIfAbsent(name, n -> read(root + n));
  }

  private static Optional<byte[]> read(String resource) {
    try (InputStream in = WebPages.class.getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The raw (still percent-encoded) path after {@code prefix}, without the query string. */
  static String pathAfter(Exchange exchange, String prefix) {
    String uri = exchange.getIn().getHeader(Exchange.HTTP_URI, String.class);
    String path = uri == null ? "" : uri.replaceFirst("[?#].*$", "");
    // HTTP_URI may be absolute (scheme and host) depending on the client's request line
    int i = path.indexOf(prefix);
    return i < 0 ? "" : path.substring(i + prefix.length());
  }
}
