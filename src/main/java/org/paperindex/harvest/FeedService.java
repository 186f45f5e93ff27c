package org.paperindex.harvest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.paperindex.index.Ingester;
import org.paperindex.model.Source;
import org.paperindex.parse.ArxivRssParser;
import org.paperindex.parse.FeedItem;
import org.paperindex.parse.FeedPage;

/**
 * Reads arXiv's listing feeds ({@code rss.arxiv.org/rss/<category>}) for the configured
 * categories through the shared throttle, so new papers are searchable on the day they are
 * announced; every announce type (new, cross, replace, replace-cross) is ingested, since each
 * carries the current metadata. A feed that fails is reported and the others still run.
 */
public final class FeedService {
  private final ArxivHttpClient http;
  private final URI base;
  private final List<String> categories;
  private final Ingester ingester;
  private final ArxivRssParser parser = new ArxivRssParser();

  /** What one run did, per category. */
  public record Run(List<CategoryRun> categories) {}

  /** One category's feed: items and announce types, or its error. */
  public record CategoryRun(
      String category, java.time.LocalDate announced, int items, int isNew, int cross, int replace,
      int rejected, String error) {}

  public FeedService(ArxivHttpClient http, URI base, List<String> categories, Ingester ingester) {
    this.http = Objects.requireNonNull(http, "http");
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b : b + "/");
    this.categories = List.copyOf(categories);
    this.ingester = Objects.requireNonNull(ingester, "ingester");
  }

  public synchronized Run run() {
    List<CategoryRun> out = new ArrayList<>();
    for (String cat : categories) {
      try {
        FeedPage page = http.send(ArxivHttpClient.Request.get(base.resolve(cat)), r -> parser.parse(r.bodyStream()));
        int n = 0, cross = 0, replace = 0;
        for (FeedItem item : page.items()) {
          ingester.accept(item.paper());
          String t = item.announceType() == null ? "new" : item.announceType();
          if (t.startsWith("replace")) {
            replace++;
          } else if (t.equals("cross")) {
            cross++;
          } else {
            n++;
          }
        }
        page.rejected().forEach(rej -> ingester.reject(rej, Source.RSS));
        Completeness.recordAnnounced(ingester.store(), cat, page.announced(),
            page.items().stream().map(i -> i.id().value()).toList());
        out.add(new CategoryRun(cat, page.announced(), page.items().size(), n, cross, replace,
            page.rejected().size(), null));
      } catch (HarvestException e) {
        out.add(new CategoryRun(cat, null, 0, 0, 0, 0, 0, e.getMessage()));
      }
    }
    ingester.commit();
    return new Run(out);
  }
}
