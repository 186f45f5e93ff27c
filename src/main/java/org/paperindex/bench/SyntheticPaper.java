package org.paperindex.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One generated arXiv record in source form: text fields are as arXiv sends them (hard-wrapped,
 * TeX kept), before any of our parsers normalise them.
 *
 * @param authors each {@code [keyname, forenames, suffix, affiliation...]}, as in Kaggle's
 *     {@code authors_parsed}
 * @param versions the creation instant of v1, v2, ...
 */
public record SyntheticPaper(
    String id,
    String submitter,
    List<List<String>> authors,
    String title,
    String comments,
    String journalRef,
    String doi,
    String reportNo,
    List<String> categories,
    String license,
    String abstractText,
    List<Instant> versions,
    LocalDate updateDate) {

  /** The authors as arXiv's one-line string: "A. One, B. Two and C. Three". */
  public String authorLine() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < authors.size(); i++) {
      if (i > 0) {
        sb.append(i == authors.size() - 1 ? " and " : ", ");
      }
      List<String> a = authors.get(i);
      if (!a.get(1).isEmpty()) {
        sb.append(a.get(1)).append(' ');
      }
      sb.append(a.get(0));
      if (!a.get(2).isEmpty()) {
        sb.append(' ').append(a.get(2));
      }
    }
    return sb.toString();
  }
}
