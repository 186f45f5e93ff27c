package org.paperindex.extract;

import java.text.Normalizer;
import java.util.BitSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns the TeX found in arXiv titles, abstracts and author names into Unicode text, leaving math
 * ({@code $...$}, {@code $$...$$}, {@code \(...\)}, {@code \[...\]}) and unknown macros exactly as
 * written.
 *
 * <p>One left-to-right pass with no backtracking, so the cost is linear in the input even for
 * hostile text (a megabyte of backslashes or braces); it never throws.
 */
public final class TexToUnicode {

  // accent macro -> combining mark; composed with the base letter through NFC
  private static final Map<String, Character> ACCENTS = Map.ofEntries(
      Map.entry("'", '\u0301'), Map.entry("`", '\u0300'), Map.entry("^", '\u0302'),
      Map.entry("\"", '\u0308'), Map.entry("~", '\u0303'), Map.entry("=", '\u0304'),
      Map.entry(".", '\u0307'), Map.entry("u", '\u0306'), Map.entry("v", '\u030C'),
      Map.entry("H", '\u030B'), Map.entry("c", '\u0327'), Map.entry("k", '\u0328'),
      Map.entry("r", '\u030A'), Map.entry("d", '\u0323'));

  // letters with no combining-mark decomposition (ø, ł, ß ...) need a table
  private static final Map<String, String> LETTERS = Map.ofEntries(
      Map.entry("ss", "ß"), Map.entry("o", "ø"), Map.entry("O", "Ø"), Map.entry("ae", "æ"),
      Map.entry("AE", "Æ"), Map.entry("oe", "œ"), Map.entry("OE", "Œ"), Map.entry("aa", "å"),
      Map.entry("AA", "Å"), Map.entry("l", "ł"), Map.entry("L", "Ł"), Map.entry("i", "ı"),
      Map.entry("j", "ȷ"), Map.entry("dh", "ð"), Map.entry("DH", "Ð"), Map.entry("th", "þ"),
      Map.entry("TH", "Þ"), Map.entry("ng", "ŋ"), Map.entry("NG", "Ŋ"),
      Map.entry("textendash", "–"), Map.entry("textemdash", "—"), Map.entry("ldots", "…"),
      Map.entry("dots", "…"), Map.entry("textquotedblleft", "“"),
      Map.entry("textquotedblright", "”"));

  private static final Map<Character, String> ESCAPES = Map.of(
      '&', "&", '%', "%", '_', "_", '#', "#", '$', "$", '{', "{", '}', "}", ' ', " ",
      '\\', " ", ',', " ");

  // macros whose braced argument is plain text: the macro goes, the argument stays
  private static final Set<String> TEXT_WRAPPERS = Set.of(
      "textit", "emph", "textbf", "textrm", "mathrm", "textsf", "texttt", "textsc", "textsl",
      "textup", "textnormal", "text", "mbox", "hbox", "underline", "textmd");

  // old-style font switches inside a group: {\em x} -> x
  private static final Set<String> DECLARATIONS = Set.of(
      "em", "it", "bf", "rm", "sc", "sl", "tt", "sf", "itshape", "bfseries", "upshape",
      "normalfont", "scshape", "mdseries");

  private TexToUnicode() {}

  /** Converts {@code tex} to Unicode text; null stays null. */
  public static String convert(String tex) {
    if (tex == null || tex.isEmpty()) {
      return tex;
    }
    try {
      return new Run(tex).go();
    } catch (RuntimeException e) {
      // a last line of defence: a display string must never break ingestion
      return tex;
    }
  }

  /** State of one conversion. */
  private static final class Run {
    private final String s;
    private final int n;
    private final StringBuilder out;
    // per open brace: true = keep it (argument of an unknown macro), false = drop it
    private final BitSet keep = new BitSet();
    private int depth;
    // input index right after an unknown macro or a kept group: a '{' there is an argument
    private int argAllowedAt = -1;
    // "no closer exists after here" memo: a failed search is never repeated
    private boolean noDollar;
    private boolean noParenClose;
    private boolean noBracketClose;
    // next '}' at or after the last url-macro argument; -1 once none is left (-2: not searched yet)
    private int nextClose = -2;

    Run(String s) {
      this.s = s;
      this.n = s.length();
      this.out = new StringBuilder(n);
    }

    String go() {
      int i = 0;
      while (i < n) {
        char c = s.charAt(i);
        switch (c) {
          case '$' -> i = dollar(i);
          case '\\' -> i = backslash(i);
          case '{' -> i = open(i);
          case '}' -> i = close(i);
          case '~' -> { out.append(' '); i++; }
          case '-' -> i = dash(i);
          case '`' -> i = pair(i, '`', "“");
          case '\'' -> i = pair(i, '\'', "”");
          case 'h', 'w' -> i = maybeUrl(i);
          default -> { out.append(c); i++; }
        }
      }
      return out.toString();
    }

    private int pair(int i, char twin, String repl) {
      if (i + 1 < n && s.charAt(i + 1) == twin) {
        out.append(repl);
        return i + 2;
      }
      out.append(s.charAt(i));
      return i + 1;
    }

    private int dash(int i) {
      if (s.startsWith("---", i)) {
        out.append('—');
        return i + 3;
      }
      if (s.startsWith("--", i)) {
        out.append('–');
        return i + 2;
      }
      out.append('-');
      return i + 1;
    }

