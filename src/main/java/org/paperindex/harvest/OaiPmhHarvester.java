package org.paperindex.harvest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.paperindex.parse.OaiError;
import org.paperindex.parse.OaiPage;
import org.paperindex.parse.OaiRecord;
import org.paperindex.parse.RejectedRecord;

/**
 * Runs one OAI-PMH ListRecords window against arXiv: follows resumption tokens to the end, feeds
 * the sink page by page, re-fetches malformed pages (via the client's retry budget), restarts the
 * window from the latest datestamp seen when a token expires (badResumptionToken at UTC midnight),
 * and commits the sink only when the whole window succeeded.
 */
public final class OaiPmhHarvester {

  public static final int DEFAULT_MAX_RESTARTS = 3;

  private final URI baseUrl;
  private final ArxivHttpClient client;
  private final OaiPageParser parser;
  private final int maxRestarts;
  private final Clock clock;

  public OaiPmhHarvester(URI baseUrl, ArxivHttpClient client, OaiPageParser parser) {
    this(baseUrl, client, parser, DEFAULT_MAX_RESTARTS, Clock.systemUTC());
  }

  public OaiPmhHarvester(
      URI baseUrl, ArxivHttpClient client, OaiPageParser parser, int maxRestarts, Clock clock) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.client = Objects.requireNonNull(client, "client");
    this.parser = Objects.requireNonNull(parser, "parser");
    if (maxRestarts < 0) {
      throw new IllegalArgumentException("maxRestarts must be >= 0");
    }
    this.maxRestarts = maxRestarts;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Harvests the whole window into {@code sink} and calls {@code sink.commit()} at the end.
   *
   * <p>{@code nextFrom} is the UTC date of the first page's {@code responseDate} (arXiv's
   * recommended incremental pattern; that day is harvested again next time because more records
   * may get that datestamp later). With an explicit {@code until} it is {@code min(until,
   * responseDate)}: the window covered nothing after {@code until}, and the until day itself may
   * still grow, so the next run must start there, never later than the server's today.
   *
   * @throws HarvestException on a fetch that failed for good, a page that stayed malformed, an
   *     OAI-PMH error other than noRecordsMatch, or too many badResumptionToken restarts; the sink
   *     is then not committed
   */
  public HarvestSummary harvest(HarvestRequest req, HarvestSink sink) {
    Objects.requireNonNull(req, "req");
    Objects.requireNonNull(sink, "sink");
    Instant started = clock.instant();
    HarvestRequest window = req;
    String token = null;
    int pages = 0;
    int restarts = 0;
    long seen = 0;
    long deleted = 0;
    long rejected = 0;
    LocalDate latest = null;
    Instant firstResponse = null;
    boolean firstPage = true;
    // the next page is fetched and parsed on its own thread while the sink stores this one
    java.util.concurrent.ExecutorService prefetcher =
        java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
          Thread t = new Thread(r, "oai-prefetch");
          t.setDaemon(true);
          return t;
        });
    java.util.concurrent.Future<OaiPage> ahead = null;
    try {
      while (true) {
        URI uri = token == null ? listRecordsUri(window) : resumeUri(token);
        OaiPage page = ahead != null ? await(ahead) : fetch(uri);
        ahead = null;
        if (firstPage) {
          firstResponse = page.responseDate();
          firstPage = false;
        }
        if (!page.errors().isEmpty()) {
          if (page.hasError(OaiError.NO_RECORDS_MATCH)) {
            break; // an empty window (or a restart that found nothing new) is a success
          }
          if (page.hasError(OaiError.BAD_RESUMPTION_TOKEN) && token != null) {
            if (restarts >= maxRestarts) {
              throw new HarvestException(
                  "OAI-PMH harvest " + describe(req) + " failed: badResumptionToken after "
                      + restarts + " restarts (last token '" + token + "' from " + uri + ")");
            }
            restarts++;
            // tokens expire at UTC midnight; the latest day seen may be re-sent, sinks upsert
            if (latest != null) {
              window = window.withFrom(latest);
            }
            token = null;
            continue;
          }
          throw new HarvestException(
              "OAI-PMH harvest " + describe(req) + " failed: " + errors(page) + " (" + uri + ")",
              uri, 200, 0, null);
        }
        pages++;
        String next = page.resumptionToken();
        if (next != null && !next.equals(token)) {
          URI nextUri = resumeUri(next);
          ahead = prefetcher.submit(() -> fetch(nextUri));
        }
        for (OaiRecord r : page.records()) {
          sink.accept(r);
          seen++;
          if (r.deleted()) {
            deleted++;
          }
          if (r.datestamp() != null && (latest == null || r.datestamp().isAfter(latest))) {
            latest = r.datestamp();
          }
        }
        for (RejectedRecord r : page.rejected()) {
          sink.reject(r);
          rejected++;
        }
        if (next != null && next.equals(token)) {
          // a server bug would otherwise loop forever on the same page
          throw new HarvestException(
              "OAI-PMH harvest " + describe(req) + " failed: resumptionToken '" + next
                  + "' did not advance (" + uri + ")", uri, 200, 0, null);
        }
        token = next;
        if (token == null) {
          break;
        }
      }
    } finally {
      if (ahead != null) {
        ahead.cancel(true); // the run failed while the next page was on its way
      }
      prefetcher.shutdownNow();
    }
    sink.commit();
    Instant finished = clock.instant();
    LocalDate serverDay =
        (firstResponse != null ? firstResponse : started).atOffset(ZoneOffset.UTC).toLocalDate();
    LocalDate nextFrom =
        req.until() != null && req.until().isBefore(serverDay) ? req.until() : serverDay;
    return new HarvestSummary(req.from(), req.until(), req.set(), pages, seen, deleted, rejected,
        restarts, started, finished, nextFrom);
  }

  private static OaiPage await(java.util.concurrent.Future<OaiPage> page) {
    try {
      return page.get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re; // the same exception a fetch on this thread would have thrown
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new HarvestException("OAI-PMH page fetch failed: " + e.getCause(), null, 0, 0, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarvestException("OAI-PMH harvest interrupted", null, 0, 0, e);
    }
  }

  private OaiPage fetch(URI uri) {
    // parsing inside the client's reader makes a malformed page a retried attempt with backoff
    return client.send(ArxivHttpClient.Request.get(uri), r -> parser.parse(r.bodyStream()));
  }

  /** The first request of a window: {@code ?verb=ListRecords&metadataPrefix=..&from=..&until=..&set=..}. */
  public URI listRecordsUri(HarvestRequest req) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("verb", "ListRecords");
    p.put("metadataPrefix", req.metadataPrefix());
    if (req.from() != null) {
      p.put("from", req.from().toString());
    }
    if (req.until() != null) {
      p.put("until", req.until().toString());
    }
    if (req.set() != null) {
      p.put("set", req.set());
    }
    return withQuery(p);
  }

  /** A follow-up request: only the verb and the (opaque, URL-encoded) token, as OAI-PMH requires. */
  public URI resumeUri(String token) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("verb", "ListRecords");
    p.put("resumptionToken", token);
    return withQuery(p);
  }

  private URI withQuery(Map<String, String> params) {
    String query =
        params.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    String base = baseUrl.toString();
    String sep = baseUrl.getRawQuery() == null ? "?" : "&";
    return URI.create(base + sep + query);
  }

  // ':' is legal in a query (RFC 3986) and keeps set names like cs:cs:AI readable in logs
  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
  }

  private static String errors(OaiPage page) {
    return page.errors().stream()
        .map(e -> e.code() + (e.message().isEmpty() ? "" : ": " + e.message()))
        .collect(Collectors.joining("; "));
  }

  private static String describe(HarvestRequest r) {
    return r.metadataPrefix() + " from=" + r.from() + " until=" + r.until() + " set="
        + (r.set() == null ? "all" : r.set());
  }
}
