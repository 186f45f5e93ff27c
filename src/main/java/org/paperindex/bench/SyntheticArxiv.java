package org.paperindex.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates arXiv-like records at any count, deterministically: record {@code i} depends only on
 * the seed and {@code i}, so files, OAI pages and queries built from one seed agree, and records
 * can be made one at a time in constant memory. Ids are unique for indexes below {@link #MAX}.
 */
public final class SyntheticArxiv {

  /** Largest supported record count (old-style ids run out of 3-digit numbers beyond it). */
  public static final long MAX = 19_000_000L;

  private static final YearMonth OLD_FIRST = YearMonth.of(1991, 8);
  private static final int OLD_MONTHS = 188; // 1991-08 .. 2007-03
  private static final YearMonth NEW_FIRST = YearMonth.of(2007, 4);
  private static final int NEW_MONTHS = 237; // 2007-04 .. 2026-12
  private static final String[] MATH = {
    "$x^2$", "$\\alpha_{k}$", "$O(n \\log n)$", "$\\mathbb{Z}_2$", "$T_c \\approx 4$ K",
    "$\\sqrt{s}=13$ TeV", "$L^p$", "$(k,\\ell)$", "$\\mathcal{N}=4$", "$H^1(M)$", "$\\epsilon > 0$"
  };

  /**
   * English function words, most frequent first (an estimate for scientific English), given the
   * top ranks of the text vocabulary. Real abstracts are about 40% such words, and the analyzer
   * drops most of them as stop words; invented words in their place would be indexed in nearly
   * every paper. Measured on the 284 real abstracts in the shared fixtures, the most common
   * indexed term ("we") is in 76% of papers, the 10th in 25%, the 40th in 16%; with invented
   * words at these ranks the generator had 100%, 76% and 38% (SyntheticArxivTest checks this).
   */
  static final List<String> FUNCTION_WORDS = List.of(
      "the", "of", "and", "a", "in", "to", "we", "is", "for", "that", "with", "on", "this", "by",
      "are", "as", "an", "be", "which", "from", "at", "it", "can", "these", "our", "its", "or",
      "using", "has", "have", "also", "their", "not", "such", "than", "both", "between", "into",
      "been", "was");

  private final long seed;
  private final Vocabulary words;
  private final Vocabulary names;

  /**
   * A generator with about 40,000 text words (function words first) and 20,000 name words, none
   * of which is a text word. Both are drawn from the same syllables and shortest first, so
   * without that the most common names were the most common words: at 1M papers "da" was an
   * author name in 22,238 papers (now none), "u" in 173,250 (now 100,270, its initial "U."),
   * and one-word searches matched the authors of up to a sixth of the index, where in real
   * papers the common words of abstracts are nearly never an author's name
   * (SyntheticVocabularyAcceptanceTest measures both). Only initials, single letters as in
   * real names, still meet the single-letter words of the text.
   */
  public SyntheticArxiv(long seed) {
    this.seed = seed;
    this.words = new Vocabulary(seed, 40_000, 1.0, FUNCTION_WORDS);
    this.names = new Vocabulary(seed ^ 0x5EED_0F_A7L, 20_000, 0.9, List.of(), words);
  }

  /** The text vocabulary (the search bench picks query terms from it). */
  public Vocabulary words() {
    return words;
  }

  /** The name vocabulary (author surnames). */
  public Vocabulary names() {
    return names;
  }

  /** Record number {@code i} (0-based). */
  public SyntheticPaper paper(long i) {
    if (i < 0 || i >= MAX) {
      throw new IllegalArgumentException("record index out of range: " + i);
    }
    SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    String id;
    YearMonth month;
    List<String> cats = new ArrayList<>(4);
    if (i % 7 == 0) {
      // about one in seven papers predates April 2007 and has an old-style id
      long j = i / 7;
      String archive = Taxonomy.OLD_ARCHIVES.get((int) (j % Taxonomy.OLD_ARCHIVES.size()));
      month = OLD_FIRST.plusMonths((j / Taxonomy.OLD_ARCHIVES.size()) % OLD_MONTHS);
      long num = j / ((long) Taxonomy.OLD_ARCHIVES.size() * OLD_MONTHS) + 1;
      id = String.format("%s/%02d%02d%03d", archive, month.getYear() % 100, month.getMonthValue(), num);
      cats.add(Taxonomy.primaryFor(archive, rnd.nextInt(64)));
    } else {
      long k = i - i / 7 - 1;
      month = NEW_FIRST.plusMonths(k % NEW_MONTHS);
      long num = k / NEW_MONTHS + 1;
      boolean fourDigits = month.isBefore(YearMonth.of(2015, 1)) && num <= 9999;
      id = String.format(fourDigits ? "%02d%02d.%04d" : "%02d%02d.%05d",
          month.getYear() % 100, month.getMonthValue(), num);
      cats.add(category(rnd));
    }
    int extraCats = rnd.nextDouble() < 0.45 ? 1 + rnd.nextInt(3) : 0;
    for (int c = 0; c < extraCats; c++) {
      String cat = category(rnd);
      if (!cats.contains(cat)) {
        cats.add(cat);
      }
    }
    List<Instant> versions = versions(rnd, month);
    LocalDate lastVersion = versions.get(versions.size() - 1).atOffset(ZoneOffset.UTC).toLocalDate();
    LocalDate updateDate = lastVersion.plusDays(rnd.nextInt(30));
    List<List<String>> authors = authors(rnd);
    List<String> first = authors.get(0);
    String submitter = (first.get(1) + " " + first.get(0)).strip();
    return new SyntheticPaper(id, submitter, authors, title(rnd), comments(rnd),
        rnd.nextDouble() < 0.35 ? journalRef(rnd, lastVersion.getYear()) : null,
        rnd.nextDouble() < 0.35 ? doi(rnd) : null,
        rnd.nextDouble() < 0.05 ? "REP-TH-" + lastVersion.getYear() + "-" + rnd.nextInt(1000) : null,
        cats,
        rnd.nextDouble() < 0.4 ? null : Taxonomy.LICENSES.get(rnd.nextInt(Taxonomy.LICENSES.size())),
        abstractText(rnd), versions, updateDate);
  }

  private static String category(SplittableRandom rnd) {
    // squaring a uniform number favours the front of the list (the busiest categories)
    double u = rnd.nextDouble();
    return Taxonomy.CATEGORIES.get((int) (u * u * Taxonomy.CATEGORIES.size()));
  }

  private static List<Instant> versions(SplittableRandom rnd, YearMonth month) {
    List<Instant> out = new ArrayList<>();
    Instant t = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()
        .plusSeconds(rnd.nextLong(month.lengthOfMonth() * 86_400L));
    out.add(t);
    while (out.size() < 8 && rnd.nextDouble() < 0.4) {
      t = t.plusSeconds(3_600 + rnd.nextLong(400 * 86_400L));
      out.add(t);
    }
    return out;
  }

  private List<List<String>> authors(SplittableRandom rnd) {
    double u = rnd.nextDouble();
    int n = u < 0.002 ? 100 + rnd.nextInt(900) // rare large collaborations
        : Math.min(20, 1 + (int) (-Math.log(1 - rnd.nextDouble()) * 3));
    boolean affiliated = rnd.nextDouble() < 0.15;
    List<List<String>> out = new ArrayList<>(n);
    for (int a = 0; a < n; a++) {
      List<String> parts = new ArrayList<>(4);
      String key = Vocabulary.capitalize(names.next(rnd));
      if (rnd.nextDouble() < 0.03) {
        key = key.replace('o', 'ö').replace('e', 'é'); // accented names exercise folding
      }
      parts.add(key);
      parts.add(rnd.nextDouble() < 0.4
          ? initial(rnd) + ". " + initial(rnd) + "."
          : Vocabulary.capitalize(names.next(rnd)));
      parts.add(rnd.nextDouble() < 0.01 ? "Jr" : "");
      if (affiliated) {
        parts.add(Taxonomy.INSTITUTES.get(rnd.nextInt(Taxonomy.INSTITUTES.size()))
            + ", University of " + Vocabulary.capitalize(words.contentWord(rnd.nextInt(2_000))));
      }
      out.add(parts);
    }
    return out;
  }

  private static char initial(SplittableRandom rnd) {
    return (char) ('A' + rnd.nextInt(26));
  }

  private String title(SplittableRandom rnd) {
    int n = 10 + rnd.nextInt(6);
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < n; w++) {
      String word = w == 0 ? Vocabulary.capitalize(words.next(rnd)) : words.next(rnd);
      if (w == n / 2 && rnd.nextDouble() < 0.1) {
        word = MATH[rnd.nextInt(MATH.length)];
      }
      sb.append(w == 0 ? "" : " ").append(word);
    }
    return wrap(sb.toString(), 70, "", "\n  ", "");
  }

  private String abstractText(SplittableRandom rnd) {
    int target = 110 + rnd.nextInt(101); // 110-210 words; real ones average 114 (2007) to 146 (2015)
    StringBuilder sb = new StringBuilder();
    int count = 0;
    boolean secondParagraph = rnd.nextDouble() < 0.03;
    // about a third of real abstracts contain TeX math, a few formulas each
    double math = rnd.nextDouble() < 0.35 ? 0.015 : 0;
    while (count < target) {
      int len = 8 + rnd.nextInt(18);
      for (int w = 0; w < len && count < target; w++, count++) {
        String word = words.next(rnd);
        if (math > 0 && rnd.nextDouble() < math) {
          word = MATH[rnd.nextInt(MATH.length)];
        }
        sb.append(w == 0 ? Vocabulary.capitalize(word) : word).append(w == len - 1 ? ". " : " ");
      }
      if (secondParagraph && count > target / 2) {
        sb.append("\u0001"); // paragraph marker, turned into an indented line by wrap()
        secondParagraph = false;
      }
    }
    if (rnd.nextDouble() < 0.08) {
      sb.append("Code and data are available at ").append(link(rnd)).append(" .");
    }
    return wrap(sb.toString().strip(), 80, "  ", "\n", "\n");
  }

  private String link(SplittableRandom rnd) {
    return switch (rnd.nextInt(3)) {
      case 0 -> "https://github.com/" + words.nextContent(rnd) + "/" + words.nextContent(rnd);
      case 1 -> "https://huggingface.co/datasets/" + words.nextContent(rnd) + "/"
          + words.nextContent(rnd);
      default -> "https://zenodo.org/record/" + (1_000_000 + rnd.nextInt(9_000_000));
    };
  }

  private String comments(SplittableRandom rnd) {
    double u = rnd.nextDouble();
    if (u < 0.25) {
      return null;
    }
    String c = (4 + rnd.nextInt(60)) + " pages, " + rnd.nextInt(20) + " figures";
    if (u > 0.95) {
      c += "; code at " + link(rnd);
    } else if (u > 0.85) {
      c += "; accepted at " + Vocabulary.capitalize(words.nextContent(rnd)) + " "
          + (2000 + rnd.nextInt(27));
    }
    return c;
  }

  private static String journalRef(SplittableRandom rnd, int year) {
    return Taxonomy.JOURNALS.get(rnd.nextInt(Taxonomy.JOURNALS.size())) + " " + (1 + rnd.nextInt(120))
        + " (" + year + ") " + (1 + rnd.nextInt(9000));
  }

  private static String doi(SplittableRandom rnd) {
    return Taxonomy.DOI_PREFIXES.get(rnd.nextInt(Taxonomy.DOI_PREFIXES.size())) + "."
        + (1 + rnd.nextInt(120)) + "." + (100_000 + rnd.nextInt(900_000));
  }

  /**
   * Hard-wraps like arXiv: lines of at most {@code width} columns joined by {@code breakWith};
   * a \u0001 marker starts a new indented paragraph.
   */
  static String wrap(String text, int width, String lead, String breakWith, String tail) {
    StringBuilder out = new StringBuilder(text.length() + text.length() / width * 3 + 8);
    out.append(lead);
    int col = lead.length();
    boolean lineStart = true;
    for (String w : text.split(" ")) {
      if (!w.isEmpty() && w.charAt(0) == '\u0001') {
        out.append("\n  ");
        col = 2;
        lineStart = true;
        w = w.substring(1);
      }
      if (w.isEmpty()) {
        continue;
      }
      if (!lineStart && col + 1 + w.length() > width) {
        out.append(breakWith);
        col = breakWith.length() - 1;
        lineStart = true;
      }
      if (!lineStart) {
        out.append(' ');
        col++;
      }
      out.append(w);
      col += w.length();
      lineStart = false;
    }
    return out.append(tail).toString();
  }
}
