package org.paperindex.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.paperindex.SharedData;
import org.paperindex.model.Author;
import org.paperindex.model.Paper;

/**
 * Every parser over the second real corpus, {@code ../shared/corpus-b} (only with -Pacceptance;
 * skipped when the folder is absent). The expected counts were taken by reading the files
 * (element counts, then the records by eye), not from the parsers.
 */
@Tag("acceptance")
class CorpusBParsersAcceptanceTest {

  private static Path b;

  @BeforeAll
  static void locate() {
    b = SharedData.dir("corpus-b").resolve("corpus-b");
  }

  private static OaiPage oai(String name) throws Exception {
    try (InputStream in = Files.newInputStream(b.resolve("oai-pmh").resolve(name))) {
      return new OaiPmhParser().parse(in);
    }
  }

  private static AtomPage atom(String name) throws Exception {
    try (InputStream in = Files.newInputStream(b.resolve("atom-api").resolve(name))) {
      return new ArxivAtomParser().parse(in);
    }
  }

  private static int affiliations(List<Author> authors) {
    return authors.stream().mapToInt(a -> a.affiliations().size()).sum();
  }

  private static Paper onlyPaper(OaiPage p) {
    assertThat(p.rejected()).isEmpty();
    assertThat(p.errors()).isEmpty();
    assertThat(p.records()).hasSize(1);
    return p.records().get(0).paper();
  }

  @Test
  void oaiGetRecordsParseWithTheirAuthorsAndAffiliations() throws Exception {
    try (Stream<Path> s = Files.list(b.resolve("oai-pmh"))) {
      for (Path f : s.filter(p -> p.getFileName().toString().matches("hepcrawl_GetRecord_arXiv_\\d.*")).toList()) {
        String id = f.getFileName().toString().replaceAll(".*arXiv_|\\.xml$", "");
        assertThat(onlyPaper(oai(f.getFileName().toString())).id().toString()).isEqualTo(id);
      }
    }
    // 66 <author> elements, one the ":" pseudo-author between the collaboration and its members
    assertThat(onlyPaper(oai("hepcrawl_GetRecord_arXiv_1603.05976.xml")).authors()).hasSize(65);
    Paper sk = onlyPaper(oai("hepcrawl_GetRecord_arXiv_1606.07538.xml"));
    assertThat(sk.authors()).hasSize(7);
    assertThat(affiliations(sk.authors())).isEqualTo(10); // 12, less the pseudo-author's two
    assertThat(affiliations(onlyPaper(oai("hepcrawl_GetRecord_arXiv_1604.05585.xml")).authors())).isEqualTo(5);
    Paper old = onlyPaper(oai("inspire-next_GetRecord_arXiv_physics_0112006.xml"));
    assertThat(old.id().toString()).isEqualTo("physics/0112006");
    assertThat(old.authors()).hasSize(3);
    assertThat(affiliations(old.authors())).isEqualTo(3);
    Paper withRef = onlyPaper(oai("hepcrawl_GetRecord_arXiv_1601.03238.xml"));
    assertThat(withRef.doi()).isEqualTo("10.1103/PhysRevD.93.016005");
    assertThat(withRef.journalRef()).isNotBlank();
    assertThat(oai("hepcrawl_ListRecords_arXiv_hep-th_2017-12-14.xml").records()).hasSize(3);
  }

  @Test
  void malformedGetRecordWithTwelveRecordsLosesNone() throws Exception {
    // a GetRecord envelope holding 12 concatenated records: no record may vanish silently
    OaiPage p = oai("hepcrawl_GetRecord_arXiv_MALFORMED_12records.xml");
    assertThat(p.rejected()).isEmpty();
    assertThat(p.records()).extracting(r -> r.paper().id().toString()).containsExactly(
        "1601.03238", "1512.07978", "1603.00997", "1603.01251", "1603.05976", "1604.05585",
        "1606.06775", "1606.07066", "1606.07538", "1607.00786", "1606.04259", "1808.04927");
    int authors = p.records().stream().mapToInt(r -> r.paper().authors().size()).sum();
    int affs = p.records().stream().mapToInt(r -> affiliations(r.paper().authors())).sum();
    // 47 <author> and 29 <affiliation> elements; three ":" pseudo-authors carry 3 of them
    assertThat(authors).isEqualTo(44);
    assertThat(affs).isEqualTo(26);
  }

  @Test
  void oaiErrorResponsesAreErrorsNotEmptyPages() throws Exception {
    OaiPage missing = oai("inspire-next_error_idDoesNotExist_1305.9999.xml");
    assertThat(missing.records()).isEmpty();
    assertThat(missing.hasError(OaiError.ID_DOES_NOT_EXIST)).isTrue();
    OaiPage none = oai("invenio_error_noRecordsMatch_hep-lat.xml");
    assertThat(none.records()).isEmpty();
    assertThat(none.hasError(OaiError.NO_RECORDS_MATCH)).isTrue();
  }

