package org.paperindex.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.index.PaperIndex;
import org.paperindex.model.Author;

/** The unfiltered browse answered from per-searcher cached counts equals a fresh count. */
class UnfilteredFacetCacheTest {
  @TempDir Path dir;

  @Test
  void cached_counts_equal_fresh_counts_before_and_after_a_new_paper() {
    PaperIndex index = SearchCorpus.open(dir);
    SearchService cached = new SearchService(index, 50);
    SearchService fresh = new SearchService(index, 50, SearchService.SUGGEST_MAX_AGE, false);
    try {
      List<SearchRequest> browses = List.of(
          SearchRequest.builder().size(5).build(),
          SearchRequest.builder().q("*").size(3).page(2).build(),
          SearchRequest.builder().q("*:*").facetSize(2).facets(List.of("year", "category")).build(),
          SearchRequest.builder().sort(SortOrder.SUBMITTED_ASC).highlight(false).build());
      for (SearchRequest r : browses) {
        assertThat(cached.search(r)).isEqualTo(fresh.search(r));
        assertThat(cached.search(r)).isEqualTo(fresh.search(r)); // second call: from the cache
      }
      SearchResponse before = cached.search(browses.get(0));

      index.upsert(SearchCorpus.paper("2401.00001", "A new paper on graphs", "Fresh counts.",
          List.of(Author.named("Nova Newcomer")), "math.CO", List.of("cs.DM"),
          LocalDate.of(2024, 1, 2), null));
      index.refresh();

      SearchResponse after = cached.search(browses.get(0));
      assertThat(after.total()).isEqualTo(before.total() + 1);
      assertThat(after.hits().get(0).id()).isEqualTo("2401.00001");
      assertThat(FacetCount.of(after, "year", "2024")).isEqualTo(1);
      assertThat(FacetCount.of(after, "category", "math.CO"))
          .isEqualTo(FacetCount.of(before, "category", "math.CO") + 1);
      for (SearchRequest r : browses) {
        assertThat(cached.search(r)).isEqualTo(fresh.search(r));
      }
      // filtered requests never take the cached path: they still narrow the counts
      SearchRequest filtered = SearchRequest.builder().category("cs.DM").build();
      assertThat(cached.search(filtered)).isEqualTo(fresh.search(filtered));
      assertThat(cached.search(filtered).total()).isLessThan(after.total());
    } finally {
      cached.close();
      fresh.close();
      index.close();
    }
  }

  /** Reads one facet count (0 when the value is not among the top values). */
  private static final class FacetCount {
    static long of(SearchResponse r, String dim, String value) {
      return r.facets().get(dim).stream().filter(v -> v.value().equals(value))
          .mapToLong(SearchResponse.FacetValue::count).findFirst().orElse(0);
    }
  }
}
