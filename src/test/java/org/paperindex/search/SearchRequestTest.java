package org.paperindex.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchRequestTest {

  static Map<String, List<String>> params(String... kv) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.computeIfAbsent(kv[i], k -> new java.util.ArrayList<>()).add(kv[i + 1]);
    }
    return m;
  }

  static SearchRequest parse(String... kv) {
    return SearchRequest.fromParams(params(kv), 100);
  }

  @Test
  void readsEveryParameter() {
    SearchRequest r = parse("q", " au:hinton ", "size", "20", "page", "2", "category", "cs.LG,stat.ML",
        "category", "cs.AI", "primaryOnly", "true", "dateField", "updated", "from", "2020-01-01",
        "to", "2020-12-31", "year", "2019-2021", "license", "X", "withdrawn", "exclude",
        "sort", "-submitted", "facet", "category", "facet", "year", "facetSize", "5",
        "highlight", "false", "_", "12345");
    assertThat(r.text()).isEqualTo("au:hinton");
    assertThat(r.size()).isEqualTo(20);
    assertThat(r.page()).isEqualTo(2);
    assertThat(r.categories()).containsExactly("cs.LG", "stat.ML", "cs.AI");
    assertThat(r.primaryOnly()).isTrue();
    assertThat(r.dateField()).isEqualTo(SearchRequest.DateField.UPDATED);
    assertThat(r.from()).isEqualTo(LocalDate.of(2020, 1, 1));
    assertThat(r.to()).isEqualTo(LocalDate.of(2020, 12, 31));
    assertThat(r.yearFrom()).isEqualTo(2019);
    assertThat(r.yearTo()).isEqualTo(2021);
    assertThat(r.license()).isEqualTo("X");
    assertThat(r.withdrawn()).isEqualTo(SearchRequest.Withdrawn.EXCLUDE);
    assertThat(r.sort()).isEqualTo(SortOrder.SUBMITTED_DESC);
    assertThat(r.facetDims()).containsExactly("category", "year");
    assertThat(r.facetSize()).isEqualTo(5);
    assertThat(r.highlight()).isFalse();
  }

  @Test
  void defaultsMatchTheOriginalConstructor() {
    SearchRequest r = parse("q", "x");
    assertThat(r).isEqualTo(new SearchRequest("x", 10, 1));
    assertThat(r.effectiveSort()).isEqualTo(SortOrder.RELEVANCE);
    assertThat(parse().effectiveSort()).isEqualTo(SortOrder.SUBMITTED_DESC);
    assertThat(parse("year", "2020").yearTo()).isEqualTo(2020);
    assertThat(parse("facet", "none").facetDims()).isEmpty();
    assertThat(parse().facetDims())
        .containsExactly("category", "year", "primaryCategory", "institution", "hasCode", "hasDataset");
  }

  @Test
  void everyBadParameterSaysWhatIsWrong() {
    assertBad("size must be between 1 and 100, got 101", "size", "101");
    assertBad("size must be an integer, got 'ten'", "size", "ten");
    assertBad("page must be 1 or more, got 0", "page", "0");
    assertBad("goes beyond result 10000", "page", "101", "size", "100");
    assertBad("give either page or cursor, not both", "page", "2", "cursor", "abc");
    assertBad("from must be a date YYYY-MM-DD, got '2020-13-01'", "from", "2020-13-01");
    assertBad("to must be a date YYYY-MM-DD, got '01/02/2020'", "to", "01/02/2020");
    assertBad("from 2021-01-01 is after to 2020-01-01", "from", "2021-01-01", "to", "2020-01-01");
    assertBad("dateField must be submitted or updated, got 'published'", "dateField", "published");
    assertBad("year must be YYYY or YYYY-YYYY, got '20'", "year", "20");
    assertBad("year range 2021-2019 is empty", "year", "2021-2019");
    assertBad("year 1066 is out of range", "year", "1066");
    assertBad("primaryOnly must be true or false, got 'maybe'", "primaryOnly", "maybe");
    assertBad("hasCode must be true or false", "hasCode", "perhaps");
    assertBad("withdrawn must be include, exclude or only", "withdrawn", "hide");
    assertBad("unknown sort 'newest'; use one of relevance, submitted, -submitted, updated, -updated",
        "sort", "newest");
    assertBad("unknown facet 'author'; use one of category, year, primaryCategory", "facet", "author");
    assertBad("facetSize must be between 1 and 200, got 0", "facetSize", "0");
    assertBad("unknown parameter 'qq'", "qq", "x");
    assertBad("size given 2 times", "size", "1", "size", "2");
    assertBad("query is too long", "q", "x".repeat(2001));
  }

  private static void assertBad(String message, String... kv) {
    assertThatThrownBy(() -> parse(kv)).isInstanceOf(BadQueryException.class)
        .hasMessageContaining(message);
  }
}