  @Test
  void atomApiResponsesIncludingTheErrorEntry() throws Exception {
    AtomPage error = atom("arxivpy_error_incorrect-id-format.xml");
    assertThat(error.papers()).isEmpty();
    assertThat(error.rejected()).isEmpty();
    assertThat(error.errors()).containsExactly("incorrect id format for abc");
    AtomPage empty = atom("arxivpy_empty_id-0808.05394.xml");
    assertThat(empty.totalResults()).isZero();
    assertThat(empty.papers()).isEmpty();
    assertThat(empty.errors()).isEmpty();
    // id_list=0808.05394,1707.08567: the API answers for the existing one only (AtomApiClient
    // reports the other as missing)
    AtomPage oneMissing = atom("arxivpy_id_list_two-ids_one-missing.xml");
    assertThat(oneMissing.papers()).singleElement().satisfies(p -> {
      assertThat(p.id().toString()).isEqualTo("1707.08567");
      assertThat(p.authors()).hasSize(34);
    });
    assertThat(atom("arxivpy_q-testing_start30_max10.xml").papers()).hasSize(10);
    AtomPage page6 = atom("arxivpy_q-testing_start50_max10.xml");
    assertThat(page6.papers()).hasSize(10);
    assertThat(page6.papers()).extracting(p -> p.id().toString()).contains("cs/0503050");
    Paper hepEx = atom("arxivpy_id_hep-ex_0406020v1.xml").papers().get(0);
    assertThat(hepEx.id().toString()).isEqualTo("hep-ex/0406020");
    assertThat(affiliations(hepEx.authors())).isEqualTo(1);
    AtomPage laya = atom("laya-reader_2026_search_cat-cs.CL_max3.xml");
    assertThat(laya.papers()).hasSize(3);
    assertThat(laya.papers().get(0).doi()).isEqualTo("10.1007/978-3-032-39150-6_7");
    assertThat(laya.papers().get(0).journalRef()).isNotBlank();
    assertThat(atom("pubs_2019_id_math_0211159.xml").papers()).singleElement()
        .satisfies(p -> assertThat(p.id().toString()).isEqualTo("math/0211159"));
    assertThat(atom("pubs_2019_id_math_9501234.xml").papers()).singleElement()
        .satisfies(p -> assertThat(p.journalRef()).isNotBlank());
  }

  @Test
  void atomListingFeedWithItsOwnElementNames() throws Exception {
    FeedPage feed;
    try (InputStream in = Files.newInputStream(b.resolve("feeds/paper-forge_atom_cs.LG_2026-09-25.xml"))) {
      feed = new ArxivRssParser().parse(in);
    }
    assertThat(feed.rejected()).isEmpty();
    assertThat(feed.items()).extracting(FeedItem::id).extracting(Object::toString)
        .containsExactly("2609.28553", "2402.10149", "2401.08875");
    // <arxiv:DOI> and <arxiv:journal_reference>, not the query API's doi/journal_ref
    Paper first = feed.items().get(0).paper();
    assertThat(first.doi()).isEqualTo("10.1109/MAPR72750.2026.11685822");
    assertThat(first.journalRef()).isNotBlank();
    assertThat(feed.items().get(1).paper().doi()).isEqualTo("10.1103/PhysRevD.111.032004");
    assertThat(feed.items().get(2).paper().doi()).isNull();
  }

  @Test
  void absPageAndSnapshotSlice() throws Exception {
    Paper abs;
    try (InputStream in = Files.newInputStream(b.resolve("abs-html/tkukurin_abs_2106.09608v2_2021.html"))) {
      abs = new AbsPageParser().parse(in, "https://arxiv.org/abs/");
    }
    assertThat(abs.id().toString()).isEqualTo("2106.09608");
    assertThat(abs.version()).isEqualTo(2);
    assertThat(abs.authors()).hasSize(2);
    assertThat(abs.abstractText()).isNotBlank();
    assertThat(abs.comments()).isNotBlank();

    Path snap = b.resolve("snapshot/arxiv-metadata-oai-snapshot_0704.0135-0704.0200.jsonl");
    KaggleSnapshotParser parser = new KaggleSnapshotParser();
    int papers = 0;
    int authors = 0;
    int affs = 0;
    for (String line : Files.readAllLines(snap, StandardCharsets.UTF_8)) {
      Paper p = parser.parseLine(line);
      papers++;
      authors += p.authors().size();
      affs += affiliations(p.authors());
    }
    assertThat(papers).isEqualTo(66);
    assertThat(authors).isEqualTo(201);
    assertThat(affs).isEqualTo(17);
  }

  @Test
  void latexmlPagesGiveEveryAuthorsAffiliations() throws IOException {
    LatexmlAffiliationParser parser = new LatexmlAffiliationParser();
    // four ltx_role_affiliation blocks for three ltx_personname authors; the second has two
    List<Author> ssh;
    try (InputStream in = Files.newInputStream(b.resolve("fulltext-html/view-as-html_SSH-superconductivity_latexml.html"))) {
      ssh = parser.parse(in);
    }
    assertThat(ssh).extracting(a -> a.affiliations().size()).containsExactly(1, 2, 1);
    // one ltx_personname holding three names with superscript-numbered affiliations (1, 1, 1+2)
    List<Author> mnras;
    try (InputStream in = Files.newInputStream(b.resolve("fulltext-html/view-as-html_angular-momentum_latexml.html"))) {
      mnras = parser.parse(in);
    }
    assertThat(mnras).extracting(a -> a.affiliations().size()).containsExactly(1, 1, 2);
    for (Author a : Stream.concat(ssh.stream(), mnras.stream()).toList()) {
      assertThat(a.affiliations()).allSatisfy(s -> assertThat(s).hasSizeGreaterThan(20).doesNotContain("<"));
    }
  }
}
