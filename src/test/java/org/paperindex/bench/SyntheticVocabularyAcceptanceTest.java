package org.paperindex.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.paperindex.SharedData;

/**
 * The generator's common words against real abstracts (the Kaggle snapshot lines and the OAI-PMH
 * pages in ../shared, only with -Pacceptance): the documents-per-term profile of the most common
 * indexed terms, which sets how broad the bench's searches on common words are.
 */
@Tag("acceptance")
class SyntheticVocabularyAcceptanceTest {

  private static final Pattern ABSTRACT = Pattern.compile("<abstract>(.*?)</abstract>", Pattern.DOTALL);

  @Test
  void generated_text_has_the_term_frequencies_of_real_abstracts() throws IOException {
    Path fixtures = SharedData.dir("fixtures").resolve("fixtures");
    DocumentFrequencies real = new DocumentFrequencies();
    for (JsonNode n : snapshot(fixtures)) {
      real.add(text(n));
    }
    for (Path f : files(fixtures.resolve("oai-pmh"), ".xml")) {
      Matcher m = ABSTRACT.matcher(Files.readString(f));
      while (m.find()) {
        real.add(m.group(1));
      }
    }
    assertThat(real.texts()).as("real abstracts found").isGreaterThan(100);
    DocumentFrequencies synthetic = SyntheticArxivTest.generated(new SyntheticArxiv(42), 2_000);
    for (int rank : new int[] {0, 4, 9, 19, 39}) {
      assertThat(synthetic.share(rank) / real.share(rank))
          .as("rank %d: synthetic %.2f, real %.2f", rank, synthetic.share(rank), real.share(rank))
          .isBetween(0.6, 1.7);
    }
  }

  /**
   * Real author names hold the common words of abstracts about as rarely as generated ones: in
   * the Kaggle lines, of the papers with one of the 60 most common words (longer than a letter),
   * well under 5% have it in an author's name too; generated papers stay below that.
   */
  @Test
  void common_words_are_author_names_as_rarely_as_in_real_papers() throws IOException {
    Path fixtures = SharedData.dir("fixtures").resolve("fixtures");
    DocumentFrequencies text = new DocumentFrequencies();
    DocumentFrequencies authors = new DocumentFrequencies(org.paperindex.index.PaperSchema.AUTHORS);
    for (JsonNode n : snapshot(fixtures)) {
      text.add(text(n));
      StringBuilder names = new StringBuilder();
      for (JsonNode a : n.path("authors_parsed")) {
        names.append(a.path(1).asText()).append(' ').append(a.path(0).asText()).append(", ");
      }
      authors.add(names.toString());
    }
    assertThat(text.texts()).as("real papers with authors").isGreaterThan(100);
    double real = authors.nameShare(text, 60);
    assertThat(real).as("real share").isLessThan(0.05);
    SyntheticArxiv gen = new SyntheticArxiv(42);
    double synthetic = SyntheticArxivTest.generatedAuthors(gen, 2_000)
        .nameShare(SyntheticArxivTest.generated(gen, 2_000), 60);
    assertThat(synthetic).as("synthetic share (real %.3f)", real).isLessThan(Math.max(0.05, real));
  }

  /** The papers of the Kaggle snapshot lines in the fixtures. */
  private static List<JsonNode> snapshot(Path fixtures) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> papers = new java.util.ArrayList<>();
    for (Path f : files(fixtures.resolve("snapshot"), ".jsonl")) {
      for (String line : Files.readAllLines(f)) {
        if (!line.isBlank()) {
          papers.add(json.readTree(line));
        }
      }
    }
    return papers;
  }

  private static String text(JsonNode paper) {
    return paper.path("title").asText() + " " + paper.path("abstract").asText();
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }
}
