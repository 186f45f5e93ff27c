package org.paperindex.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.index.PaperIndex;

/**
 * Relevance regression tasks from {@code search/relevance.tasks}: each line is a query, a tab and
 * the id that must rank first over {@link SearchCorpus}. Changing boosts or analysis must keep
 * these passing (or the tasks must be revised on purpose).
 */
class RelevanceTasksTest {

  @TempDir static Path dir;
  static PaperIndex index;
  static SearchService search;

  @BeforeAll
  static void open() {
    index = SearchCorpus.open(dir);
    search = new SearchService(index, 10);
  }

  @AfterAll
  static void close() {
    search.close();
    index.close();
  }

  static Stream<Arguments> tasks() throws IOException {
    try (InputStream in = RelevanceTasksTest.class.getResourceAsStream("/search/relevance.tasks")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
      assertThat(lines).hasSizeGreaterThanOrEqualTo(10);
      return lines.stream().map(l -> l.split("\t")).map(p -> Arguments.of(p[0], p[1].strip()));
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("tasks")
  void expectedPaperRanksFirst(String query, String expectedTop) {
    SearchResponse r = search.search(SearchRequest.builder().q(query).size(3).build());
    assertThat(r.hits()).as(query).isNotEmpty();
    assertThat(r.hits().get(0).id()).as(query + " ranked " + r.hits()).isEqualTo(expectedTop);
  }
}
