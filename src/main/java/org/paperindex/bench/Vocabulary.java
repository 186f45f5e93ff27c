package org.paperindex.bench;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A fixed set of invented words drawn with Zipf-like frequencies, so synthetic text has the long
 * tail of a real vocabulary (a few very common terms, tens of thousands of rare ones).
 */
public final class Vocabulary {

  private static final String[] ONSETS = {
    "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "cr",
    "dr", "fl", "gr", "pl", "pr", "qu", "sc", "sp", "st", "str", "th", "tr", "ch", "sh", "ph", ""
  };
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ae", "io", "ou", "y", "ea"};
  private static final String[] CODAS = {"", "", "", "n", "r", "s", "l", "m", "x", "nt", "st", "rk"};

  private final String[] words;
  private final double[] cumulative;

  /** {@code size} distinct words from {@code seed}, frequency of rank r proportional to 1/r^s. */
  public Vocabulary(long seed, int size, double exponent) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Set<String> seen = new HashSet<>(size * 2);
    words = new String[size];
    int n = 0;
    while (n < size) {
      String w = word(rnd);
      if (seen.add(w)) {
        words[n++] = w;
      }
    }
    // shorter words first: in real text the frequent words are the short ones
    Arrays.sort(words, (a, b) -> a.length() != b.length() ? a.length() - b.length() : a.compareTo(b));
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

  /** The word of this frequency rank (0 is the most frequent). */
  public String word(int rank) {
    return words[rank];
  }

  /** A word drawn by Zipf frequency. */
  public String next(SplittableRandom rnd) {
    return words[rank(rnd)];
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
