package org.paperindex.harvest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.paperindex.index.Ingester;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Paper;
import org.paperindex.model.Source;
import org.paperindex.store.PaperMerger;
import org.paperindex.store.RecordStore;

/**
 * Refreshes named papers now: metadata through the Atom API, then (optionally) the abs page for
 * the links a reader sees and the LaTeXML HTML for affiliations, all through the one throttle.
 * Pages are fetched conditionally: the {@code Last-Modified} of each page is kept in the record
 * store's meta map, so an unchanged page costs arXiv a 304.
 */
public final class FetchService {
  private static final String VALIDATOR_PREFIX = "last-modified:";

  private final AtomApiClient api;
  private final PageFetcher pages;
  private final Ingester ingester;

  /** What one fetch did. */
  public record Report(
      int requested, int fetched, List<String> missing, List<String> errors, int absPages,
      int htmlPages, int notModified, int noHtml) {}

  public FetchService(AtomApiClient api, PageFetcher pages, Ingester ingester) {
    this.api = Objects.requireNonNull(api, "api");
    this.pages = Objects.requireNonNull(pages, "pages");
    this.ingester = Objects.requireNonNull(ingester, "ingester");
  }

  /** Fetches the papers (and their pages when {@code withPages}), ingests and commits them. */
  public Report fetch(Collection<ArxivId> ids, boolean withPages) {
    AtomApiClient.FetchResult r = api.fetch(ids);
    for (Paper p : r.papers()) {
      ingester.accept(p);
    }
    r.rejected().forEach(rej -> ingester.reject(rej, Source.API));
    List<String> errors = new ArrayList<>(r.errors());
    PageCounts c = withPages ? pages(r.papers().stream().map(Paper::id).toList(), errors) : new PageCounts();
    ingester.commit();
    return new Report(ids.size(), r.papers().size(), r.missing(), errors, c.abs, c.html,
        c.notModified, c.noHtml);
  }

  /**
   * Only the pages (abs: links; HTML: affiliations) of papers already in the store: the
   * enrichment backlog. Returns how many pages were fetched; errors are collected, not thrown.
   */
  public Report fetchPages(List<ArxivId> ids) {
    List<String> errors = new ArrayList<>();
    PageCounts c = pages(ids, errors);
    ingester.commit();
    return new Report(ids.size(), ids.size(), List.of(), errors, c.abs, c.html, c.notModified, c.noHtml);
  }

  private static final class PageCounts {
    int abs, html, notModified, noHtml;
  }

  private PageCounts pages(List<ArxivId> ids, List<String> errors) {
    PageCounts c = new PageCounts();
    RecordStore store = ingester.store();
    for (ArxivId id : ids) {
      PageFetcher.Page<Paper> absPage;
      PageFetcher.Page<List<org.paperindex.model.Author>> htmlPage;
      try {
        absPage = pages.fetchAbs(id, validator(store, "abs", id));
        htmlPage = pages.fetchHtml(id, validator(store, "html", id));
      } catch (HarvestException e) {
        errors.add(id + ": " + e.getMessage());
        continue;
      }
      remember(store, "abs", id, absPage);
      remember(store, "html", id, htmlPage);
      if (absPage.status() == PageFetcher.Status.FETCHED) {
        ingester.accept(absPage.value());
        c.abs++;
      } else if (absPage.status() == PageFetcher.Status.NOT_MODIFIED) {
        c.notModified++;
      }
      switch (htmlPage.status()) {
        case FETCHED -> {
          Paper stored = store.get(id).orElse(null);
          if (stored != null && !stored.isStub()) {
            ingester.accept(PaperMerger.withPageAuthors(stored, htmlPage.value(), Source.HTML));
          }
          c.html++;
        }
        case NOT_FOUND -> c.noHtml++; // not every paper has an HTML version: normal
        case NOT_MODIFIED -> c.notModified++;
      }
    }
    return c;
  }

  private static String validator(RecordStore store, String kind, ArxivId id) {
    return store.meta(VALIDATOR_PREFIX + kind + "/" + id.value()).orElse(null);
  }

  private static void remember(RecordStore store, String kind, ArxivId id, PageFetcher.Page<?> page) {
    String key = VALIDATOR_PREFIX + kind + "/" + id.value();
    if (page.status() == PageFetcher.Status.NOT_FOUND) {
      store.putMeta(key, null);
    } else if (page.lastModified() != null) {
      store.putMeta(key, page.lastModified());
    }
  }
}
