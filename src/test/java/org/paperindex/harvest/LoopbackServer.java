package org.paperindex.harvest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * A scriptable HTTP/1.1 server on 127.0.0.1 built on a raw {@link ServerSocket}, so tests can
 * misbehave on purpose: truncated bodies, connection resets, slow answers, any status/header.
 *
 * <pre>{@code
 * try (LoopbackServer server = LoopbackServer.start()) {
 *   server.enqueue(Response.status(503).header("Retry-After", "1"), Response.ok(xml));
 *   server.dispatch(req -> Response.ok(pages.get(req.queryParam("resumptionToken"))));
 *   URI base = server.uri("/oai");
 *   ... server.requests().get(0).queryParam("set") ...
 * }
 * }</pre>
 *
 * Queued responses are served first, in order; when the queue is empty the dispatch function
 * answers (default: 500 "nothing queued"). Every response closes its connection, which keeps the
 * server simple and makes each request its own connection. Request bodies are read only when
 * they carry a Content-Length.
 */
public final class LoopbackServer implements AutoCloseable {

  /** A canned response; immutable, every modifier returns a copy. */
  public static final class Response {
    final int status;
    final Map<String, String> headers;
    final byte[] body;
    final int cut; // -1: send the whole body
    final boolean reset;
    final Duration delay;
    final boolean gzip;

    private Response(int status, Map<String, String> headers, byte[] body, int cut,
        boolean reset, Duration delay, boolean gzip) {
      this.status = status;
      this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
      this.body = body;
      this.cut = cut;
      this.reset = reset;
      this.delay = delay;
      this.gzip = gzip;
    }

    /** 200 with an XML body. */
    public static Response ok(String xml) {
      return status(200).header("Content-Type", "text/xml; charset=utf-8").body(xml);
    }

    /** Any status with an empty body. */
    public static Response status(int status) {
      return new Response(status, Map.of(), new byte[0], -1, false, Duration.ZERO, false);
    }

    /** Declares the full Content-Length but sends only the first {@code cut} bytes, then closes. */
    public static Response truncated(String body, int cut) {
      Response ok = ok(body);
      return new Response(200, ok.headers, ok.body, cut, false, Duration.ZERO, false);
    }

    /** Reads the request, then resets the connection (TCP RST) without answering. */
    public static Response reset() {
      return new Response(0, Map.of(), new byte[0], -1, true, Duration.ZERO, false);
    }

    /** Waits before answering with {@code r} (e.g. to exceed the client's timeout). */
    public static Response delay(Duration d, Response r) {
      return new Response(r.status, r.headers, r.body, r.cut, r.reset, d, r.gzip);
    }

    public Response header(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Response(status, h, body, cut, reset, delay, gzip);
    }

    public Response body(String text) {
      return body(text.getBytes(StandardCharsets.UTF_8));
    }

    public Response body(byte[] bytes) {
      return new Response(status, headers, bytes.clone(), cut, reset, delay, gzip);
    }

    /** Sends the body gzip-compressed with {@code Content-Encoding: gzip}. */
    public Response gzip() {
      return new Response(status, headers, body, cut, reset, delay, true);
    }
  }

  /** One request as received; {@code receivedNanos} is {@link System#nanoTime()} when its headers were read. */
  public record RecordedRequest(
      String method,
      String target,
      Map<String, List<String>> headers,
      byte[] body,
      Instant receivedAt,
      long receivedNanos) {

    public String path() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }

    /** The raw (still encoded) query, or "" when there is none. */
    public String query() {
      int q = target.indexOf('?');
      return q < 0 ? "" : target.substring(q + 1);
    }

