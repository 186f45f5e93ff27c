package org.paperindex.harvest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import java.util.zip.GZIPInputStream;
import org.paperindex.config.AppConfig;
import org.paperindex.parse.FormatException;

/**
 * GETs from arXiv through the shared {@link Throttle}, with gzip, timeouts and a bounded retry
 * policy: 429/503 honour Retry-After (capped), other 5xx, I/O errors, short bodies and bodies the
 * caller's reader rejects are retried with capped, jittered exponential backoff; other 4xx fail at
 * once. Failures surface as {@link HarvestException}, never as a logged-and-ignored result.
 */
public final class ArxivHttpClient {

  /** Turns a returned response into a value; a {@link FormatException} means "re-fetch". */
  @FunctionalInterface
  public interface BodyReader<T> {
    T read(HttpResult result) throws FormatException;
  }

  /** One GET: extra request headers, and non-2xx statuses the caller wants back instead of an exception. */
  public record Request(URI uri, Map<String, String> headers, Set<Integer> returnStatuses) {
    public Request {
      Objects.requireNonNull(uri, "uri");
      headers = Map.copyOf(headers);
      returnStatuses = Set.copyOf(returnStatuses);
    }

    public static Request get(URI uri) {
      return new Request(uri, Map.of(), Set.of());
    }

    public Request header(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Request(uri, h, returnStatuses);
    }

    /** E.g. {@code returning(304, 404)} for conditional requests and lookups of maybe-missing pages. */
    public Request returning(Integer... statuses) {
      java.util.HashSet<Integer> s = new java.util.HashSet<>(returnStatuses);
      s.addAll(java.util.List.of(statuses));
      return new Request(uri, headers, s);
    }
  }

  private final AppConfig.ArxivConfig config;
  private final Throttle throttle;
  // made on first use: building one sets up TLS (security providers, the CA certificates, about
  // 900 classes), which a server start that sends no request to arXiv should not wait for
  private volatile HttpClient http;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier jitter;

