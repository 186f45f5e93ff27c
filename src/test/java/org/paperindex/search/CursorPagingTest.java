package org.paperindex.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.index.PaperIndex;
import org.paperindex.model.Author;
import org.paperindex.search.SearchResponse.Hit;

/**
 * Cursor semantics: a cursor is a position in the sort order (sort values + paper id), not a
 * snapshot. Paging with it never repeats or skips a paper that existed throughout; a paper added
 * meanwhile appears if it sorts after the position reached, and not otherwise.
 */
class CursorPagingTest {

  @TempDir Path dir;
  PaperIndex index;
  SearchService search;

  @BeforeEach
  void open() {
    index = SearchCorpus.open(dir);
    search = new SearchService(index, 50);
  }

  @AfterEach
  void close() {
    search.close();
    index.close();
  }

  List<String> pageByPage(SearchRequest.Builder b, int size) {
    List<String> all = new ArrayList<>();
    for (int page = 1; ; page++) {
      List<Hit> hits = search.search(b.size(size).page(page).cursor(null).build()).hits();
      if (hits.isEmpty()) {
        return all;
      }
      hits.forEach(h -> all.add(h.id()));
    }
  }

  List<String> byCursor(SearchRequest.Builder b, int size, Runnable betweenPages) {
    List<String> all = new ArrayList<>();
    String cursor = null;
    do {
      SearchResponse r = search.search(b.size(size).page(1).cursor(cursor).build());
      r.hits().forEach(h -> all.add(h.id()));
      cursor = r.nextCursor();
      betweenPages.run();
    } while (cursor != null);
    return all;
  }

  @Test
  void cursorPagingEqualsPageByPageForEverySort() {
    for (SortOrder o : SortOrder.values()) {
      SearchRequest.Builder b = SearchRequest.builder().q("graph OR neural OR retrieval").sort(o);
      List<String> pages = pageByPage(b, 4);
      List<String> cursor = byCursor(b, 4, () -> { });
      assertThat(cursor).as(o.param()).isEqualTo(pages).doesNotHaveDuplicates();
      assertThat(cursor).hasSize((int) search.search(b.size(1).build()).total());
    }
    List<String> everything = byCursor(SearchRequest.builder(), 7, () -> { });
    assertThat(everything).doesNotHaveDuplicates()
        .hasSize((int) search.search(SearchRequest.builder().build()).total());
  }

  @Test
  void lastPageHasNoNextCursor() {
    SearchResponse r = search.search(SearchRequest.builder().q("ti:dropout").build());
    assertThat(r.hits()).hasSize(1);
    assertThat(r.nextCursor()).isNull();
    SearchResponse first = search.search(SearchRequest.builder().q("ti:colouring").size(20).build());
    assertThat(first.nextCursor()).isNull(); // exactly 20 colouring papers: no empty extra page
  }

  @Test
  void papersAddedBetweenPagesNeitherDuplicateNorHideOthers() {
    SearchRequest.Builder b = SearchRequest.builder().q("ti:graph").sort(SortOrder.SUBMITTED_DESC);
    List<String> before = pageByPage(b, 3);
    int[] n = {0};
    List<String> seen = byCursor(b, 3, () -> {
      n[0]++;
      // one paper newer than everything (before the cursor: not shown) and one older (shown)
      index.upsert(SearchCorpus.paper("2401.0" + (1000 + n[0]), "Graph late newcomer " + n[0],
          "x", List.of(Author.named("New Comer")), "math.CO", List.of(), LocalDate.of(2024, 1, n[0]), null));
      index.upsert(SearchCorpus.paper("1801.0" + (1000 + n[0]), "Graph old newcomer " + n[0],
          "x", List.of(Author.named("Old Comer")), "math.CO", List.of(), LocalDate.of(2018, 1, n[0]), null));
      index.refresh();
    });
    assertThat(seen).doesNotHaveDuplicates().containsSubsequence(before);
    assertThat(seen).noneMatch(id -> id.startsWith("2401."));
    assertThat(seen).anyMatch(id -> id.startsWith("1801."));
    Set<String> expected = new LinkedHashSet<>(before);
    assertThat(seen).containsAll(expected);
  }

  @Test
  void tamperedOrForeignCursorsAreRefused() {
    SearchRequest.Builder b = SearchRequest.builder().q("ti:graph").size(5);
    String cursor = search.search(b.build()).nextCursor();
    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    byte[] raw = Base64.getUrlDecoder().decode(cursor);
    raw[8] ^= 1;
    String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    assertThatThrownBy(() -> search.search(b.cursor(tampered).build()))
        .isInstanceOf(BadQueryException.class).hasMessageContaining("invalid cursor: it is damaged or was altered");
    assertThatThrownBy(() -> search.search(b.cursor("not*base64").build()))
        .hasMessageContaining("invalid cursor: it is not URL-safe base64");
    assertThatThrownBy(() -> search.search(b.cursor("AAAA").build()))
        .hasMessageContaining("invalid cursor");
    assertThatThrownBy(() -> search.search(SearchRequest.builder().q("ti:neural").cursor(cursor).build()))
        .hasMessageContaining("cursor belongs to another query");
    assertThatThrownBy(() -> search.search(SearchRequest.builder().q("ti:graph")
        .sort(SortOrder.SUBMITTED_ASC).cursor(cursor).build()))
        .hasMessageContaining("cursor was made for another sort");
  }
}
