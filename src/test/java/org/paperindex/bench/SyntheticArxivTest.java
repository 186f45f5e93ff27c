package org.paperindex.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paperindex.model.Paper;
import org.paperindex.parse.KaggleSnapshotParser;
import org.paperindex.parse.OaiPage;
import org.paperindex.parse.OaiPmhParser;

/** The generator: deterministic by seed, realistic field lengths, parseable by our own parsers. */
class SyntheticArxivTest {

  private static String jsonLines(long seed, long from, long count) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    KaggleJsonWriter.write(new SyntheticArxiv(seed), from, count, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void same_seed_same_bytes_other_seed_other_bytes() throws Exception {
    assertThat(jsonLines(7, 0, 300)).isEqualTo(jsonLines(7, 0, 300));
    assertThat(jsonLines(7, 0, 300)).isNotEqualTo(jsonLines(8, 0, 300));
    // record i depends only on (seed, i): a slice equals the same lines of the whole
    String whole = jsonLines(7, 0, 300);
    assertThat(whole).contains(jsonLines(7, 100, 50).strip());
  }

  @Test
  void records_have_realistic_lengths_and_parse() throws Exception {
    KaggleSnapshotParser parser = new KaggleSnapshotParser();
    SyntheticArxiv gen = new SyntheticArxiv(42);
    Set<String> ids = new HashSet<>();
    int n = 3_000, withMath = 0, withAff = 0, withDoi = 0, withLink = 0, multiVersion = 0, oldStyle = 0;
    long abstractWords = 0, authors = 0;
    for (String line : jsonLines(42, 0, n).split("\n")) {
      Paper p = parser.parseLine(line);
      assertThat(ids.add(p.id().value())).as("unique id %s", p.id()).isTrue();
      int titleWords = p.title().split(" ").length;
      assertThat(titleWords).isBetween(10, 19); // 10-15 words, a formula may add spaces
      int words = p.abstractText().split("\\s+").length;
      assertThat(words).isBetween(110, 230);
      abstractWords += words;
      assertThat(p.authors()).isNotEmpty().hasSizeLessThanOrEqualTo(1_000);
      authors += p.authors().size();
      assertThat(p.categories()).hasSizeBetween(1, 4);
      assertThat(p.year()).isBetween(1991, 2027);
      withMath += p.abstractText().contains("$") ? 1 : 0;
      withAff += p.authors().get(0).affiliations().isEmpty() ? 0 : 1;
      withDoi += p.doi() != null ? 1 : 0;
      withLink += (p.abstractText() + p.comments()).contains("https://") ? 1 : 0;
      multiVersion += p.versions().size() > 1 ? 1 : 0;
      oldStyle += p.id().oldStyle() ? 1 : 0;
    }
    assertThat(abstractWords / n).isBetween(140L, 180L);
    assertThat((double) authors / n).isBetween(2.5, 8.0);
    for (int share : List.of(withMath, withAff, withDoi, withLink, multiVersion, oldStyle)) {
      assertThat(share).isBetween(n / 50, n * 3 / 4); // present, but not everywhere
    }
  }

  /**
   * Common words are as common as in real abstracts: measured on the 284 real ones in the shared
   * fixtures (SyntheticVocabularyAcceptanceTest re-measures them), the most common indexed term
   * is in 76% of papers, the 10th in 25%, the 40th in 16%. Invented words at the top ranks,
   * where real text has function words the analyzer drops, gave 100%, 76% and 38%: searches on
   * "common" words then matched most of the index, which no real search does.
   */
  @Test
  void common_words_are_as_common_as_in_real_abstracts() {
    DocumentFrequencies df = generated(new SyntheticArxiv(42), 2_000);
    double[] real = {0.76, 0.25, 0.16};
    int[] ranks = {0, 9, 39};
    for (int i = 0; i < ranks.length; i++) {
      assertThat(df.share(ranks[i]) / real[i]).as("rank %d", ranks[i]).isBetween(0.6, 1.7);
    }
    // the searches of the bench use invented words, after the function words
    Vocabulary w = new SyntheticArxiv(42).words();
    assertThat(w.leading()).isEqualTo(SyntheticArxiv.FUNCTION_WORDS.size());
    assertThat(w.word(0)).isEqualTo("the");
    assertThat(SyntheticArxiv.FUNCTION_WORDS).doesNotContain(w.contentWord(0));
  }

  /**
   * A search for a common word matches author names about as rarely as in real papers: no name
   * is a word of the text, so only initials meet the text's single letters. Before names were
   * kept apart from the text's words, "u" was an author name in 17% of the papers.
   */
  @Test
  void common_words_are_not_author_names() {
    SyntheticArxiv gen = new SyntheticArxiv(42);
    Vocabulary words = gen.words();
    Vocabulary names = gen.names();
    for (int r = 0; r < names.size(); r++) {
      assertThat(words.contains(names.word(r))).as(names.word(r)).isFalse();
    }
    DocumentFrequencies text = generated(gen, 2_000);
    DocumentFrequencies authors = generatedAuthors(gen, 2_000);
    assertThat(authors.nameShare(text, 60)).isLessThan(0.01);
    // the names are still common enough to search: the most common is in over 1% of papers
    assertThat(authors.count(names.word(0).toLowerCase(java.util.Locale.ROOT)))
        .isGreaterThan(20);
  }

  @Test
  void no_invented_word_is_a_stop_word() {
    Vocabulary w = new SyntheticArxiv(42).words();
    for (int r = 0; r < w.size() - w.leading(); r++) {
      assertThat(org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET
          .contains(w.contentWord(r))).as(w.contentWord(r)).isFalse();
    }
  }

  /** The author names ("forenames keyname") of the first {@code papers} papers. */
  static DocumentFrequencies generatedAuthors(SyntheticArxiv gen, int papers) {
    DocumentFrequencies df = new DocumentFrequencies(org.paperindex.index.PaperSchema.AUTHORS);
    for (int i = 0; i < papers; i++) {
      StringBuilder names = new StringBuilder();
      for (List<String> a : gen.paper(i).authors()) {
        names.append(a.get(1)).append(' ').append(a.get(0)).append(", ");
      }
      df.add(names.toString());
    }
    return df;
  }

  static DocumentFrequencies generated(SyntheticArxiv gen, int papers) {
    DocumentFrequencies df = new DocumentFrequencies();
    for (int i = 0; i < papers; i++) {
      SyntheticPaper p = gen.paper(i);
      df.add(p.title() + " " + p.abstractText());
    }
    return df;
  }

  @Test
  void abstracts_are_wrapped_like_arxiv() {
    SyntheticPaper p = new SyntheticArxiv(1).paper(5);
    assertThat(p.abstractText()).startsWith("  ").endsWith("\n");
    for (String line : p.abstractText().split("\n")) {
      assertThat(line.length()).isLessThanOrEqualTo(80 + 40); // a long link may overhang
    }
    assertThat(p.title().replace("\n  ", " ")).doesNotContain("\n");
  }

  @Test
  void oai_pages_parse_with_the_real_parser_and_chain_by_token() throws Exception {
    SyntheticArxiv gen = new SyntheticArxiv(3);
    byte[] first = OaiPageWriter.page(gen, 0, 40, 100, Instant.parse("2026-01-02T03:04:05Z"));
    OaiPage page = new OaiPmhParser().parse(new ByteArrayInputStream(first));
    assertThat(page.records()).hasSize(40);
    assertThat(page.rejected()).isEmpty();
    assertThat(OaiPageWriter.tokenStart(page.resumptionToken())).isEqualTo(40);
    assertThat(page.records().get(0).paper().title())
        .isEqualTo(new KaggleSnapshotParser().parseLine(jsonLines(3, 0, 1).strip()).title());
    byte[] last = OaiPageWriter.page(gen, 80, 40, 100, Instant.now());
    OaiPage end = new OaiPmhParser().parse(new ByteArrayInputStream(last));
    assertThat(end.records()).hasSize(20);
    assertThat(end.resumptionToken()).isNull();
  }
}
