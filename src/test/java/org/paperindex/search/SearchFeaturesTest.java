package org.paperindex.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.index.PaperIndex;
import org.paperindex.search.SearchResponse.FacetValue;
import org.paperindex.search.SearchResponse.Hit;
import org.paperindex.store.TestPapers;

class SearchFeaturesTest {

  @TempDir static Path dir;
  static PaperIndex index;
  static SearchService search;

  @BeforeAll
  static void open() {
    index = SearchCorpus.open(dir);
    search = new SearchService(index, 50);
  }

  @AfterAll
  static void close() {
    search.close();
    index.close();
  }

  static SearchResponse run(SearchRequest.Builder b) {
    return search.search(b.size(50).build());
  }

  static List<String> ids(String q) {
    return ids(SearchRequest.builder().q(q));
  }

  static List<String> ids(SearchRequest.Builder b) {
    return run(b).hits().stream().map(Hit::id).toList();
  }

  static List<String> reverse(List<String> l) {
    List<String> r = new java.util.ArrayList<>(l);
    java.util.Collections.reverse(r);
    return r;
  }

  static Map<String, Long> counts(SearchResponse r, String dim) {
    return r.facets().get(dim).stream().collect(
        java.util.stream.Collectors.toMap(FacetValue::value, FacetValue::count));
  }

  @Test
  void authorInitialsMatchFullForenames() {
    assertThat(ids("au:\"Hinton G\"")).containsExactlyInAnyOrder("1901.00001", "1902.00002", "1903.00003");
    assertThat(ids("au:\"G Hinton\"")).containsExactlyInAnyOrder("1901.00001", "1902.00002", "1903.00003");
    assertThat(ids("au:\"G. E. Hinton\"")).containsExactly("1901.00001");
    assertThat(ids("au:\"Hinton, G. E.\"")).containsExactly("1901.00001");
    assertThat(ids("au:\"Geoffrey Hinton\"")).containsExactlyInAnyOrder("1901.00001", "1902.00002");
    assertThat(ids("au:\"J. van der Waals\"")).containsExactly("1905.00014");
    assertThat(ids("au:\"E Schrodinger\"")).containsExactly("2101.00001");
    assertThat(ids("au:\"Y Hinton\"")).isEmpty();
  }

  @Test
  void quotedPhrasesMatchExactly() {
    assertThat(ids("\"neural information retrieval\"")).containsExactly("2101.00010");
    assertThat(ids("neural information retrieval"))
        .containsExactlyInAnyOrder("2101.00010", "2101.00011");
    assertThat(ids("ti:\"language models\" AND NOT ti:scaling")).containsExactly("2103.00012");
    assertThat(ids("(ti:dropout OR ti:transformer) AND cat:cs.LG"))
        .containsExactlyInAnyOrder("1902.00002", "2103.00013");
  }

  @Test
  void texAccentsAndMathAreSearchableAsText() {
    assertThat(ids("schrodinger operators")).containsExactly("2005.00003");
    assertThat(ids("ti:Schrödinger")).containsExactly("2005.00003");
    assertThat(ids("$\\mathbb{Z}_2$")).containsExactly("2005.00003");
    assertThat(ids("Z_2 symmetry")).containsExactly("2005.00003");
  }

  @Test
  void hostileTitlesAreEscapedInHighlights() {
    Hit h = run(SearchRequest.builder().q("alert attacks")).hits().get(0);
    assertThat(h.title()).isEqualTo("<script>alert(\"x\")</script> attacks on neural ranking");
    assertThat(h.highlights().get("title")).isEqualTo(
        "&lt;script&gt;<mark>alert</mark>(&quot;x&quot;)&lt;/script&gt; <mark>attacks</mark> on neural ranking");
    assertThat(h.highlights().get("abstract"))
        .isEqualTo("Adversarial &lt;b&gt;inputs&lt;/b&gt; &amp; other tricks against neural rankers.")
        .doesNotContain("<b>");
  }

  @Test
  void aMatchedPhraseIsOneMarkAndSeparateMatchesStaySeparate() {
    Hit h = run(SearchRequest.builder().q("\"language models\" scaling")).hits().get(0);
    assertThat(h.highlights().get("title")).isEqualTo("<mark>Scaling</mark> transformer <mark>language models</mark>");
  }

