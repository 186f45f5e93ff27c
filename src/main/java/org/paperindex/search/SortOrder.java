package org.paperindex.search;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The orders a search can be sorted by, as the {@code sort} parameter spells them: a date name
 * sorts oldest first, a leading {@code -} newest first. Every order ends with the paper id as a
 * tie-breaker, which makes the order total and cursors stable.
 */
public enum SortOrder {
  /** BM25 score with field boosts, best first. */
  RELEVANCE("relevance"),
  SUBMITTED_ASC("submitted"),
  SUBMITTED_DESC("-submitted"),
  /** The last change: {@code updated}, or {@code submitted} for single-version papers. */
  UPDATED_ASC("updated"),
  UPDATED_DESC("-updated");

  private final String param;

  SortOrder(String param) {
    this.param = param;
  }

  /** The {@code sort} parameter value. */
  public String param() {
    return param;
  }

  /** Parses a {@code sort} parameter value; throws {@link BadQueryException} for others. */
  public static SortOrder parse(String s) {
    for (SortOrder o : values()) {
      if (o.param.equalsIgnoreCase(s.strip())) {
        return o;
      }
    }
    throw new BadQueryException("unknown sort '" + SearchRequest.abbreviate(s) + "'; use one of "
        + Arrays.stream(values()).map(SortOrder::param).collect(Collectors.joining(", ")));
  }
}
