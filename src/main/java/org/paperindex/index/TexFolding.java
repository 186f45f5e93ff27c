package org.paperindex.index;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * A pre-analysis char filter that turns common TeX accent macros ({@code Schr\"odinger},
 * {@code {\'e}}, {@code \c{c}}) into the accented letters and math font macros
 * ({@code \mathbb{Z}}) into their letter, so TeX in arXiv metadata is searchable as plain text.
 *
 * <p>A {@link MappingCharFilter} is used (not a regex) because it corrects offsets, which the
 * highlighter needs to mark the original text.
 */
public final class TexFolding {

  // accent macro → Unicode combining mark; the letter + mark is then NFC-composed
  private static final String[][] ACCENTS = {
    {"\"", "\u0308"}, {"'", "\u0301"}, {"`", "\u0300"}, {"^", "\u0302"}, {"~", "\u0303"},
    {"=", "\u0304"}, {".", "\u0307"}, {"u", "\u0306"}, {"v", "\u030C"}, {"H", "\u030B"},
    {"c", "\u0327"}, {"k", "\u0328"}, {"r", "\u030A"}
  };
  // font/text macros whose argument is the text itself: \mathbb{Z} reads as Z
  private static final String[] FONTS = {
    "mathbb", "mathrm", "mathcal", "mathbf", "mathfrak", "mathsf", "mathit", "mathscr",
    "boldsymbol", "textbf", "textit", "textrm", "emph"
  };
  // letter-like macros with no argument
  private static final String[][] LETTERS = {
    {"\\ss", "ß"}, {"\\o", "ø"}, {"\\O", "Ø"}, {"\\ae", "æ"}, {"\\AE", "Æ"}, {"\\oe", "œ"},
    {"\\OE", "Œ"}, {"\\aa", "å"}, {"\\AA", "Å"}, {"\\l", "ł"}, {"\\L", "Ł"}, {"\\i", "i"}
  };

  private static final NormalizeCharMap MAP = build();

  private TexFolding() {}

  /** Wraps a reader so TeX accent and font macros read as the letters they stand for. */
  public static Reader wrap(Reader in) {
    return new MappingCharFilter(MAP, in);
  }

  /** The folded form of a string (same mapping as {@link #wrap}). */
  public static String fold(String s) {
    if (s.indexOf('\\') < 0) {
      return s; // the common case: nothing to fold
    }
    try (Reader r = wrap(new StringReader(s))) {
      StringBuilder sb = new StringBuilder(s.length());
      char[] buf = new char[256];
      for (int n; (n = r.read(buf)) > 0; ) {
        sb.append(buf, 0, n);
      }
      return sb.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static NormalizeCharMap build() {
    NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
    for (char c = 'A'; c <= 'z'; c++) {
      if (!Character.isLetter(c)) {
        continue;
      }
      String l = String.valueOf(c);
      for (String[] a : ACCENTS) {
        String composed = Normalizer.normalize(l + a[1], Normalizer.Form.NFC);
        boolean letterMacro = Character.isLetter(a[0].charAt(0));
        if (!letterMacro) {
          // symbol accents only: a letter accent before a bare letter would read as one macro
          b.add("\\" + a[0] + l, composed);
          b.add("{\\" + a[0] + l + "}", composed);
        }
        b.add("\\" + a[0] + "{" + l + "}", composed);
        b.add("{\\" + a[0] + "{" + l + "}}", composed);
        b.add("\\" + a[0] + " " + l, composed);
      }
      for (String f : FONTS) {
        b.add("\\" + f + "{" + l + "}", l);
        b.add("\\" + f + " " + l, l);
      }
    }
    for (String a : new String[] {"\\i", "{\\i}"}) {
      for (String[] acc : ACCENTS) {
        if (!Character.isLetter(acc[0].charAt(0))) {
          b.add("\\" + acc[0] + a, Normalizer.normalize("i" + acc[1], Normalizer.Form.NFC));
        }
      }
    }
    for (String[] l : LETTERS) {
      b.add("{" + l[0] + "}", l[1]);
      b.add(l[0] + " ", l[1]);
      b.add(l[0] + "{}", l[1]);
    }
    return b.build();
  }
}
