package org.paperindex.parse;

import org.paperindex.SharedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.paperindex.model.Author;
import org.paperindex.model.Paper;

/** Runs every parser over the real recorded arXiv data in ../shared (only with -Pacceptance). */
@Tag("acceptance")
class RealDataAcceptanceTest {

  private static Path shared;

  @BeforeAll
  static void locate() {
    shared = SharedData.dir("fixtures");
  }

  private static List<Path> files(String sub) throws IOException {
    Path d = shared.resolve(sub);
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(d)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static OaiPage oai(Path p) throws Exception {
    try (InputStream in = Files.newInputStream(p)) {
      return new OaiPmhParser().parse(in);
    }
  }

  private static AtomPage atom(Path p) throws Exception {
    try (InputStream in = Files.newInputStream(p)) {
      return new ArxivAtomParser().parse(in);
    }
  }

  private static long affiliations(List<Paper> papers) {
    return papers.stream().flatMap(p -> p.authors().stream())
        .mapToLong(a -> a.affiliations().size()).sum();
  }

  private static List<Paper> papers(OaiPage page) {
    return page.records().stream().filter(r -> !r.deleted()).map(OaiRecord::paper).toList();
  }

  @Test
  void everyOaiFileParses() throws Exception {
    List<Path> all = new ArrayList<>(files("fixtures/oai-pmh"));
    all.addAll(files("corpus-b/oai-pmh"));
    assertThat(all).isNotEmpty();
    for (Path p : all) {
      String name = p.getFileName().toString();
      if (name.startsWith("share_oai_dc_fragment_")) {
        assertThatCode(() -> {
          try (InputStream in = Files.newInputStream(p)) {
            Paper paper = OaiDcParser.parseFragment(in, null);
            assertThat(paper.title()).isNotBlank();
            assertThat(name).contains(paper.id().value());
          }
        }).as(name).doesNotThrowAnyException();
        continue;
      }
      OaiPage page = oai(p);
      if (name.contains("_error_")) {
        assertThat(page.errors()).as(name).hasSize(1);
        assertThat(page.records()).as(name).isEmpty();
      } else if (!name.contains("MALFORMED")) {
        assertThat(page.rejected()).as(name + " rejected: " + page.rejected()).isEmpty();
        assertThat(page.records()).as(name).isNotEmpty();
        assertThat(page.responseDate()).as(name).isNotNull();
      }
      for (OaiRecord r : page.records()) {
        assertThat(r.paper().datestamp()).isEqualTo(r.datestamp());
      }
    }
  }

  @Test
  void physicsListRecordsHas150RecordsAndItsAffiliations() throws Exception {
    OaiPage page = oai(shared.resolve("fixtures/oai-pmh/invenio_ListRecords_arXiv_physics_2015-01-16.xml"));
    assertThat(page.records()).hasSize(150);
    assertThat(page.rejected()).isEmpty();
    assertThat(page.resumptionToken()).isNull();
    assertThat(affiliations(papers(page))).isGreaterThanOrEqualTo(60);
  }

  @Test
  void arxivRawPageKeepsTokenAndCompleteListSize() throws Exception {
    try (InputStream in = Files.newInputStream(
        shared.resolve("fixtures/oai-pmh/mikesaelim_ListRecords_arXivRaw_resumptionToken.xml"))) {
      OaiPmhParser.Result r = new OaiPmhParser().parseWithResumption(in);
      assertThat(r.page().resumptionToken()).isEqualTo("726959|1001");
      assertThat(r.resumption().completeListSize()).isEqualTo(58011L);
      assertThat(r.resumption().cursor()).isZero();
      Paper first = r.page().records().get(0).paper();
      assertThat(first.doi()).isEqualTo("10.1103/PhysRevC.76.024606");
      assertThat(first.authors()).extracting(Author::name)
          .containsExactly("D.V. Shetty", "S.J. Yennello", "G.A. Souliotis");
    }
  }

  @Test
  void namespacelessArxivElementParsesLikeTheNamespacedOne() throws Exception {
    OaiPage plain = oai(shared.resolve("fixtures/oai-pmh/invenio_GetRecord_arXiv_0804.2273_no_namespace.xml"));
    OaiPage ns = oai(shared.resolve("fixtures/oai-pmh/invenio_GetRecord_arXiv_0804.2273_with_namespace.xml"));
    assertThat(plain.records()).hasSize(1);
    assertThat(plain.records().get(0).paper()).isEqualTo(ns.records().get(0).paper());
  }

  @Test
  void malformedTwelveRecordFileKeepsEveryGoodRecord() throws Exception {
    OaiPage page = oai(shared.resolve("corpus-b/oai-pmh/hepcrawl_GetRecord_arXiv_MALFORMED_12records.xml"));
    // The file is a protocol violation (12 records in a GetRecord) but every record in it is
    // well-formed and valid, so all 12 are kept and none is rejected.
    assertThat(page.records().size() + page.rejected().size()).isEqualTo(12);
    assertThat(page.records()).hasSizeGreaterThanOrEqualTo(11);
    assertThat(page.records()).extracting(r -> r.id().value()).contains("1601.03238", "1808.04927");
    Paper collab = page.records().stream().filter(r -> r.id().value().equals("1606.07538"))
        .findFirst().orElseThrow().paper();
    assertThat(collab.authors()).extracting(Author::name).doesNotContain(":");
  }

  @Test
  void everyAtomFileParses() throws Exception {
    List<Path> all = new ArrayList<>(files("fixtures/atom-api"));
    all.addAll(files("corpus-b/atom-api"));
    assertThat(all).isNotEmpty();
    for (Path p : all) {
      String name = p.getFileName().toString();
      AtomPage page = atom(p);
      assertThat(page.rejected()).as(name + ": " + page.rejected()).isEmpty();
      if (name.contains("error")) {
        assertThat(page.errors()).as(name).hasSize(1);
        assertThat(page.papers()).as(name).isEmpty();
      } else if (name.contains("empty")) {
        assertThat(page.totalResults()).isZero();
        assertThat(page.papers()).isEmpty();
      } else {
        assertThat(page.papers()).as(name).isNotEmpty();
        assertThat(page.errors()).as(name).isEmpty();
        for (Paper paper : page.papers()) {
          assertThat(paper.version()).as(name).isPositive();
          assertThat(paper.submitted()).as(name).isNotNull();
          assertThat(paper.primaryCategory()).as(name).isNotNull();
          assertThat(paper.title()).as(name).doesNotContain("\n");
        }
      }
    }
  }

  @Test
  void supernovaPaperKeepsEveryAffiliationElement() throws Exception {
    Path file = shared.resolve("fixtures/atom-api/pubs_2019_id_astro-ph_9812133_64-affiliations.xml");
    AtomPage page = atom(file);
    assertThat(page.papers()).hasSize(1);
    Paper paper = page.papers().get(0);
    // SOURCES.md says "64 affiliations" but counted opening and closing tags: the file holds 32
    // <arxiv:affiliation> elements, one in each of the 32 <author>s.
    String xml = Files.readString(file);
    assertThat(xml.split("<arxiv:affiliation", -1).length - 1).isEqualTo(32);
    assertThat(paper.authors()).hasSize(32);
    assertThat(affiliations(page.papers())).isEqualTo(32);
    assertThat(paper.authors().get(0).affiliations()).containsExactly("The Supernova Cosmology Project");
  }

  @Test
  void everySnapshotLineParses() throws Exception {
    List<Paper> papers = new ArrayList<>();
    for (String sub : List.of("fixtures/snapshot", "corpus-b/snapshot")) {
      for (Path p : files(sub)) {
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            papers.add(new KaggleSnapshotParser().parseLine(line));
          }
        }
      }
    }
    assertThat(papers).hasSize(200);
    assertThat(papers.subList(0, 134)).extracting(p -> p.id().value())
        .startsWith("0704.0001").endsWith("0704.0134");
    Paper first = papers.get(0);
    assertThat(first.versions()).hasSize(2);
    assertThat(first.submitted()).hasToString("2007-04-02");
    assertThat(first.updated()).hasToString("2007-07-24");
    assertThat(affiliations(papers)).isGreaterThan(20);
  }
}
