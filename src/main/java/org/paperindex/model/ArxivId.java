package org.paperindex.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arXiv identifier without version: new style {@code 2101.00001} (4 or 5 digit number) or old
 * style {@code hep-th/9901001}. {@link #parse} accepts every form users paste: a version suffix,
 * an {@code arXiv:} prefix, an OAI identifier ({@code oai:arXiv.org:...}) and abs/pdf/html URLs.
 */
public record ArxivId(String value) implements Comparable<ArxivId> {

  // yymm.nnnn (2007-2014) or yymm.nnnnn (2015-), month 01-12
  private static final Pattern NEW_STYLE = Pattern.compile("(\\d{2}(?:0[1-9]|1[0-2])\\.\\d{4,5})");
  // archive[.SUBJ]/yymmnnn, e.g. hep-th/9901001, math.AG/0601001 (subject class is not part of the id)
  private static final Pattern OLD_STYLE =
      Pattern.compile("([a-z]+(?:-[a-z]+)?)(?:\\.[A-Za-z]{2})?/(\\d{2}(?:0[1-9]|1[0-2])\\d{3})");
  private static final Pattern VERSION = Pattern.compile("v(\\d{1,3})");
  private static final Pattern URL_PREFIX =
      Pattern.compile(
          "^(?:https?://)?(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf|html|format)/",
          Pattern.CASE_INSENSITIVE);

  public ArxivId {
    Objects.requireNonNull(value, "value");
    if (!NEW_STYLE.matcher(value).matches() && !OLD_STYLE.matcher(value).matches()) {
      throw new IllegalArgumentException("not an arXiv identifier: " + value);
    }
  }

  /** Parses any accepted form; throws {@link IllegalArgumentException} with a clear message. */
  public static ArxivId parse(String raw) {
    return parseVersioned(raw).id();
  }

  /**
   * Like {@link #parse} but empty instead of an exception. Every search's text goes through
   * here (a pasted id jumps to its paper), and nearly none is an id: text with fewer digits than
   * any id has (seven) is answered without the regular expressions and the exception.
   */
  public static Optional<ArxivId> tryParse(String raw) {
    if (raw == null || digits(raw, MIN_DIGITS) < MIN_DIGITS) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(raw));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Digits in every identifier: 4 + 4 new style (2101.0001), 7 old style (hep-th/9901001). */
  static final int MIN_DIGITS = 7;

  /** The digits in {@code s}, counted up to {@code enough}. */
  private static int digits(String s, int enough) {
    int n = 0;
    for (int i = 0; i < s.length() && n < enough; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        n++;
      }
    }
    return n;
  }

  /** Parses an identifier and its optional version ({@code 0} when none was given). */
  public static Versioned parseVersioned(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("empty arXiv identifier");
    }
    if (raw.length() > 300) {
      throw new IllegalArgumentException("arXiv identifier too long");
    }
    String s = raw.strip();
    s = URL_PREFIX.matcher(s).replaceFirst("");
    if (s.regionMatches(true, 0, "oai:arXiv.org:", 0, 14)) {
      s = s.substring(14);
    } else if (s.regionMatches(true, 0, "arXiv:", 0, 6)) {
      s = s.substring(6);
    }
    // drop a query, fragment, trailing slash or ".pdf" left over from a URL
    s = s.replaceFirst("[?#].*$", "").replaceFirst("/+$", "").replaceFirst("(?i)\\.pdf$", "");
    Matcher n = NEW_STYLE.matcher(s);
    Matcher o = OLD_STYLE.matcher(s);
    String id;
    String rest;
    if (n.lookingAt()) {
      id = n.group(1);
      rest = s.substring(n.end());
    } else if (o.lookingAt()) {
      id = o.group(1).toLowerCase(Locale.ROOT) + "/" + o.group(2);
      rest = s.substring(o.end());
    } else {
      throw new IllegalArgumentException("not an arXiv identifier: " + abbreviate(raw));
    }
    int version = 0;
    if (!rest.isEmpty()) {
      Matcher v = VERSION.matcher(rest);
      if (!v.matches()) {
        throw new IllegalArgumentException("not an arXiv identifier: " + abbreviate(raw));
      }
      version = Integer.parseInt(v.group(1));
      if (version == 0) {
        throw new IllegalArgumentException("arXiv versions start at v1: " + abbreviate(raw));
      }
    }
    return new Versioned(new ArxivId(id), version);
  }

  /** True for the pre-2007 form {@code archive/yymmnnn}. */
  public boolean oldStyle() {
    return value.indexOf('/') >= 0;
  }

  @Override
  public int compareTo(ArxivId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  /** An identifier with the version a user asked for; {@code version == 0} means "latest". */
  public record Versioned(ArxivId id, int version) {
    public Versioned {
      Objects.requireNonNull(id, "id");
      if (version < 0) {
        throw new IllegalArgumentException("negative version");
      }
    }
  }
}
