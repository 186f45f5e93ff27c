package org.paperindex.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whitespace normalisation for arXiv text fields, which arXiv hard-wraps at about 80 columns. TeX
 * and {@code $...$} are kept exactly as written; nothing is decoded.
 */
public final class TextNormalizer {

  // arXiv marks a new abstract paragraph by indenting its first line; a wrapped line is not
  // indented, so "indented line after a line that ends a sentence" is a paragraph start.
  private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?][)\"'$]*\\s*$");

  private TextNormalizer() {}

  /** One-line fields (title, comments, journal-ref, names): every whitespace run becomes one space. */
  public static String inline(String s) {
    if (s == null) {
      return null;
    }
    // every run of regex \s becomes one space, without the regex machinery (this runs for every
    // field of every harvested record: the regex was the parser's largest single cost)
    StringBuilder b = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isRegexSpace(c)) {
        int j = i + 1;
        while (j < n && isRegexSpace(s.charAt(j))) {
          j++;
        }
        if (b == null && (c != ' ' || j > i + 1)) {
          b = new StringBuilder(n).append(s, 0, i);
        }
        if (b != null) {
          b.append(' ');
        }
        i = j - 1;
      } else if (b != null) {
        b.append(c);
      }
    }
    String out = (b == null ? s : b.toString()).strip();
    return out.isEmpty() ? null : out;
  }

  // \s of java.util.regex without UNICODE_CHARACTER_CLASS: [ \t\n\x0B\f\r]
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /**
   * Multi-paragraph fields (abstracts): whitespace inside a paragraph collapses to one space and
   * paragraphs are joined by {@code "\n\n"}. A paragraph ends at a blank line, or before an
   * indented line that follows a line ending a sentence.
   */
  public static String paragraphs(String s) {
    if (s == null) {
      return null;
    }
    List<String> paras = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    String prev = null;
    for (String line : s.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      boolean blank = line.isBlank();
      boolean indented = !blank && Character.isWhitespace(line.charAt(0));
      if (blank || (indented && prev != null && SENTENCE_END.matcher(prev).matches())) {
        flush(cur, paras);
      }
      if (!blank) {
        cur.append(' ').append(line);
      }
      prev = blank ? null : line;
    }
    flush(cur, paras);
    String out = String.join("\n\n", paras);
    return out.isEmpty() ? null : out;
  }

  private static void flush(StringBuilder cur, List<String> paras) {
    String p = inline(cur.toString());
    if (p != null) {
      paras.add(p);
    }
    cur.setLength(0);
  }
}
