package org.paperindex.harvest;

import java.util.ArrayList;
import org.paperindex.extract.AbsPageLinks;
import org.paperindex.extract.ExtractedLink;
import org.paperindex.model.Link;
import org.paperindex.model.Source;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Author;
import org.paperindex.model.Paper;
import org.paperindex.parse.AbsPageParser;
import org.paperindex.parse.LatexmlAffiliationParser;

/**
 * Fetches one paper's arxiv.org/abs page and its LaTeXML HTML full text through the shared
 * {@link ArxivHttpClient}, conditionally ({@code If-Modified-Since} with the last
 * {@code Last-Modified} the caller kept), and parses them with {@link AbsPageParser} and {@link
 * LatexmlAffiliationParser}. A 404 for the HTML is the normal "no HTML version", not an error.
 */
public final class PageFetcher {

  public static final URI DEFAULT_ABS_BASE = URI.create("https://arxiv.org/abs/");
  public static final URI DEFAULT_HTML_BASE = URI.create("https://arxiv.org/html/");

  /** How a conditional fetch ended. */
  public enum Status { FETCHED, NOT_MODIFIED, NOT_FOUND }

  /**
   * One page: its URI, status, parsed value (only when FETCHED) and the validator to send next time
   * (the new Last-Modified, or the one passed in when the server sent none or said 304).
   */
  public record Page<T>(URI uri, Status status, T value, String lastModified) {}

  /** Both pages of one paper. */
  public record Pages(Page<Paper> abs, Page<List<Author>> html) {}

  private final ArxivHttpClient http;
  private final URI absBase;
  private final URI htmlBase;
  private final AbsPageParser absParser = new AbsPageParser();
  private final LatexmlAffiliationParser htmlParser = new LatexmlAffiliationParser();
  private final AbsPageLinks absLinks = new AbsPageLinks();

  public PageFetcher(ArxivHttpClient http, URI absBase, URI htmlBase) {
    this.http = Objects.requireNonNull(http, "http");
    this.absBase = withSlash(Objects.requireNonNull(absBase, "absBase"));
    this.htmlBase = withSlash(Objects.requireNonNull(htmlBase, "htmlBase"));
  }

  /** The abs page; {@code lastModified} is the validator from the previous fetch (null for none). */
  public Page<Paper> fetchAbs(ArxivId id, String lastModified) {
    URI uri = URI.create(absBase + id.value());
    return fetch(uri, lastModified, false, r -> {
      String html = r.bodyText();
      Paper p = absParser.parse(html);
      // the links a reader sees in the abstract and comments, none of the page's boilerplate
      List<Link> links = new ArrayList<>();
      for (ExtractedLink l : absLinks.extract(html, r.uri().toString())) {
        links.add(new Link(l.url(), l.host(), l.kind().label(), l.official(), Source.ABS));
      }
      return links.isEmpty() ? p : p.toBuilder().links(links).build();
    });
  }

  /** The HTML full text's authors and affiliations; NOT_FOUND when arXiv has no HTML version. */
  public Page<List<Author>> fetchHtml(ArxivId id, String lastModified) {
    URI uri = URI.create(htmlBase + id.value());
    return fetch(uri, lastModified, true, r -> {
      try {
        return htmlParser.parse(r.bodyStream());
      } catch (java.io.IOException e) {
        throw new org.paperindex.parse.FormatException("HTML body unreadable: " + e.getMessage(), e);
      }
    });
  }

  /**
   * Both pages, using and updating {@code validators} (URI string to Last-Modified), so a caller
   * that keeps the map between runs gets 304s for unchanged pages.
   */
  public Pages fetch(ArxivId id, Map<String, String> validators) {
    Page<Paper> abs = fetchAbs(id, validators.get(absBase + id.value()));
    remember(validators, abs);
    Page<List<Author>> html = fetchHtml(id, validators.get(htmlBase + id.value()));
    remember(validators, html);
    return new Pages(abs, html);
  }

  private static void remember(Map<String, String> validators, Page<?> page) {
    if (page.status() == Status.NOT_FOUND) {
      validators.remove(page.uri().toString());
    } else if (page.lastModified() != null) {
      validators.put(page.uri().toString(), page.lastModified());
    }
  }

  private <T> Page<T> fetch(URI uri, String lastModified, boolean missingIsNormal,
      ArxivHttpClient.BodyReader<T> parser) {
    ArxivHttpClient.Request request = ArxivHttpClient.Request.get(uri).returning(304);
    if (missingIsNormal) {
      request = request.returning(404);
    }
    if (lastModified != null && !lastModified.isBlank()) {
      request = request.header("If-Modified-Since", lastModified);
    }
    return http.send(request, r -> {
      String validator = r.header("Last-Modified").orElse(lastModified);
      return switch (r.status()) {
        case 304 -> new Page<T>(uri, Status.NOT_MODIFIED, null, validator);
        case 404 -> new Page<T>(uri, Status.NOT_FOUND, null, null);
        default -> new Page<T>(uri, Status.FETCHED, parser.read(r), validator);
      };
    });
  }

  private static URI withSlash(URI u) {
    return u.toString().endsWith("/") ? u : URI.create(u + "/");
  }
}
