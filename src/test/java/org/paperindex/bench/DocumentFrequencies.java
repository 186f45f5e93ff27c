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
  private int texts;

  /** Adds one paper's text (title and abstract). */
  void add(String text) {
    Set<String> seen = new HashSet<>();
    try (TokenStream ts = PaperSchema.analyzer().tokenStream(PaperSchema.ABSTRACT, text)) {
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

  int texts() {
    return texts;
  }
}
