package org.paperindex.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperindex.model.Author;
import org.paperindex.model.Paper;
import org.paperindex.model.PaperVersion;

class AbsPageParserTest {

  private final AbsPageParser parser = new AbsPageParser();

  @Test
  void bodyAuthorListWinsOverTheHundredAuthorMetaLimit() throws Exception {
    StringBuilder html = new StringBuilder("<html><head><title>[2605.00001] Big</title>"
        + "<meta name=\"citation_title\" content=\"Big Collaboration Paper\"/>"
        + "<meta name=\"citation_arxiv_id\" content=\"2605.00001\"/>");
    for (int i = 1; i <= 100; i++) {
      html.append("<meta name=\"citation_author\" content=\"Member").append(i).append(", A.\"/>");
    }
    html.append("</head><body><div class=\"authors\"><span class=\"descriptor\">Authors:</span>");
    for (int i = 1; i <= 120; i++) {
      html.append(i > 1 ? ", " : "").append("<a href=\"/search/?searchtype=author&query=M\">A. Member")
          .append(i).append("</a>");
    }
    html.append(", <a href=\"javascript:toggleAuthorList()\">et al. (5 additional authors not shown)</a>");
    html.append("</div></body></html>");
    Paper p = parser.parse(html.toString());
    assertThat(p.authors()).hasSize(120);
    assertThat(p.authors().get(0).keyname()).isEqualTo("Member1");
    assertThat(p.authors().get(119).name()).isEqualTo("A. Member120");
    assertThat(p.authors().get(119).keyname()).isNull();
  }

  @Test
  void headOnlyPageFallsBackToMetaTags() throws Exception {
    Paper p = parser.parse("<html><head><title>[2605.00002] T</title>"
        + "<meta property=\"og:url\" content=\"https://arxiv.org/abs/2605.00002v2\"/>"
        + "<meta name=\"citation_title\" content=\"Title -- with dashes\"/>"
        + "<meta name=\"citation_author\" content=\"de Jong, Robin\"/>"
        + "<meta name=\"citation_date\" content=\"2026/05/01\"/>"
        + "<meta name=\"citation_online_date\" content=\"2026/05/09\"/>"
        + "<meta name=\"citation_arxiv_id\" content=\"2605.00002\"/>"
        + "<meta name=\"citation_doi\" content=\"10.48550/arXiv.2605.00002\"/></head></html>");
    assertThat(p.title()).isEqualTo("Title -- with dashes");
    assertThat(p.version()).isEqualTo(2);
    assertThat(p.authors()).extracting(Author::name).containsExactly("Robin de Jong");
    assertThat(p.authors().get(0).keyname()).isEqualTo("de Jong");
    assertThat(p.submitted()).isEqualTo(LocalDate.of(2026, 5, 1));
    assertThat(p.updated()).isEqualTo(LocalDate.of(2026, 5, 9));
    assertThat(p.doi()).as("arXiv's own DataCite DOI is not the paper's DOI").isNull();
  }

  @Test
  void pageWithoutAnArxivIdIsAFormatException() {
    assertThatThrownBy(() -> parser.parse("<html><head><title>Error 404</title></head></html>"))
        .isInstanceOf(FormatException.class);
    assertThatThrownBy(() -> parser.parse("not html at all"))
        .isInstanceOf(FormatException.class);
  }

  @Test
  void pageWithIdButNoTitleIsAFormatException() {
    assertThatThrownBy(() -> parser.parse(
        "<html><head><meta name=\"citation_arxiv_id\" content=\"2605.00003\"/></head></html>"))
        .isInstanceOf(FormatException.class).hasMessageContaining("2605.00003");
  }

  @Test
  void historyParsesSizesDatesAndWithdrawnMarks() {
    List<PaperVersion> out = new ArrayList<>();
    boolean withdrawn = AbsPageParser.history("From: X [view email] [v1] Mon, 2 Apr 2007 19:18:42 UTC"
        + " (1,234 KB) [v2] Tue, 3 Apr 2007 01:02:03 UTC (0 KB)", out);
    assertThat(out).extracting(PaperVersion::size).containsExactly("1234kb", "0kb");
    assertThat(out.get(0).date()).hasToString("2007-04-02T19:18:42Z");
    assertThat(withdrawn).isTrue();

    out.clear();
    assertThat(AbsPageParser.history("[v1] Mon, 2 Apr 2007 19:18:42 UTC (withdrawn) "
        + "[v2] Tue, 3 Apr 2007 01:02:03 UTC (5 KB)", out)).isFalse();
    assertThat(out).hasSize(2);
  }
}
