package org.paperindex.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small field parsers shared by the format parsers; each throws IllegalArgumentException on junk. */
final class Fields {

  private static final Pattern DOI_SEPARATORS = Pattern.compile("[\\s,;]+");

  // Same shape Paper validates; MSC ("05C85") and ACM ("F.2.2") classes, which arXiv mixes into
  // dc:subject and Atom <category>, do not match.
  private static final Pattern CATEGORY_CODE =
      Pattern.compile("[a-z][a-z-]{1,15}(?:\\.[A-Za-z][A-Za-z-]{0,15})?");

  private Fields() {}

  static boolean isCategoryCode(String s) {
    return s != null && CATEGORY_CODE.matcher(s.strip()).matches();
  }

  /** "2015-01-16" (also tolerates a time part as in "2015-01-16T00:00:00Z"); null for blank. */
  static LocalDate date(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.strip();
    try {
      return t.length() > 10 ? OffsetDateTime.parse(t).toLocalDate() : LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad date: " + abbreviate(t));
    }
  }

  /** ISO instant with offset ("2016-10-09T00:00:00-04:00", "2006-03-02T02:22:45Z"); null for blank. */
  static Instant instant(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad timestamp: " + abbreviate(s.strip()));
    }
  }

  /** RFC-1123 as in arXivRaw and the Kaggle versions list: "Fri, 8 Feb 2013 21:00:01 GMT". */
  static Instant rfc1123(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return ZonedDateTime.parse(WS(s), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad RFC-1123 date: " + abbreviate(s.strip()));
    }
  }

  private static String WS(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }

  /**
   * The first DOI of a field that may hold several (arXiv joins them with spaces, commas or
   * semicolons: "10.1103/A 10.1103/B"); a "doi:" prefix or resolver URL is dropped.
   */
  static String firstDoi(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    for (String token : DOI_SEPARATORS.split(s.strip())) {
      String t = token.replaceFirst("(?i)^(doi:|https?://(dx\\.)?doi\\.org/)", "");
      if (t.startsWith("10.")) {
        return t;
      }
    }
    return null;
  }

  /** Space-separated arXiv categories, in order (the first is the primary). */
  static List<String> categories(String s) {
    List<String> out = new ArrayList<>();
    if (s != null) {
      for (String c : s.strip().split("\\s+")) {
        if (!c.isEmpty()) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** Lower-cased, trimmed; null for blank. */
  static String lower(String s) {
    return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
