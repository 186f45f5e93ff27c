package org.paperindex.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.function.IntFunction;

/**
 * The fixed mix of typical API searches for the HTTP benchmark (free text of common to rare
 * content words, the words after the generator's function words; phrases, fielded {@code
 * ti:}/{@code au:} queries, category filters, year ranges, a category browse), each with the default facets and highlights, and random paper ids for
 * detail requests; everything derives from the generator, so it fits the imported records.
 */
final class QueryMix {

  private QueryMix() {}

  /** One search as raw API parameters (name to values, in order). */
  record Search(Map<String, List<String>> params) {
    /** The query string of {@code GET /api/search}. */
    String queryString() {
      StringJoiner j = new StringJoiner("&");
      params.forEach((k, vs) -> vs.forEach(v ->
          j.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
      return j.toString();
    }

    @Override
    public String toString() {
      return queryString();
    }
  }

  /** The searches for an index built from {@code gen}'s first {@code records} records. */
  static List<Search> searches(SyntheticArxiv gen, long records) {
    Vocabulary v = gen.words();
    IntFunction<String> w = v::contentWord; // nobody searches for "the" or "we"
    Vocabulary n = gen.names();
    String author = surname(gen.paper(1).authors().get(0));
    String author2 = surname(gen.paper(Math.min(records - 1, 5)).authors().get(0));
    List<Search> s = new ArrayList<>();
    s.add(q(w.apply(3)));
    s.add(q(w.apply(40)));
    s.add(q(w.apply(400)));
    s.add(q(w.apply(4_000)));
    s.add(q(w.apply(20) + " " + w.apply(300)));
    s.add(q(w.apply(100) + " " + w.apply(1_000) + " " + w.apply(5_000)));
    s.add(q("\"" + w.apply(10) + " " + w.apply(11) + "\""));
    s.add(q("ti:" + w.apply(60)));
    s.add(q("ti:" + w.apply(600)));
    s.add(q("au:" + author));
    s.add(q("au:" + author2 + " AND ti:" + w.apply(30)));
    s.add(q("au:" + n.word(30)));
    s.add(q(w.apply(50), "category", "cs.LG"));
    s.add(q(w.apply(200), "category", "hep-th"));
    s.add(q(w.apply(70), "year", "2015-2020"));
    s.add(q(w.apply(500), "year", "2010-2012", "category", "quant-ph"));
    s.add(q("au:" + n.word(100), "year", "2000-2026"));
    s.add(q("", "category", "cs.LG"));
    s.add(q("")); // a front page: the newest papers with the facets of everything
    s.add(q(w.apply(30) + " OR " + w.apply(800)));
    s.add(q("ti:" + w.apply(90) + " AND abs:" + w.apply(900)));
    return s;
  }

  /** Autocomplete prefixes (2-4 letters of common to rare words and a surname). */
  static List<String> prefixes(SyntheticArxiv gen) {
    Vocabulary w = gen.words();
    List<String> p = new ArrayList<>();
    for (int rank : new int[] {5, 50, 500, 5_000}) {
      String word = w.contentWord(rank);
      p.add(word.substring(0, Math.min(word.length(), 2 + rank % 3)));
    }
    String name = gen.names().word(20);
    p.add(name.substring(0, Math.min(name.length(), 3)));
    return p;
  }

  /** {@code count} ids drawn uniformly from the first {@code records} records. */
  static List<String> ids(SyntheticArxiv gen, long records, int count, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(gen.paper(rnd.nextLong(records)).id());
    }
    return ids;
  }

  /** A generated author is Kaggle's {@code [surname, given names, suffix]}. */
  private static String surname(List<String> nameParts) {
    return nameParts.get(0);
  }

  private static Search q(String text, String... more) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("q", List.of(text));
    for (int i = 0; i + 1 < more.length; i += 2) {
      p.put(more[i], List.of(more[i + 1]));
    }
    return new Search(p);
  }
}
