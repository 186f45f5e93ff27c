package org.paperindex.parse;

import java.util.Objects;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Paper;

/**
 * One item of an rss.arxiv.org listing feed: the paper, the version the item announces and why it
 * is listed ({@code new}, {@code cross}, {@code replace}, {@code replace-cross}; null if absent).
 */
public record FeedItem(ArxivId id, int version, String announceType, Paper paper) {
  public FeedItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(paper, "paper");
  }
}
