package org.paperindex.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A minimal OAI-PMH endpoint on 127.0.0.1 that serves pre-rendered ListRecords pages from memory,
 * so a harvest benchmark measures our processing and not the network or arXiv.
 */
public final class LoopbackOaiServer implements AutoCloseable {

  private final HttpServer server;
  private final Map<Long, byte[]> pages = new TreeMap<>();

  /** Renders {@code total} records of {@code gen} into pages of {@code pageSize} and starts serving. */
  public LoopbackOaiServer(SyntheticArxiv gen, long total, int pageSize) throws IOException {
    Instant now = Instant.now();
    for (long from = 0; from < total; from += pageSize) {
      pages.put(from, OaiPageWriter.page(gen, from, pageSize, total, now));
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/oai", this::handle);
    server.start();
  }

  /** The base URL to give the harvester. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oai");
  }

  /** Total bytes of all pages. */
  public long bytes() {
    return pages.values().stream().mapToLong(b -> b.length).sum();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String token = param(ex.getRequestURI().getRawQuery(), "resumptionToken");
      long from = token == null ? 0 : OaiPageWriter.tokenStart(token);
      byte[] body = pages.get(from);
      if (body == null) {
        byte[] err = ("<?xml version=\"1.0\"?><OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
            + "<responseDate>" + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            + "</responseDate><error code=\"badResumptionToken\">unknown</error></OAI-PMH>")
            .getBytes(StandardCharsets.UTF_8);
        send(ex, err);
        return;
      }
      send(ex, body);
    }
  }

  private static void send(HttpExchange ex, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static String param(String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
