package org.paperindex.parse;

import org.paperindex.SharedData;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.paperindex.model.Author;
import org.paperindex.model.Paper;
import org.paperindex.model.PaperVersion;

/** Runs the feed, abs-page and LaTeXML parsers over the real recorded data in ../shared (-Pacceptance). */
@Tag("acceptance")
class SourcesRealDataAcceptanceTest {

  private static Path shared;

  @BeforeAll
  static void locate() {
    shared = SharedData.dir("fixtures");
  }

  private static List<Path> files(String format) throws IOException {
    List<Path> out = new ArrayList<>();
    for (String root : List.of("fixtures", "corpus-b")) {
      Path d = shared.resolve(root).resolve(format);
      if (Files.isDirectory(d)) {
        try (Stream<Path> s = Files.list(d)) {
          s.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().endsWith(".md"))
              .sorted().forEach(out::add);
        }
      }
    }
    return out;
  }

  private static FeedPage feed(String rel) throws Exception {
    try (InputStream in = Files.newInputStream(shared.resolve(rel))) {
      return new ArxivRssParser().parse(in);
    }
  }

  private static Paper abs(String rel) throws Exception {
    try (InputStream in = Files.newInputStream(shared.resolve(rel))) {
      return new AbsPageParser().parse(in, null);
    }
  }

  private static List<Author> html(String rel) throws Exception {
    try (InputStream in = Files.newInputStream(shared.resolve(rel))) {
      return new LatexmlAffiliationParser().parse(in);
    }
  }

  private static Author named(List<Author> authors, String name) {
    return authors.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow(
        () -> new AssertionError(name + " not in " + authors));
  }

  @Test
  void everyFeedParsesWithoutRejects() throws Exception {
    List<Path> all = files("feeds");
    assertThat(all).isNotEmpty();
    for (Path p : all) {
      try (InputStream in = Files.newInputStream(p)) {
        FeedPage page = new ArxivRssParser().parse(in);
        assertThat(page.items()).as(p.toString()).isNotEmpty();
        assertThat(page.rejected()).as(p.toString()).isEmpty();
        assertThat(page.announced()).as(p.toString()).isNotNull();
      }
    }
  }

  @Test
  void rssFeedFacts() throws Exception {
    FeedPage page = feed("fixtures/feeds/laya-reader_rss_cs.LG+cs.AI+cs.CL+stat.ML_2026-09-24.xml");
    assertThat(page.announced()).isEqualTo(LocalDate.of(2026, 9, 24));
    assertThat(page.skipDays()).containsExactlyInAnyOrder("Saturday", "Sunday");
    assertThat(page.items()).extracting(FeedItem::announceType)
        .containsExactly("new", "new", "cross", "replace");
    FeedItem cross = page.items().get(2);
    assertThat(cross.id().value()).isEqualTo("2205.06398");
    assertThat(cross.version()).isEqualTo(2);
    assertThat(cross.paper().doi()).isEqualTo("10.1093/bioinformatics/btac431");
    assertThat(cross.paper().primaryCategory()).isEqualTo("stat.ME");
    assertThat(cross.paper().authors()).extracting(Author::name)
        .containsExactly("Pritam Dey", "Zhengwu Zhang", "David B. Dunson");
    for (FeedItem it : page.items()) {
      assertThat(it.paper().abstractText()).doesNotContain("Announce Type").doesNotStartWith("Abstract:");
      assertThat(it.paper().license()).startsWith("http");
    }
  }

  @Test
  void atomFeedFacts() throws Exception {
    FeedPage page = feed("corpus-b/feeds/paper-forge_atom_cs.LG_2026-09-25.xml");
    assertThat(page.announced()).isEqualTo(LocalDate.of(2026, 9, 25));
    assertThat(page.items()).extracting(FeedItem::announceType).containsExactly("new", "cross", "replace");
    Paper first = page.items().get(0).paper();
    assertThat(first.doi()).isEqualTo("10.1109/MAPR72750.2026.11685822");
    assertThat(first.journalRef()).contains("MAPR");
    assertThat(first.authors()).hasSize(6);
    assertThat(page.items().get(1).paper().primaryCategory()).isEqualTo("hep-ph");
  }

  @Test
  void everyAbsPageParses() throws Exception {
    List<Path> all = files("abs-html");
    assertThat(all).isNotEmpty();
    for (Path p : all) {
      try (InputStream in = Files.newInputStream(p)) {
        Paper paper = new AbsPageParser().parse(in, null);
        assertThat(paper.title()).as(p.toString()).isNotBlank();
        assertThat(paper.authors()).as(p.toString()).isNotEmpty();
        assertThat(p.getFileName().toString()).contains(paper.id().value());
        assertThat(paper.doi()).as(p + ": arXiv's DataCite DOI is not the paper DOI").isNull();
      }
    }
  }

  @Test
  void absPageFacts() throws Exception {
    Paper p = abs("fixtures/abs-html/arxiv-browse_abs_0906.2112v3.html");
    assertThat(p.authors()).extracting(Author::name).containsExactly("Robin de Jong");
    assertThat(p.authors().get(0).keyname()).isEqualTo("de Jong");
    assertThat(p.versions()).extracting(PaperVersion::version).containsExactly("v1", "v2", "v3");
    assertThat(p.version()).isEqualTo(3);
    assertThat(p.submitted()).isEqualTo(LocalDate.of(2009, 6, 11));
    assertThat(p.updated()).isEqualTo(LocalDate.of(2012, 3, 28));
    assertThat(p.categories()).containsExactly("math.AG", "math.NT");
    assertThat(p.comments()).isEqualTo("21 pages");
    assertThat(p.submitter()).isEqualTo("Robin de Jong");

    Paper newTemplate = abs("fixtures/abs-html/commonmeta_abs_1902.02534_cassette.html");
    assertThat(newTemplate.authors()).extracting(Author::name)
        .containsExactly("Ivan Heibi", "Silvio Peroni", "David Shotton");
    assertThat(newTemplate.versions()).extracting(PaperVersion::size).containsExactly("475kb", "1329kb");
    assertThat(newTemplate.primaryCategory()).isEqualTo("cs.DL");
    assertThat(newTemplate.license()).isEqualTo("http://creativecommons.org/licenses/by/4.0/");

    Paper headOnly = abs("fixtures/abs-html/commonmeta_abs_1902.02534_2024.html");
    assertThat(headOnly.version()).isEqualTo(2); // from og:url, the page has no body
    assertThat(headOnly.authors()).hasSize(3);

    Paper old = abs("corpus-b/abs-html/tkukurin_abs_2106.09608v2_2021.html");
    assertThat(old.authors()).extracting(Author::name).containsExactly("Prithviraj Ammanabrolu", "Mark O. Riedl");
    assertThat(old.categories()).containsExactly("cs.LG", "cs.AI", "cs.CL");
    assertThat(old.versions()).hasSize(2);
  }

  @Test
  void everyLatexmlPageYieldsAuthorsWithoutEmails() throws Exception {
    List<Path> all = files("fulltext-html");
    assertThat(all).isNotEmpty();
    for (Path p : all) {
      try (InputStream in = Files.newInputStream(p)) {
        List<Author> authors = new LatexmlAffiliationParser().parse(in);
        assertThat(authors).as(p.toString()).isNotEmpty();
        for (Author a : authors) {
          assertThat(a.name()).as(p.toString()).doesNotContain("@", "\\AND", "&");
          assertThat(a.affiliations()).as(p.toString()).noneMatch(s -> s.contains("@"));
        }
      }
    }
  }

  @Test
  void attentionPaperAuthors() throws Exception {
    List<Author> a = html("fixtures/fulltext-html/html_feedback_ar5iv_1706.03762_attention.html");
    assertThat(a).extracting(Author::name).containsExactly("Ashish Vaswani", "Noam Shazeer",
        "Niki Parmar", "Jakob Uszkoreit", "Llion Jones", "Aidan N. Gomez", "\u0141ukasz Kaiser",
        "Illia Polosukhin");
    assertThat(named(a, "Ashish Vaswani").affiliations()).containsExactly("Google Brain");
    assertThat(named(a, "Aidan N. Gomez").affiliations()).containsExactly("University of Toronto");
    assertThat(named(a, "Illia Polosukhin").affiliations()).isEmpty(); // only an e-mail in the page
  }

  @Test
  void otherLatexmlLayouts() throws Exception {
    List<Author> poly = html("fixtures/fulltext-html/html_feedback_polynomial-chaos_latexml.html");
    assertThat(poly).hasSize(4);
    assertThat(poly).allSatisfy(x -> assertThat(x.affiliations()).singleElement()
        .asString().contains("Aeronautics Institute of Technology"));

    List<Author> ssh = html("corpus-b/fulltext-html/view-as-html_SSH-superconductivity_latexml.html");
    assertThat(ssh).extracting(Author::name).containsExactly("Xun Cai", "Zi-Xiang Li", "Hong Yao");
    assertThat(named(ssh, "Zi-Xiang Li").affiliations()).hasSize(2);

    List<Author> am = html("corpus-b/fulltext-html/view-as-html_angular-momentum_latexml.html");
    assertThat(am).extracting(Author::name)
        .containsExactly("Corentin Cadiou", "Andrew Pontzen", "Hiranya V. Peiris");
    assertThat(named(am, "Corentin Cadiou").affiliations()).singleElement()
        .asString().contains("University College London");
    assertThat(named(am, "Hiranya V. Peiris").affiliations()).hasSize(2);
  }
}
