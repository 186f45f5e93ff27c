package org.paperindex.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.paperindex.index.PaperSchema;

/**
 * The share of texts each indexed term occurs in, after the schema's English analysis (stop
 * words dropped, stems), most common first: how broad a one-word search on a common word is.
 */
final class DocumentFrequencies {

  private final Map<String, Integer> df = new HashMap<>();
  private final String field;
  private int texts;

  /** Frequencies of abstract terms (titles and abstracts). */
  DocumentFrequencies() {
    this(PaperSchema.ABSTRACT);
  }

  /** Frequencies of terms as the schema analyses {@code field}. */
  DocumentFrequencies(String field) {
    this.field = field;
  }

  /** Adds one paper's text (title and abstract, or the field's text). */
  void add(String text) {
    Set<String> seen = new HashSet<>();
    try (TokenStream ts = PaperSchema.analyzer().tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        seen.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    seen.forEach(t -> df.merge(t, 1, Integer::sum));
    texts++;
  }

  /** The share of texts holding the term of this document-frequency rank (0: most common). */
  double share(int rank) {
    return df.values().stream().sorted((a, b) -> b - a).skip(rank).findFirst().orElse(0)
        / (double) texts;
  }

  /** The papers whose text holds {@code term}. */
  int count(String term) {
    return df.getOrDefault(term, 0);
  }

  /** The {@code n} most common terms longer than one letter, most common first. */
  java.util.List<String> topWords(int n) {
    return df.entrySet().stream().filter(e -> e.getKey().length() > 1)
        .sorted((a, b) -> b.getValue() - a.getValue()).limit(n).map(Map.Entry::getKey).toList();
  }

  /**
   * Of the papers holding one of the {@code n} most common words of {@code text}, counted word
   * by word, the share whose authors (these frequencies) hold the same word: how often a search
   * for a common word also matches author names. Single letters (initials) are left out.
   */
  double nameShare(DocumentFrequencies text, int n) {
    long inText = 0;
    long inNames = 0;
    for (String w : text.topWords(n)) {
      inText += text.count(w);
      inNames += count(w);
    }
    return inText == 0 ? 0 : inNames / (double) inText;
  }

  int texts() {
    return texts;
  }
}