    // URLs in running text keep their ~ and -- (only TeX escapes like \_ are undone)
    private int maybeUrl(int i) {
      boolean start = i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
      if (!start || !(s.startsWith("http://", i) || s.startsWith("https://", i)
          || s.startsWith("www.", i))) {
        out.append(s.charAt(i));
        return i + 1;
      }
      while (i < n) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c) || c == '{' || c == '}' || c == '$') {
          break;
        }
        if (c == '\\') {
          if (i + 1 < n && "_%#&~".indexOf(s.charAt(i + 1)) >= 0) {
            out.append(s.charAt(i + 1));
            i += 2;
            continue;
          }
          break;
        }
        out.append(c);
        i++;
      }
      return i;
    }

    private int dollar(int i) {
      boolean display = i + 1 < n && s.charAt(i + 1) == '$';
      int from = i + (display ? 2 : 1);
      int end = noDollar ? -1 : findDollar(from, display);
      if (end < 0) {
        noDollar = true;
        out.append('$');
        return i + 1;
      }
      int stop = end + (display ? 2 : 1);
      out.append(s, i, stop);
      return stop;
    }

    // the closing $ (or $$), skipping escaped characters such as \$
    private int findDollar(int from, boolean display) {
      for (int j = from; j < n; j++) {
        char c = s.charAt(j);
        if (c == '\\') {
          j++;
        } else if (c == '$') {
          if (!display) {
            return j;
          }
          if (j + 1 < n && s.charAt(j + 1) == '$') {
            return j;
          }
        }
      }
      return -1;
    }

    private int backslash(int i) {
      if (i + 1 >= n) {
        out.append('\\');
        return i + 1;
      }
      char next = s.charAt(i + 1);
      if (next == '(' || next == '[') {
        return displayMath(i, next == '(' ? "\\)" : "\\]");
      }
      if (!isLetter(next)) {
        String name = String.valueOf(next);
        if (ACCENTS.containsKey(name)) {
          return accent(i, name, i + 2, false);
        }
        String esc = ESCAPES.get(next);
        if (esc != null) {
          out.append(esc);
          return i + 2;
        }
        out.append(s, i, i + 2);
        return i + 2;
      }
      int j = i + 1;
      while (j < n && isLetter(s.charAt(j))) {
        j++;
      }
      String name = s.substring(i + 1, j);
      if (name.length() == 1 && ACCENTS.containsKey(name)) {
        return accent(i, name, j, true);
      }
      String letter = LETTERS.get(name);
      if (letter != null) {
        out.append(letter);
        return skipSpaces(j);
      }
      if (name.equals("url")) {
        return url(i, j);
      }
      if (TEXT_WRAPPERS.contains(name) && skipSpaces(j) < n && s.charAt(skipSpaces(j)) == '{') {
        return skipSpaces(j); // the following group is then dropped as a stray group
      }
      if (DECLARATIONS.contains(name)) {
        return skipSpaces(j);
      }
      // unknown macro: left as written, and so are the braces of its arguments
      out.append(s, i, j);
      argAllowedAt = j;
      return j;
    }

    private int displayMath(int i, String closer) {
      boolean none = closer.equals("\\)") ? noParenClose : noBracketClose;
      int end = none ? -1 : s.indexOf(closer, i + 2);
      if (end < 0) {
        if (closer.equals("\\)")) {
          noParenClose = true;
        } else {
          noBracketClose = true;
        }
        out.append(s, i, i + 2);
        return i + 2;
      }
      out.append(s, i, end + 2);
      return end + 2;
    }

    private int url(int i, int j) {
      int k = skipSpaces(j);
      if (k < n && s.charAt(k) == '{') {
        if (nextClose != -1 && nextClose < k) {
          nextClose = s.indexOf('}', k); // memo: repeated url macros must not rescan the rest
        }
        int end = nextClose;
        if (end > 0 && end - k < 4096) {
          out.append(s, k + 1, end);
          return end + 1;
        }
      }
      out.append(s, i, j);
      return j;
    }

    // \'a, \'{a}, \'\i, \'{\i}, \v c; anything else leaves the accent as written
    private int accent(int i, String name, int j, boolean letterNamed) {
      int k = letterNamed ? skipSpaces(j) : j;
      boolean braced = k < n && s.charAt(k) == '{';
      int b = braced ? skipSpaces(k + 1) : k;
      char base;
      int after;
      if (b < n && isLetter(s.charAt(b)) && (braced || !letterNamed || b > j)) {
        base = s.charAt(b);
        after = b + 1;
      } else if (b + 1 < n && s.charAt(b) == '\\' && (s.charAt(b + 1) == 'i' || s.charAt(b + 1) == 'j')
          && (b + 2 >= n || !isLetter(s.charAt(b + 2)))) {
        base = s.charAt(b + 1);
        after = skipSpaces(b + 2);
      } else {
        out.append(s, i, j);
        return j;
      }
      if (braced) {
        int close = skipSpaces(after);
        if (close >= n || s.charAt(close) != '}') {
          out.append(s, i, j);
          return j;
        }
        after = close + 1;
      }
      out.append(Normalizer.normalize(base + String.valueOf(ACCENTS.get(name)), Normalizer.Form.NFC));
      return after;
    }

    private int open(int i) {
      boolean arg = i == argAllowedAt;
      keep.set(depth, arg);
      depth++;
      if (arg) {
        out.append('{');
      }
      return i + 1;
    }

    private int close(int i) {
      if (depth == 0) {
        return i + 1; // a stray closer is grouping noise too
      }
      depth--;
      if (keep.get(depth)) {
        out.append('}');
        argAllowedAt = i + 1; // \href{a}{b}: the second argument is kept as well
      }
      return i + 1;
    }

    private int skipSpaces(int j) {
      while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
        j++;
      }
      return j;
    }

    private static boolean isLetter(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
  }
}