  public ArxivHttpClient(AppConfig.ArxivConfig config, Throttle throttle) {
    this(config, throttle, Sleeper.SYSTEM, Clock.systemUTC(),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** For tests: {@code jitter} returns values in [0, 1) that scale the backoff into [50%, 100%]. */
  public ArxivHttpClient(
      AppConfig.ArxivConfig config,
      Throttle throttle,
      Sleeper sleeper,
      Clock clock,
      DoubleSupplier jitter) {
    this.config = Objects.requireNonNull(config, "config");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.sleeper = sleeper;
    this.clock = clock;
    this.jitter = jitter;
  }

  private HttpClient http() {
    HttpClient c = http;
    if (c == null) {
      synchronized (this) {
        c = http;
        if (c == null) {
          c = HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(config.connectTimeout())
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
          http = c;
        }
      }
    }
    return c;
  }

  public Throttle throttle() {
    return throttle;
  }

  /** A plain GET; any non-2xx status ends in a {@link HarvestException}. */
  public HttpResult get(URI uri) {
    return send(Request.get(uri), r -> r);
  }

  public HttpResult send(Request request) {
    return send(request, r -> r);
  }

  /**
   * Sends with retries and hands every returned response (2xx or one of the request's
   * returnStatuses) to {@code reader}; a reader's FormatException counts as a failed attempt.
   */
  public <T> T send(Request request, BodyReader<T> reader) {
    int maxAttempts = config.maxRetries() + 1;
    URI uri = request.uri();
    String lastFailure = "no attempt made";
    int lastStatus = -1;
    Throwable lastCause = null;
    for (int attempt = 1; ; attempt++) {
      Duration delay;
      try {
        HttpResult result = exchange(request, attempt);
        lastStatus = result.status();
        int s = result.status();
        if ((s >= 200 && s < 300) || request.returnStatuses().contains(s)) {
          try {
            return reader.read(result);
          } catch (FormatException e) {
            lastFailure = "malformed body (HTTP " + s + "): " + e.getMessage();
            lastCause = e;
            delay = backoff(attempt);
          }
        } else if (s == 429 || s == 503) {
          lastFailure = "HTTP " + s + snippet(result);
          lastCause = null;
          Optional<Duration> retryAfter = retryAfter(result);
          if (retryAfter.isPresent()) {
            // Retry-After binds all arXiv traffic, not just this caller, so it goes to the throttle
            Duration wait = min(retryAfter.get(), config.maxRetryAfter());
            throttle.holdFor(wait);
            delay = Duration.ZERO;
          } else {
            delay = backoff(attempt);
          }
        } else if (s >= 500) {
          lastFailure = "HTTP " + s + snippet(result);
          lastCause = null;
          delay = backoff(attempt);
        } else {
          throw new HarvestException(
              "GET " + uri + " failed: HTTP " + s + snippet(result) + " (not retried, attempt "
                  + attempt + ")", uri, s, attempt, null);
        }
      } catch (IOException e) {
        lastStatus = -1;
        lastCause = e;
        lastFailure = e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage());
        delay = backoff(attempt);
      }
      if (attempt >= maxAttempts) {
        throw new HarvestException(
            "GET " + uri + " failed after " + attempt + " attempt" + (attempt == 1 ? "" : "s")
                + ", last: " + lastFailure, uri, lastStatus, attempt, lastCause);
      }
      pause(delay, uri, attempt);
    }
  }

  private HttpResult exchange(Request request, int attempt) throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(request.uri())
            .GET()
            .timeout(config.requestTimeout())
            .header("User-Agent", config.userAgent())
            .header("Accept-Encoding", "gzip");
    request.headers().forEach(b::setHeader);
    HttpRequest req = b.build();
    try (Throttle.Permit permit = throttle.acquire()) {
      CompletableFuture<HttpResponse<byte[]>> f =
          http().sendAsync(req, HttpResponse.BodyHandlers.ofByteArray());
      HttpResponse<byte[]> resp;
      try {
        // the request timeout only covers the headers; this bounds a body that stalls half-way
        resp = f.get(config.requestTimeout().toMillis() + 50, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        f.cancel(true);
        throw new HttpTimeoutException("no complete response within " + config.requestTimeout());
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw new IOException(e.getCause());
      }
      byte[] body = decode(resp.headers(), resp.body());
      return new HttpResult(resp.uri(), resp.statusCode(), resp.headers().map(), body, attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarvestException("interrupted while fetching " + request.uri(), request.uri(), -1,
          attempt, e);
    }
  }

  private static byte[] decode(HttpHeaders headers, byte[] raw) throws IOException {
    Optional<String> length = headers.firstValue("Content-Length");
    if (length.isPresent()) {
      try {
        long expected = Long.parseLong(length.get().strip());
        if (raw.length < expected) {
          throw new IOException(
              "body shorter than Content-Length: " + raw.length + " < " + expected);
        }
      } catch (NumberFormatException ignored) {
        // a bogus Content-Length cannot tell us anything; the parser will judge the body
      }
    }
    String enc = headers.firstValue("Content-Encoding").orElse("").strip();
    if (enc.equalsIgnoreCase("gzip") || enc.equalsIgnoreCase("x-gzip")) {
      // a truncated gzip stream throws EOFException here, which is retried like any I/O error
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
        return in.readAllBytes();
      }
    }
    return raw;
  }

  /** Retry-After as delta-seconds or an HTTP-date; a date in the past means "now". */
  Optional<Duration> retryAfter(HttpResult r) {
    Optional<String> v = r.header("Retry-After").map(String::strip).filter(s -> !s.isEmpty());
    if (v.isEmpty()) {
      return Optional.empty();
    }
    String s = v.get();
    if (s.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(s)));
      } catch (NumberFormatException e) {
        return Optional.of(config.maxRetryAfter()); // absurdly large number: wait the maximum
      }
    }
    try {
      Instant at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(clock.instant(), at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty(); // unreadable: fall back to our own backoff
    }
  }

  /** retryBackoff * 2^(attempt-1), capped at maxRetryAfter, scaled by a jitter in [50%, 100%]. */
  Duration backoff(int attempt) {
    Duration base = config.retryBackoff();
    Duration cap = config.maxRetryAfter().compareTo(base) > 0 ? config.maxRetryAfter() : base;
    Duration d = base.multipliedBy(1L << Math.min(attempt - 1, 20));
    d = min(d, cap);
    double factor = 0.5 + 0.5 * Math.min(Math.max(jitter.getAsDouble(), 0), 1);
    return Duration.ofNanos((long) (d.toNanos() * factor));
  }

  private void pause(Duration d, URI uri, int attempt) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarvestException("interrupted while waiting to retry " + uri, uri, -1, attempt, e);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String snippet(HttpResult r) {
    String text = new String(r.body(), 0, Math.min(r.body().length, 200), StandardCharsets.UTF_8)
        .replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? "" : " (" + text + ")";
  }
}
