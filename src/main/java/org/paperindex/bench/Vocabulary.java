package org.paperindex.bench;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * A fixed set of words drawn with Zipf-like frequencies, so synthetic text has the long tail of a
 * real vocabulary (a few very common terms, tens of thousands of rare ones). The top ranks can be
 * given real words ({@code leading}: English function words, as in real text); the rest are
 * invented, and never an English stop word, so no invented word vanishes in analysis.
 */
public final class Vocabulary {

  private static final String[] ONSETS = {
    "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "cr",
    "dr", "fl", "gr", "pl", "pr", "qu", "sc", "sp", "st", "str", "th", "tr", "ch", "sh", "ph", ""
  };
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ae", "io", "ou", "y", "ea"};
  private static final String[] CODAS = {"", "", "", "n", "r", "s", "l", "m", "x", "nt", "st", "rk"};

  private final String[] words;
  private final int leading;
  private final double[] cumulative;
  private final Set<String> index;

  /** {@code size} distinct invented words from {@code seed}, frequency of rank r proportional to 1/r^s. */
  public Vocabulary(long seed, int size, double exponent) {
    this(seed, size, exponent, List.of());
  }

  /** As above, with {@code leading} taking ranks 0, 1, ... in their order. */
  public Vocabulary(long seed, int size, double exponent, List<String> leading) {
    this(seed, size, exponent, leading, null);
  }

  /**
   * As above, with none of the words of {@code disjointFrom} (author names apart from the words
   * of the text: in real papers the common words of abstracts are nobody's name).
   */
  public Vocabulary(long seed, int size, double exponent, List<String> leading,
      Vocabulary disjointFrom) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Set<String> seen = new HashSet<>(leading);
    if (seen.size() != leading.size() || leading.size() >= size) {
      throw new IllegalArgumentException("leading words must be distinct and fewer than " + size);
    }
    this.leading = leading.size();
    words = new String[size];
    int n = this.leading;
    while (n < size) {
      String w = word(rnd);
      if (!EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w)
          && (disjointFrom == null || !disjointFrom.contains(w)) && seen.add(w)) {
        words[n++] = w;
      }
    }
    // shorter words first: in real text the frequent words are the short ones
    Arrays.sort(words, this.leading, size,
        (a, b) -> a.length() != b.length() ? a.length() - b.length() : a.compareTo(b));
    for (int i = 0; i < this.leading; i++) {
      words[i] = leading.get(i);
    }
    index = new HashSet<>(Arrays.asList(words));
    cumulative = new double[size];
    double sum = 0;
    for (int r = 0; r < size; r++) {
      sum += 1.0 / Math.pow(r + 1, exponent);
      cumulative[r] = sum;
    }
    for (int r = 0; r < size; r++) {
      cumulative[r] /= sum;
    }
  }

  private static String word(SplittableRandom rnd) {
    StringBuilder sb = new StringBuilder();
    int syllables = 1 + rnd.nextInt(4);
    for (int i = 0; i < syllables; i++) {
      sb.append(ONSETS[rnd.nextInt(ONSETS.length)]).append(VOWELS[rnd.nextInt(VOWELS.length)]);
    }
    sb.append(CODAS[rnd.nextInt(CODAS.length)]);
    return sb.toString();
  }

  /** Number of words. */
  public int size() {
    return words.length;
  }

  /** How many of the top ranks are the given leading words. */
  public int leading() {
    return leading;
  }

  /** The invented word of rank {@code rank} among the invented words (after the leading ones). */
  public String contentWord(int rank) {
    return words[leading + rank];
  }

  /** Whether {@code w} is one of the words. */
  public boolean contains(String w) {
    return index.contains(w);
  }

  /** The word of this frequency rank (0 is the most frequent). */
  public String word(int rank) {
    return words[rank];
  }

  /** A word drawn by Zipf frequency. */
  public String next(SplittableRandom rnd) {
    return words[rank(rnd)];
  }

  /** An invented word drawn by Zipf frequency (names, links: no function word). */
  public String nextContent(SplittableRandom rnd) {
    int r;
    do {
      r = rank(rnd);
    } while (r < leading);
    return words[r];
  }

  /** A frequency rank drawn by Zipf frequency. */
  public int rank(SplittableRandom rnd) {
    int i = Arrays.binarySearch(cumulative, rnd.nextDouble());
    return Math.min(words.length - 1, i >= 0 ? i : -i - 1);
  }

  /** A word with its first letter upper-cased (names, sentence starts). */
  public static String capitalize(String w) {
    return w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
  }
}
