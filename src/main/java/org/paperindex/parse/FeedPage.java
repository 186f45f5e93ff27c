package org.paperindex.parse;

import java.time.LocalDate;
import java.util.List;

/**
 * One parsed rss.arxiv.org feed (RSS 2.0 or Atom): its items, the announcement date the channel
 * claims (channel pubDate, else lastBuildDate / Atom updated; null when absent), the channel's
 * {@code skipDays} and items that could not be turned into a paper.
 *
 * <p>{@code announced} is what the feed says, not a verified fact: arXiv's feeds have been seen to
 * lag by a day and to go stale per category, so callers should not treat it as proof of freshness.
 */
public record FeedPage(
    List<FeedItem> items, LocalDate announced, List<String> skipDays, List<RejectedRecord> rejected) {

  public FeedPage {
    items = List.copyOf(items);
    skipDays = List.copyOf(skipDays);
    rejected = List.copyOf(rejected);
  }

  /** A page without rejected items. */
  public FeedPage(List<FeedItem> items, LocalDate announced, List<String> skipDays) {
    this(items, announced, skipDays, List.of());
  }
}
