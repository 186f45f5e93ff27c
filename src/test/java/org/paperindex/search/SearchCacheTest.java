package org.paperindex.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.index.PaperIndex;
import org.paperindex.model.Author;

/** The result cache answers repeats exactly as a fresh search would, and never serves stale data. */
class SearchCacheTest {
  @TempDir Path dir;

  @Test
  void cached_results_equal_fresh_ones_and_a_refresh_starts_over() {
    PaperIndex index = SearchCorpus.open(dir);
    SearchService cached = new SearchService(index, 50, 64);
    SearchService fresh = new SearchService(index, 50, 0);
    try {
      List<SearchRequest> requests = List.of(
          SearchRequest.builder().q("graph").build(),
          SearchRequest.builder().q("graph").page(2).size(3).build(), // same counts, other page
          SearchRequest.builder().q("graph").sort(SortOrder.SUBMITTED_ASC).highlight(false).build(),
          SearchRequest.builder().q("graph").category("math.CO").build(),
          SearchRequest.builder().category("cs.DM").build(),
          SearchRequest.builder().build());
      for (int round = 0; round < 3; round++) {
        for (SearchRequest r : requests) {
          assertThat(cached.search(r)).as("round %d: %s", round, r).isEqualTo(fresh.search(r));
        }
      }
      SearchResponse before = cached.search(requests.get(0));

      index.upsert(SearchCorpus.paper("2401.00002", "Graph colourings, fresh", "New.",
          List.of(Author.named("Nova Newcomer")), "math.CO", List.of("cs.DM"),
          LocalDate.of(2024, 1, 3), null));
      index.refresh();

      SearchResponse after = cached.search(requests.get(0));
      assertThat(after.total()).isEqualTo(before.total() + 1);
      for (SearchRequest r : requests) {
        assertThat(cached.search(r)).as("after refresh: %s", r).isEqualTo(fresh.search(r));
      }
      // a bad request is an error every time, never a cached answer
      SearchRequest bad = SearchRequest.builder().q("title:(").build();
      assertThatThrownBy(() -> cached.search(bad)).isInstanceOf(BadQueryException.class);
      assertThatThrownBy(() -> cached.search(bad)).isInstanceOf(BadQueryException.class);
    } finally {
      cached.close();
      fresh.close();
      index.close();
    }
  }
}
