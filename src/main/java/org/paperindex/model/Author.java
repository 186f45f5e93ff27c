package org.paperindex.model;

import java.util.List;
import java.util.Objects;

/**
 * One author as the source gave it. {@code name} is the display form ("Claudio Bruderer");
 * {@code keyname}/{@code forenames}/{@code suffix} are set when the source splits names (OAI
 * {@code arXiv} format, Kaggle {@code authors_parsed}), otherwise null. A collaboration ("ATLAS
 * Collaboration") is an author with only a name. {@code affiliations} are raw strings, in order.
 */
public record Author(
    String name, String keyname, String forenames, String suffix, List<String> affiliations) {

  public Author {
    Objects.requireNonNull(name, "name");
    name = name.strip();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("author name is empty");
    }
    keyname = blankToNull(keyname);
    forenames = blankToNull(forenames);
    suffix = blankToNull(suffix);
    affiliations =
        affiliations == null
            ? List.of()
            : affiliations.stream().map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
  }

  /** An author known only by a display name. */
  public static Author named(String name) {
    return new Author(name, null, null, null, List.of());
  }

  /** An author from split name parts; the display name is "forenames keyname suffix". */
  public static Author split(
      String keyname, String forenames, String suffix, List<String> affiliations) {
    StringBuilder name = new StringBuilder();
    for (String part : new String[] {forenames, keyname, suffix}) {
      if (part != null && !part.isBlank()) {
        if (name.length() > 0) {
          name.append(' ');
        }
        name.append(part.strip());
      }
    }
    return new Author(name.toString(), keyname, forenames, suffix, affiliations);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
