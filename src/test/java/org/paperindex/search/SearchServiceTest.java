package org.paperindex.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.config.AppConfig.IndexConfig;
import org.paperindex.index.PaperIndex;
import org.paperindex.model.Author;
import org.paperindex.model.Paper;
import org.paperindex.search.SearchResponse.Hit;
import org.paperindex.store.TestPapers;

class SearchServiceTest {

  @TempDir static Path dir;
  static PaperIndex index;
  static SearchService search;

  @BeforeAll
  static void buildIndex() {
    index = PaperIndex.open(dir, new IndexConfig(16, Duration.ofSeconds(1), Duration.ofSeconds(30)));
    index.upsert(TestPapers.full()); // 2101.00001, Schrödinger, quant-ph + cs.IR, 2021
    index.upsert(TestPapers.simple("hep-th/9901001", "Strings on branes", "Edward Witten", "hep-th", 1999));
    index.upsert(Paper.builder(TestPapers.id("2101.00002")).version(1).title("Neural retrieval models")
        .abstractText("Dense passage retrieval with transformers.")
        .addAuthor(Author.named("Ada Lovelace")).categories(List.of("cs.IR", "cs.CL"))
        .comments("accepted at SIGIR").doi("10.5555/ABC").submitted(LocalDate.of(2021, 1, 2)).build());
    for (int i = 10; i < 35; i++) {
      index.upsert(TestPapers.simple("2203.000" + i, "Paging paper " + i, "Pat Pager", "math.AG", 2022));
    }
    index.upsert(TestPapers.stub("2301.00001"));
    index.refresh();
    search = new SearchService(index, 20);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static List<String> ids(String q) {
    return search.search(new SearchRequest(q, 20, 1)).hits().stream().map(Hit::id).toList();
  }

  @Test
  void freeTextUsesStemmingAndAndOperator() {
    assertThat(ids("retrieving")).containsExactlyInAnyOrder("2101.00001", "2101.00002");
    assertThat(ids("retrieval transformers")).containsExactly("2101.00002");
  }

  @Test
  void fieldedQueries() {
    assertThat(ids("ti:branes")).containsExactly("hep-th/9901001");
    assertThat(ids("au:witten")).containsExactly("hep-th/9901001");
    assertThat(ids("abs:passage")).containsExactly("2101.00002");
    assertThat(ids("co:SIGIR")).containsExactly("2101.00002");
    assertThat(ids("cat:cs.IR")).containsExactlyInAnyOrder("2101.00001", "2101.00002");
    assertThat(ids("cat:hep-th")).containsExactly("hep-th/9901001");
    assertThat(ids("doi:10.5555/abc")).containsExactly("2101.00002");
    assertThat(ids("id:hep-th/9901001")).containsExactly("hep-th/9901001");
    assertThat(ids("id:2101.00002v3")).containsExactly("2101.00002");
    assertThat(ids("cat:cs.IR AND NOT au:lovelace")).containsExactly("2101.00001");
  }

  @Test
  void authorNamesAreAccentFolded() {
    assertThat(ids("au:schrodinger")).containsExactly("2101.00001");
    assertThat(ids("au:Schrödinger")).containsExactly("2101.00001");
    assertThat(ids("schrodinger")).containsExactly("2101.00001");
  }

  @Test
  void hitsCarryDisplayFields() {
    Hit h = search.search(new SearchRequest("au:schrodinger", 5, 1)).hits().get(0);
    assertThat(new Hit(h.id(), h.title(), h.authors(), h.year(), h.primaryCategory()))
        .isEqualTo(new Hit("2101.00001", "Quantum retrieval of entangled states",
        List.of("Erwin Schrödinger", "Paul A. M. Dirac", "ATLAS Collaboration"), 2021, "quant-ph"));
    assertThat(h.categories()).containsExactly("quant-ph", "cs.IR");
  }

  @Test
  void matchAllIsNewestFirstAndSkipsStubs() {
    SearchResponse all = search.search(new SearchRequest("", 20, 1));
    assertThat(all.total()).isEqualTo(28);
    assertThat(all.hits().get(0).year()).isEqualTo(2022);
    assertThat(search.search(new SearchRequest("*", 20, 2)).hits().get(7).id()).isEqualTo("hep-th/9901001");
    assertThat(search.search(new SearchRequest(null, 1, 1)).total()).isEqualTo(28);
    // the whole browse, down to the undated papers at the end: every paper, never the stub
    List<String> every = java.util.stream.Stream.of(1, 2)
        .flatMap(page -> search.search(new SearchRequest("", 20, page)).hits().stream())
        .map(SearchResponse.Hit::id).toList();
    assertThat(every).hasSize(28).doesNotContain("2301.00001");
  }

  @Test
  void frontPageKeepsAPaperWhoseTitleIsAllStopWords(@TempDir Path own) {
    // the front page is "papers with an indexed title": a title the analyzer reduces to nothing
    // must still count as one (Lucene records its norms), a stub must not
    try (PaperIndex idx = PaperIndex.open(own,
        new IndexConfig(16, Duration.ofSeconds(1), Duration.ofSeconds(30)))) {
      idx.upsert(TestPapers.simple("2401.00001", "The Of And", "Ann Author", "cs.LG", 2024));
      idx.upsert(TestPapers.simple("2401.00002", "Graph signal processing", "Bo Author", "cs.LG", 2023));
      idx.upsert(TestPapers.stub("2401.00003"));
      idx.refresh();
      SearchService svc = new SearchService(idx, 20);
      try {
        SearchResponse all = svc.search(new SearchRequest("", 20, 1));
        assertThat(all.hits()).extracting(Hit::id).containsExactly("2401.00001", "2401.00002");
        assertThat(all.total()).isEqualTo(2);
      } finally {
        svc.close();
      }
    }
  }

  @Test
  void paging() {
    SearchResponse p1 = search.search(new SearchRequest("ti:paging", 10, 1));
    SearchResponse p3 = search.search(new SearchRequest("ti:paging", 10, 3));
    SearchResponse p4 = search.search(new SearchRequest("ti:paging", 10, 4));
    assertThat(p1.total()).isEqualTo(25);
    assertThat(p1.hits()).hasSize(10);
    assertThat(p3.hits()).hasSize(5);
    assertThat(p4.hits()).isEmpty();
    assertThat(p4.total()).isEqualTo(25);
  }

  @Test
  void bareIdLookupInEveryForm() {
    assertThat(ids("hep-th/9901001")).containsExactly("hep-th/9901001");
    assertThat(ids("arXiv:2101.00001v2")).containsExactly("2101.00001");
    assertThat(ids("https://arxiv.org/abs/2101.00002")).containsExactly("2101.00002");
    assertThat(ids("2301.00001")).containsExactly("2301.00001"); // stubs are found by id
    assertThat(ids("2999.99999")).isEmpty();
    assertThat(search.paper(TestPapers.id("2101.00001"))).contains(TestPapers.full());
  }

  @Test
  void badQueriesSayWhatIsWrong() {
    assertThatThrownBy(() -> ids("title:(unclosed"))
        .isInstanceOf(BadQueryException.class)
        .hasMessageStartingWith("cannot parse query 'title:(unclosed'")
        .hasMessageContaining("unclosed '('")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> ids("\"open phrase")).hasMessageContaining("unclosed '\"'");
    assertThatThrownBy(() -> ids("au:smith )")).hasMessageContaining("unexpected input at column 9");
    assertThatThrownBy(() -> ids("foo:bar"))
        .isInstanceOf(BadQueryException.class)
        .hasMessageContaining("unknown field 'foo:'");
    assertThatThrownBy(() -> ids("paper:x")).hasMessageContaining("unknown field 'paper:'");
    assertThatThrownBy(() -> ids("id:notanid")).hasMessageContaining("not an arXiv identifier");
    assertThatThrownBy(() -> ids("*foo")).isInstanceOf(BadQueryException.class);
    assertThatThrownBy(() -> ids("a AND")).isInstanceOf(BadQueryException.class);
  }

  @Test
  void badPagingIsRejected() {
    assertThatThrownBy(() -> search.search(new SearchRequest("x", 0, 1)))
        .isInstanceOf(BadQueryException.class).hasMessage("size must be between 1 and 20, got 0");
    assertThatThrownBy(() -> search.search(new SearchRequest("x", 21, 1)))
        .isInstanceOf(BadQueryException.class).hasMessageContaining("between 1 and 20");
    assertThatThrownBy(() -> search.search(new SearchRequest("x", 10, 0)))
        .isInstanceOf(BadQueryException.class).hasMessage("page must be 1 or more, got 0");
    assertThatThrownBy(() -> search.search(new SearchRequest("x", 20, 501)))
        .isInstanceOf(BadQueryException.class).hasMessageContaining("beyond result 10000");
    assertThat(search.search(new SearchRequest("x", 20, 500)).hits()).isEmpty();
    assertThatThrownBy(() -> search.search(new SearchRequest("x".repeat(3000), 20, 1)))
        .isInstanceOf(BadQueryException.class).hasMessageContaining("too long");
  }

  @Test
  void badQueryExceptionIsAnIllegalArgumentException() {
    assertThat(new BadQueryException("x")).isInstanceOf(IllegalArgumentException.class);
  }
}
