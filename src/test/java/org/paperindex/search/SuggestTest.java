package org.paperindex.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.index.PaperIndex;
import org.paperindex.model.Author;

class SuggestTest {

  @TempDir Path dir;
  PaperIndex index;
  SearchService search;

  @BeforeEach
  void open() {
    index = SearchCorpus.open(dir);
    search = new SearchService(index, 50, Duration.ZERO); // zero: rebuild on every change
  }

  @AfterEach
  void close() {
    search.close();
    index.close();
  }

  List<String> texts(String prefix) {
    return search.suggest(prefix, 10).stream().map(Suggestion::text).toList();
  }

  @Test
  void prefixesMatchTitleWordsAndAuthorNames() {
    assertThat(texts("hint")).contains("Geoffrey E. Hinton", "Geoffrey Hinton", "Gary Hinton",
        "Hinton diagrams for matrix visualisation");
    assertThat(texts("transformer lang")).containsExactlyInAnyOrder(
        "Transformer language models for code generation", "Scaling transformer language models");
    assertThat(texts("schrod")).contains("Erwin Schrödinger",
        "Schr\\\"odinger operators with $\\mathbb{Z}_2$ symmetry");
    assertThat(texts("x")).isEmpty(); // one character: no suggestions
    assertThat(texts("zzzz")).isEmpty();
  }

  @Test
  void suggestionsSayWhatTheyAreAndEscapeHighlights() {
    Suggestion author = search.suggest("pager", 5).get(0);
    assertThat(author).isEqualTo(new Suggestion("Pat Pager", "author", null, "Pat <mark>Pager</mark>"));
    Suggestion title = search.suggest("alert", 5).get(0);
    assertThat(title.kind()).isEqualTo("title");
    assertThat(title.id()).isEqualTo("2006.00004");
    assertThat(title.highlight()).startsWith("&lt;script&gt;<mark>alert</mark>").doesNotContain("<script>");
  }

  @Test
  void newPapersAppearAfterTheIndexRefreshes() {
    assertThat(texts("zebrafish")).isEmpty();
    index.upsert(SearchCorpus.paper("2402.00001", "Zebrafish fin regeneration", "Fins regrow.",
        List.of(Author.named("Zoe Zed")), "q-bio.TO", List.of(), LocalDate.of(2024, 2, 1), null));
    index.refresh();
    assertThat(texts("zebrafish")).containsExactly("Zebrafish fin regeneration");
    assertThat(texts("zoe z")).containsExactly("Zoe Zed");
  }

  @Test
  void badSuggestParameters() {
    assertThatThrownBy(() -> search.suggest("ab", 0)).isInstanceOf(BadQueryException.class)
        .hasMessage("size must be between 1 and 50, got 0");
    assertThatThrownBy(() -> search.suggest("a".repeat(201), 5))
        .hasMessageContaining("prefix is too long");
  }

  @Test
  void aSuggesterWarmedOnAnEmptyIndexIsRebuiltAsSoonAsPapersArrive(@TempDir Path empty) throws Exception {
    // serve warms the suggester at start; on a new install that is before the first harvest
    try (PaperIndex fresh = PaperIndex.open(empty,
        new org.paperindex.config.AppConfig.IndexConfig(16, Duration.ofSeconds(1), Duration.ofSeconds(30)))) {
      SearchService slow = new SearchService(fresh, 50, Duration.ofMinutes(10));
      try {
        slow.warmUp();
        assertThat(slow.suggest("orig", 5)).isEmpty();
        // until the background first build is there lookups answer nothing by design; what
        // this test is about is the copy of the empty index that warm-up leaves behind
        slow.suggesterBuilt().get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(slow.suggest("orig", 5)).isEmpty();
        fresh.upsert(org.paperindex.store.TestPapers.simple(
            "2403.00012", "Origami of proofs", "Ada Quill", "math.CO", 2024));
        fresh.refresh();
        assertThat(slow.suggest("orig", 5)).extracting(Suggestion::text).contains("Origami of proofs");
      } finally {
        slow.close();
      }
    }
  }
}