    /** The decoded value of the first query parameter with this name. */
    public String queryParam(String name) {
      for (String pair : query().split("&")) {
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        if (k.equals(name)) {
          return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
      return null;
    }

    /** The first value of a header (case-insensitive), or null. */
    public String header(String name) {
      List<String> v = headers.get(name);
      return v == null || v.isEmpty() ? null : v.get(0);
    }
  }

  private final ServerSocket socket;
  private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "loopback-conn");
    t.setDaemon(true);
    return t;
  });
  private final ConcurrentLinkedQueue<Response> queue = new ConcurrentLinkedQueue<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile Function<RecordedRequest, Response> dispatch =
      r -> Response.status(500).body("LoopbackServer: nothing queued for " + r.target());

  private LoopbackServer() throws IOException {
    socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    Thread acceptor = new Thread(this::acceptLoop, "loopback-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a server on a free loopback port. */
  public static LoopbackServer start() {
    try {
      return new LoopbackServer();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start loopback server", e);
    }
  }

  /** {@code http://127.0.0.1:PORT/}. */
  public URI uri() {
    return uri("/");
  }

  /** The server's URI with this path (and query), e.g. {@code uri("/oai")}. */
  public URI uri(String pathAndQuery) {
    String p = pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery;
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + p);
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** Appends responses to the script; they are served in order, one per request. */
  public LoopbackServer enqueue(Response... responses) {
    queue.addAll(List.of(responses));
    return this;
  }

  /** Answers requests by a function of the request once the queue is empty. */
  public LoopbackServer dispatch(Function<RecordedRequest, Response> fn) {
    this.dispatch = fn;
    return this;
  }

  /** All requests received so far, in arrival order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  public int requestCount() {
    return requests.size();
  }

  /** Most requests ever being handled at the same time (received, not yet answered). */
  public int maxConcurrentRequests() {
    return maxInFlight.get();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    connections.shutdownNow();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        connections.execute(() -> handle(s));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void handle(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      String requestLine = readLine(in);
      if (requestLine == null || requestLine.isEmpty()) {
        return;
      }
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
        int c = line.indexOf(':');
        if (c > 0) {
          headers.computeIfAbsent(line.substring(0, c).strip(), k -> new ArrayList<>())
              .add(line.substring(c + 1).strip());
        }
      }
      long nanos = System.nanoTime();
      Instant at = Instant.now();
      byte[] body = new byte[0];
      List<String> len = headers.get("Content-Length");
      if (len != null) {
        body = in.readNBytes(Integer.parseInt(len.get(0)));
      }
      String[] parts = requestLine.split(" ");
      RecordedRequest req = new RecordedRequest(parts[0], parts.length > 1 ? parts[1] : "/",
          Collections.unmodifiableMap(headers), body, at, nanos);
      requests.add(req);
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      Response r;
      try {
        Response queued = queue.poll();
        r = queued != null ? queued : dispatch.apply(req);
        if (!r.delay.isZero()) {
          Thread.sleep(r.delay.toMillis());
        }
      } finally {
        inFlight.decrementAndGet(); // before writing, so the client cannot see an overlap we made
      }
      respond(s, r);
    } catch (IOException | InterruptedException e) {
      // the client went away (e.g. its timeout fired) or the server is closing
    }
  }

  private static void respond(Socket s, Response r) throws IOException {
    if (r.reset) {
      s.setSoLinger(true, 0); // close() now sends RST instead of FIN
      return;
    }
    byte[] body = r.body;
    Map<String, String> headers = new LinkedHashMap<>(r.headers);
    if (r.gzip) {
      ByteArrayOutputStream bos = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
        gz.write(body);
      }
      body = bos.toByteArray();
      headers.put("Content-Encoding", "gzip");
    }
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(r.status).append(' ')
        .append(reason(r.status)).append("\r\n");
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("Content-Length: ").append(body.length).append("\r\n");
    head.append("Connection: close\r\n\r\n");
    OutputStream out = s.getOutputStream();
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body, 0, r.cut >= 0 ? Math.min(r.cut, body.length) : body.length);
    out.flush();
    s.shutdownOutput();
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        String sLine = line.toString(StandardCharsets.ISO_8859_1);
        return sLine.endsWith("\r") ? sLine.substring(0, sLine.length() - 1) : sLine;
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 304 -> "Not Modified";
      case 404 -> "Not Found";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> status < 400 ? "Status" : "Error";
    };
  }

  /** An HTTP-date (RFC 1123, whole seconds) {@code fromNow} in the future, for Retry-After tests. */
  public static String httpDate(Duration fromNow) {
    return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
        java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plus(fromNow));
  }
}