  @Test
  void highlightsMarkMatchesAndNeverCutMath() {
    Hit h = run(SearchRequest.builder().q("field")).hits().get(0);
    assertThat(h.id()).isEqualTo("2005.00003");
    String abs = h.highlights().get("abstract");
    assertThat(abs).contains("<mark>field</mark>");
    // the sentence holding "$a. b = c$" is whole: the '.' inside math is no boundary
    assertThat(abs).contains("We prove that $a. b = c$ holds for every <mark>field</mark>.");
    assertThat(h.highlights().get("title")).isEqualTo(
        "Schr\\&quot;odinger operators with $\\mathbb{Z}_2$ symmetry");
    assertThat(run(SearchRequest.builder().q("field").highlight(false)).hits().get(0).highlights())
        .isEmpty();
  }

  @Test
  void hitsCarryDisplayFieldsFromStoredFields() {
    Hit h = run(SearchRequest.builder().q("id:1901.00001")).hits().get(0);
    assertThat(h.id()).isEqualTo("1901.00001");
    assertThat(h.authors()).containsExactly("Geoffrey E. Hinton", "Yann LeCun");
    assertThat(h.primaryCategory()).isEqualTo("cs.LG");
    assertThat(h.categories()).containsExactly("cs.LG", "stat.ML");
    assertThat(h.year()).isEqualTo(2019);
    assertThat(h.submitted()).isEqualTo(LocalDate.of(2019, 1, 10));
    assertThat(h.updated()).isEqualTo(LocalDate.of(2019, 5, 1));
    assertThat(h.withdrawn()).isFalse();
  }

  @Test
  void responseJsonHasTheContractFieldNames() throws Exception {
    SearchResponse r = run(SearchRequest.builder().q("ti:dropout").facets(List.of("year")));
    com.fasterxml.jackson.databind.JsonNode j =
        org.paperindex.api.Json.mapper().readTree(org.paperindex.api.Json.write(r));
    assertThat(j.get("total").asLong()).isEqualTo(1);
    assertThat(j.get("nextCursor").isNull()).isTrue();
    com.fasterxml.jackson.databind.JsonNode h = j.get("hits").get(0);
    assertThat(h.get("id").asText()).isEqualTo("1902.00002");
    assertThat(h.get("title").asText()).startsWith("Dropout");
    assertThat(h.get("authors").get(1).asText()).isEqualTo("Geoffrey Hinton");
    assertThat(h.get("year").asInt()).isEqualTo(2019);
    assertThat(h.get("primaryCategory").asText()).isEqualTo("cs.LG");
    assertThat(h.get("categories").get(0).asText()).isEqualTo("cs.LG");
    assertThat(h.get("submitted").asText()).isEqualTo("2019-02-03");
    assertThat(h.get("updated").isNull()).isTrue();
    assertThat(h.get("withdrawn").asBoolean()).isFalse();
    assertThat(h.get("highlights").get("title").asText()).contains("<mark>Dropout</mark>");
    assertThat(h.get("highlights").has("abstract")).isTrue();
    assertThat(j.get("facets").get("year").get(0).get("value").asText()).isEqualTo("2019");
    assertThat(j.get("facets").get("year").get(0).get("count").asLong()).isEqualTo(1);
  }

  @Test
  void categoryFilterMatchesPrimaryOrCrossListUnlessPrimaryOnly() {
    assertThat(ids(SearchRequest.builder().category("cs.ir")))
        .containsExactlyInAnyOrder("2101.00001", "2006.00004", "2101.00010", "2101.00011");
    assertThat(ids(SearchRequest.builder().category("cs.IR").primaryOnly(true)))
        .containsExactlyInAnyOrder("2006.00004", "2101.00010");
    assertThat(ids(SearchRequest.builder().category("cs.CL").category("hep-th")))
        .containsExactlyInAnyOrder("2101.00010", "2103.00012", "2103.00013", "hep-th/9901001");
  }

  @Test
  void dateAndYearFilters() {
    assertThat(ids(SearchRequest.builder().from(LocalDate.of(2021, 3, 12)).to(LocalDate.of(2021, 3, 13))))
        .containsExactlyInAnyOrder("2103.00012", "2103.00013");
    // dateField=updated: updated, or submitted for single-version papers
    assertThat(ids(SearchRequest.builder().dateField(SearchRequest.DateField.UPDATED)
        .from(LocalDate.of(2021, 8, 1)).to(LocalDate.of(2021, 8, 31)))).containsExactly("2101.00010");
    assertThat(ids(SearchRequest.builder().year(1999))).containsExactly("hep-th/9901001");
    assertThat(run(SearchRequest.builder().years(2022, 2023)).total()).isEqualTo(SearchCorpus.GRAPH_PAPERS);
  }

