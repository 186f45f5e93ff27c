package org.paperindex.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.config.AppConfig.IndexConfig;
import org.paperindex.index.PaperIndex;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Author;
import org.paperindex.model.Institution;
import org.paperindex.model.Link;
import org.paperindex.model.Paper;
import org.paperindex.model.Source;

/** Search over the extraction fields: inst: (name or ROR id), aff:, hasCode/hasDataset, institution facet. */
class ExtractionSearchTest {
  @TempDir Path dir;
  private PaperIndex index;
  private SearchService search;

  private static final Institution TESTINGTON =
      new Institution("https://ror.org/0aaaaaa01", "University of Testington", "GB", "United Kingdom",
          0.98, Set.of(Source.OAI), List.of("Dept. of Physics, Univ. of Testington"));
  private static final Institution SPRINGFIELD =
      new Institution("https://ror.org/0aaaaaa02", "Springfield Institute of Technology", "US",
          "United States", 0.91, Set.of(Source.API), List.of("SIT, Springfield"));

  private static Paper paper(String id, String title, List<Institution> inst, List<Link> links) {
    return Paper.builder(ArxivId.parse(id))
        .title(title)
        .abstractText("We study " + title.toLowerCase())
        .addAuthor(new Author("Ada Quill", null, null, null,
            inst.stream().flatMap(i -> i.affiliations().stream()).toList()))
        .categories(List.of("cs.LG"))
        .submitted(java.time.LocalDate.of(2024, 1, 2))
        .institutions(inst)
        .links(links)
        .build();
  }

  @BeforeEach
  void build() {
    index = PaperIndex.open(dir, new IndexConfig(16, Duration.ofSeconds(1), Duration.ofSeconds(30)));
    index.upsert(paper("2401.00001", "Lattice folding", List.of(TESTINGTON),
        List.of(new Link("https://github.com/q/fold", "github.com", Link.CODE, true, Source.OAI))));
    index.upsert(paper("2401.00002", "Kite geometry", List.of(TESTINGTON, SPRINGFIELD),
        List.of(new Link("https://zenodo.org/records/7", "zenodo.org", Link.DATASET, true, Source.ABS))));
    index.upsert(paper("2401.00003", "Paper cranes", List.of(), List.of()));
    index.refresh();
    search = new SearchService(index, 100);
  }

  @AfterEach
  void close() {
    search.close();
    index.close();
  }

  private List<String> ids(SearchRequest r) {
    return search.search(r).hits().stream().map(SearchResponse.Hit::id).sorted().toList();
  }

  @Test
  void inst_matches_institution_names_and_ror_ids() {
    assertThat(ids(SearchRequest.of("inst:testington", 10))).containsExactly("2401.00001", "2401.00002");
    assertThat(ids(SearchRequest.of("inst:0aaaaaa02", 10))).containsExactly("2401.00002");
    assertThat(ids(SearchRequest.of("inst:\"https://ror.org/0aaaaaa02\"", 10))).containsExactly("2401.00002");
    assertThat(ids(SearchRequest.of("aff:\"Univ. of Testington\"", 10))).containsExactly("2401.00001", "2401.00002");
  }

  @Test
  void code_and_dataset_filters_and_institution_facet() {
    assertThat(ids(SearchRequest.builder().hasCode(true).build())).containsExactly("2401.00001");
    assertThat(ids(SearchRequest.builder().hasDataset(true).build())).containsExactly("2401.00002");
    assertThat(ids(SearchRequest.builder().institution("Springfield Institute of Technology").build()))
        .containsExactly("2401.00002");
    SearchResponse all = search.search(SearchRequest.builder().build());
    Map<String, Long> inst = all.facets().get("institution").stream()
        .collect(Collectors.toMap(SearchResponse.FacetValue::value, SearchResponse.FacetValue::count));
    assertThat(inst).containsEntry("University of Testington", 2L)
        .containsEntry("Springfield Institute of Technology", 1L);
    Map<String, Long> code = all.facets().get("hasCode").stream()
        .collect(Collectors.toMap(SearchResponse.FacetValue::value, SearchResponse.FacetValue::count));
    assertThat(code).containsEntry("true", 1L).containsEntry("false", 2L);
  }
}
