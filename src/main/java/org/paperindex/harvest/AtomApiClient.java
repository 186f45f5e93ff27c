package org.paperindex.harvest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Paper;
import org.paperindex.parse.ArxivAtomParser;
import org.paperindex.parse.AtomPage;
import org.paperindex.parse.FormatException;
import org.paperindex.parse.RejectedRecord;

/**
 * Looks papers up by id through the arXiv Atom API ({@code id_list}, at most 100 ids a request)
 * via the shared {@link ArxivHttpClient}, so it obeys the one process-wide throttle.
 *
 * <p>The API is known to answer HTTP 200 with an empty page while {@code opensearch:totalResults}
 * says there are results; such a page counts as a malformed body, so the client retries it with
 * its bounded backoff and finally fails with a {@link HarvestException}. API error entries
 * ("incorrect id format for ...", served with HTTP 400 by the 2025 backend) are reported, not thrown.
 */
public final class AtomApiClient {

  public static final URI DEFAULT_BASE_URI = URI.create("https://export.arxiv.org/api/query");
  public static final int MAX_BATCH = 100;

  /**
   * What a fetch found: the papers, requested ids the API did not return ({@code missing}), API
   * error messages, and returned entries that failed validation.
   */
  public record FetchResult(
      List<Paper> papers, List<String> missing, List<String> errors, List<RejectedRecord> rejected) {
    public FetchResult {
      papers = List.copyOf(papers);
      missing = List.copyOf(missing);
      errors = List.copyOf(errors);
      rejected = List.copyOf(rejected);
    }
  }

  private final ArxivHttpClient http;
  private final URI baseUri;
  private final int batchSize;
  private final ArxivAtomParser parser = new ArxivAtomParser();

  /** A client for {@code baseUri} (e.g. {@link #DEFAULT_BASE_URI}) with batches of 100 ids. */
  public AtomApiClient(ArxivHttpClient http, URI baseUri) {
    this(http, baseUri, MAX_BATCH);
  }

  /** For tests and cautious callers: batches of {@code batchSize} (1..100) ids. */
  public AtomApiClient(ArxivHttpClient http, URI baseUri, int batchSize) {
    this.http = Objects.requireNonNull(http, "http");
    this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
    if (batchSize < 1 || batchSize > MAX_BATCH) {
      throw new IllegalArgumentException("batch size must be 1.." + MAX_BATCH + ": " + batchSize);
    }
    this.batchSize = batchSize;
  }

  /** Fetches the newest version of each id (duplicates are asked for once), batch by batch. */
  public FetchResult fetch(Collection<ArxivId> ids) {
    List<ArxivId> unique = new ArrayList<>(new LinkedHashSet<>(ids));
    List<Paper> papers = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<RejectedRecord> rejected = new ArrayList<>();
    for (int from = 0; from < unique.size(); from += batchSize) {
      List<ArxivId> batch = unique.subList(from, Math.min(unique.size(), from + batchSize));
      AtomPage page = fetchBatch(batch);
      papers.addAll(page.papers());
      errors.addAll(page.errors());
      rejected.addAll(page.rejected());
      Set<String> seen = new HashSet<>();
      page.papers().forEach(p -> seen.add(p.id().value()));
      for (RejectedRecord r : page.rejected()) {
        ArxivId.tryParse(r.identifier()).ifPresent(id -> seen.add(id.value()));
      }
      for (ArxivId id : batch) {
        // an id named in an error entry is reported there, not again as missing
        boolean inError = page.errors().stream().anyMatch(e -> e.contains(id.value()));
        if (!seen.contains(id.value()) && !inError) {
          missing.add(id.value());
        }
      }
    }
    return new FetchResult(papers, missing, errors, rejected);
  }

  private AtomPage fetchBatch(List<ArxivId> batch) {
    List<String> values = batch.stream().map(ArxivId::value).toList();
    URI uri = URI.create(baseUri + (baseUri.getQuery() == null ? "?" : "&") + "id_list="
        + URLEncoder.encode(String.join(",", values), StandardCharsets.UTF_8)
        + "&max_results=" + batch.size());
    // 400 carries the API's own error feed; everything else non-2xx is the client's business
    ArxivHttpClient.Request request = ArxivHttpClient.Request.get(uri).returning(400);
    return http.send(request, result -> {
      AtomPage page = parser.parse(result.bodyStream());
      if (result.status() == 400 && page.errors().isEmpty()) {
        throw new FormatException("HTTP 400 without an API error entry");
      }
      int expected = Math.min(page.totalResults(), batch.size());
      int got = page.papers().size() + page.rejected().size();
      if (page.errors().isEmpty() && got < expected) {
        // the API's known flake: a short or empty page although totalResults says otherwise
        throw new FormatException("API page holds " + got + " entries but totalResults is "
            + page.totalResults());
      }
      return page;
    });
  }
}
