package org.paperindex.parse;

import java.util.List;
import org.paperindex.model.Paper;

/**
 * One arXiv Atom API response: the opensearch counters, the parsed papers, entries that failed
 * validation, and API error entries ("incorrect id format for ...") as messages.
 */
public record AtomPage(
    int totalResults,
    int startIndex,
    int itemsPerPage,
    List<Paper> papers,
    List<RejectedRecord> rejected,
    List<String> errors) {

  public AtomPage {
    papers = List.copyOf(papers);
    rejected = List.copyOf(rejected);
    errors = List.copyOf(errors);
  }
}