  @Test
  void withdrawnIsIncludedByDefaultAndStubsOnlyById() {
    assertThat(ids("withdrawn")).containsExactly("2102.00001");
    assertThat(ids(SearchRequest.builder().q("withdrawn result").withdrawn(SearchRequest.Withdrawn.EXCLUDE))).isEmpty();
    assertThat(ids(SearchRequest.builder().withdrawn(SearchRequest.Withdrawn.ONLY))).containsExactly("2102.00001");
    assertThat(ids("2301.00001")).containsExactly("2301.00001");
    assertThat(ids("")).doesNotContain("2301.00001");
  }

  @Test
  void licenseFilterIsExactAndCaseInsensitive() {
    assertThat(ids(SearchRequest.builder().license("HTTP://creativecommons.org/licenses/by/4.0/")))
        .containsExactly("2101.00001");
  }

  @Test
  void facetsAreCountedSideways() {
    SearchResponse all = run(SearchRequest.builder());
    assertThat(all.facets())
        .containsOnlyKeys("category", "year", "primaryCategory", "institution", "hasCode", "hasDataset");
    assertThat(counts(all, "category")).containsEntry("math.CO", 21L).containsEntry("cs.IR", 4L);
    assertThat(counts(all, "year")).containsEntry("2022", 12L).containsEntry("2023", 8L);

    SearchResponse picked = run(SearchRequest.builder().category("cs.DM").year(2022));
    assertThat(picked.total()).isEqualTo(4); // i = 0, 3, 6, 9
    // the category dimension ignores its own filter: other categories keep their 2022 counts
    assertThat(counts(picked, "category")).containsEntry("math.CO", 12L).containsEntry("cs.DM", 4L);
    // the year dimension ignores the year filter: cs.DM papers of every year
    assertThat(counts(picked, "year")).containsEntry("2022", 4L).containsEntry("2023", 3L);
    // a dimension without a filter is counted over the hits only
    assertThat(counts(picked, "primaryCategory")).containsOnly(Map.entry("math.CO", 4L));

    SearchResponse one = run(SearchRequest.builder().facets(List.of("year")).facetSize(1));
    assertThat(one.facets()).containsOnlyKeys("year");
    assertThat(one.facets().get("year")).containsExactly(new FacetValue("2022", 12));
    assertThat(run(SearchRequest.builder().facets(List.of())).facets()).isEmpty();
  }

  @Test
  void sortsByDateBothWaysWithIdTieBreak() {
    List<String> newest = ids(SearchRequest.builder().q("ti:graph").sort(SortOrder.SUBMITTED_DESC));
    assertThat(newest.get(0)).isEqualTo("2307.00119");
    List<String> oldest = ids(SearchRequest.builder().q("ti:graph").sort(SortOrder.SUBMITTED_ASC));
    assertThat(oldest).isEqualTo(reverse(newest));
    List<String> updated = ids(SearchRequest.builder().category("cs.IR").sort(SortOrder.UPDATED_DESC));
    assertThat(updated).containsExactly("2101.00010", "2101.00001", "2101.00011", "2006.00004");
    assertThat(ids(SearchRequest.builder().category("cs.IR").sort(SortOrder.UPDATED_ASC)))
        .isEqualTo(reverse(updated));
  }

  @Test
  void relatedPapersExcludeTheSourcePaper() {
    List<String> rel = search.related(TestPapers.id("2103.00012"), 5).stream().map(Hit::id).toList();
    assertThat(rel).doesNotContain("2103.00012").startsWith("2103.00013");
    assertThat(search.related(TestPapers.id("2912.99999"), 5)).isEmpty();
    assertThatThrownBy(() -> search.related(TestPapers.id("2103.00012"), 0))
        .isInstanceOf(BadQueryException.class).hasMessageContaining("size");
  }

  @Test
  void extractionFieldsAreQueryableWithoutError() {
    // the corpus has no institutions or links: the fields exist, they just match nothing
    assertThat(ids("inst:cern")).isEmpty();
    assertThat(ids("aff:mit")).isEmpty();
    assertThat(run(SearchRequest.builder().hasCode(true)).total()).isZero();
    assertThat(run(SearchRequest.builder().hasCode(false)).total()).isEqualTo(run(SearchRequest.builder()).total());
  }

}
