package org.paperindex.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperindex.model.Author;
import org.paperindex.model.Paper;

/** One test per format quirk seen in real arXiv data (inputs are invented, formats are real). */
class ParserQuirksTest {

  private static final String OAI_HEAD =
      "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>2024-01-01T00:00:00Z</responseDate>";

  private static InputStream in(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static OaiPage oai(String body) throws FormatException {
    return new OaiPmhParser().parse(in(OAI_HEAD + body + "</OAI-PMH>"));
  }

  private static String arxivRecord(String id, String categories) {
    return "<record><header><identifier>oai:arXiv.org:" + id + "</identifier><datestamp>2024-01-02"
        + "</datestamp></header><metadata><arXiv xmlns=\"http://arxiv.org/OAI/arXiv/\"><id>" + id
        + "</id><created>2023-12-30</created><title>T " + id + "</title><categories>" + categories
        + "</categories></arXiv></metadata></record>";
  }

  private static List<String> names(List<Author> authors) {
    return authors.stream().map(Author::name).toList();
  }

  @Test
  void arxivElementWithoutNamespaceIsRead() throws Exception {
    OaiPage page = new OaiPmhParser().parse(in("<OAI-PMH><ListRecords><record><header><identifier>"
        + "oai:arXiv.org:0801.0002</identifier><datestamp>2008-01-03</datestamp></header><metadata>"
        + "<arXiv><id>0801.0002</id><title>No ns</title><categories>cs.DL</categories></arXiv>"
        + "</metadata></record></ListRecords></OAI-PMH>"));
    assertThat(page.records()).singleElement().satisfies(r -> {
      assertThat(r.paper().title()).isEqualTo("No ns");
      assertThat(r.paper().sources()).extracting(Enum::name).containsExactly("OAI");
      assertThat(r.paper().datestamp()).hasToString("2008-01-03");
    });
  }

  @Test
  void deletedRecordHasNoPaper() throws Exception {
    OaiPage page = oai("<ListRecords><record><header status=\"deleted\"><identifier>oai:arXiv.org:"
        + "1001.0001</identifier><datestamp>2024-01-01</datestamp><setSpec>cs</setSpec></header>"
        + "</record></ListRecords>");
    assertThat(page.records()).singleElement().satisfies(r -> {
      assertThat(r.deleted()).isTrue();
      assertThat(r.paper()).isNull();
      assertThat(r.setSpecs()).containsExactly("cs");
    });
  }

  @Test
  void firstOfSeveralDoisIsKept() {
    assertThat(Fields.firstDoi("10.1103/A.1 10.1103/B.2")).isEqualTo("10.1103/A.1");
    assertThat(Fields.firstDoi("10.1103/A.1, 10.1103/B.2;10.1103/C.3")).isEqualTo("10.1103/A.1");
    assertThat(Fields.firstDoi("doi:10.1/x")).isEqualTo("10.1/x");
  }

  @Test
  void emptyResumptionTokenMeansEnd() throws Exception {
    OaiPmhParser.Result r = new OaiPmhParser().parseWithResumption(in(OAI_HEAD
        + "<ListRecords>" + arxivRecord("1001.0001", "cs.DL") + "<resumptionToken/></ListRecords></OAI-PMH>"));
    assertThat(r.page().resumptionToken()).isNull();
    assertThat(r.resumption().isEnd()).isTrue();
  }

  @Test
  void tokenWithAndWithoutCompleteListSize() throws Exception {
    OaiPmhParser.Result with = new OaiPmhParser().parseWithResumption(in(OAI_HEAD
        + "<ListRecords><resumptionToken cursor=\"1000\" completeListSize=\"3500\">7|2001"
        + "</resumptionToken></ListRecords></OAI-PMH>"));
    assertThat(with.page().resumptionToken()).isEqualTo("7|2001");
    assertThat(with.resumption().completeListSize()).isEqualTo(3500L);
    assertThat(with.resumption().cursor()).isEqualTo(1000L);
    OaiPmhParser.Result without = new OaiPmhParser().parseWithResumption(in(OAI_HEAD
        + "<ListRecords><resumptionToken>8|3001</resumptionToken></ListRecords></OAI-PMH>"));
    assertThat(without.page().resumptionToken()).isEqualTo("8|3001");
    assertThat(without.resumption().completeListSize()).isNull();
    assertThat(without.resumption().cursor()).isNull();
  }

  @Test
  void protocolErrorsAreReported() throws Exception {
    assertThat(oai("<error code=\"noRecordsMatch\">nothing</error>").hasError(OaiError.NO_RECORDS_MATCH)).isTrue();
    OaiPage bad = oai("<error code=\"badResumptionToken\">expired</error>");
    assertThat(bad.errors()).containsExactly(new OaiError(OaiError.BAD_RESUMPTION_TOKEN, "expired"));
    assertThat(bad.records()).isEmpty();
  }

  @Test
  void truncatedOrForeignDocumentsThrow() {
    assertThatThrownBy(() -> new OaiPmhParser().parse(in(OAI_HEAD + "<ListRecords>" + arxivRecord("1001.0001", "cs.DL")
        + "<record><header><identifier>oai:arXiv")))
        .isInstanceOf(FormatException.class).hasMessageContaining("not well-formed");
    assertThatThrownBy(() -> new OaiPmhParser().parse(in("<html><body>503 Service Unavailable</body></html>")))
        .isInstanceOf(FormatException.class).hasMessageContaining("root element is <html>");
    assertThatThrownBy(() -> new OaiPmhParser().parse(in("")))
        .isInstanceOf(FormatException.class);
    assertThatThrownBy(() -> new OaiPmhParser().parse(in("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + "<OAI-PMH><responseDate>&e;</responseDate></OAI-PMH>")))
        .isInstanceOf(FormatException.class);
  }

  @Test
  void oneMalformedRecordIsRejectedAndTheOthersKept() throws Exception {
    OaiPage page = oai("<ListRecords>" + arxivRecord("1001.0001", "cs.DL")
        + arxivRecord("1001.0002", "Bad Category") + arxivRecord("1001.0003", "math.AG")
        + "<record><header><identifier>oai:arXiv.org:garbage</identifier><datestamp>2024-01-01"
        + "</datestamp></header><metadata/></record></ListRecords>");
    assertThat(page.records()).extracting(r -> r.id().value()).containsExactly("1001.0001", "1001.0003");
    assertThat(page.rejected()).hasSize(2);
    RejectedRecord first = page.rejected().get(0);
    assertThat(first.identifier()).isEqualTo("oai:arXiv.org:1001.0002");
    assertThat(first.reason()).contains("not an arXiv category");
    assertThat(first.raw()).startsWith("<record").contains("Bad Category").endsWith("</record>");
    assertThat(page.rejected().get(1).reason()).contains("not an arXiv identifier");
  }

  @Test
  void headerAndMetadataIdMustAgree() throws Exception {
    String rec = arxivRecord("1001.0001", "cs.DL").replace("<id>1001.0001</id>", "<id>1001.0009</id>");
    assertThat(oai("<ListRecords>" + rec + "</ListRecords>").rejected())
        .singleElement().extracting(RejectedRecord::reason).asString().contains("differs from header id");
  }

  @Test
  void arxivRawAuthorLinesAreSplit() {
    assertThat(names(AuthorListParser.parse("A. One, B. Two, and C. Three")))
        .containsExactly("A. One", "B. Two", "C. Three");
    assertThat(names(AuthorListParser.parse("A. One and B. Two"))).containsExactly("A. One", "B. Two");
    assertThat(names(AuthorListParser.parse("X Collaboration: A. One, B. Two")))
        .containsExactly("X Collaboration", "A. One", "B. Two");
    assertThat(names(AuthorListParser.parse("J. Smith Jr., K. Lee"))).containsExactly("J. Smith Jr.", "K. Lee");
    assertThat(names(AuthorListParser.parse("J. Smith, Jr., K. Lee"))).containsExactly("J. Smith Jr.", "K. Lee");
    assertThat(names(AuthorListParser.parse("The Y Collaboration, B. One, et al")))
        .containsExactly("The Y Collaboration", "B. One");
    assertThat(names(AuthorListParser.parse("A. One for the Z Collaboration")))
        .containsExactly("A. One", "Z Collaboration");
  }

  @Test
  void parenthesisedAffiliationsStayWithTheirAuthor() {
    List<Author> authors = AuthorListParser.parse(
        "John Smith (MIT, Cambridge), Jane Roe\n  (Oxford) and Bo Li");
    assertThat(names(authors)).containsExactly("John Smith", "Jane Roe", "Bo Li");
    assertThat(authors.get(0).affiliations()).containsExactly("MIT, Cambridge");
    assertThat(authors.get(1).affiliations()).containsExactly("Oxford");
    assertThat(authors.get(2).affiliations()).isEmpty();
    List<Author> numbered = AuthorListParser.parse("A. One (1,2), B. Two (2) ((1) Uni A, (2) Uni B)");
    assertThat(numbered.get(0).affiliations()).containsExactly("Uni A", "Uni B");
    assertThat(numbered.get(1).affiliations()).containsExactly("Uni B");
  }

  @Test
  void snapshotAuthorsParsedCarriesAffiliations() throws Exception {
    Paper p = new KaggleSnapshotParser().parseLine("{\"id\":\"0704.9998\",\"authors\":\"A. One (Uni A)\","
        + "\"title\":\"T\",\"categories\":\"hep-th\",\"update_date\":\"2008-01-01\","
        + "\"authors_parsed\":[[\"One\",\"A.\",\"\",\"Uni A\",\"Lab B\"]]}");
    assertThat(p.authors()).singleElement().satisfies(a -> {
      assertThat(a.keyname()).isEqualTo("One");
      assertThat(a.affiliations()).containsExactly("Uni A", "Lab B");
    });
    assertThat(p.datestamp()).hasToString("2008-01-01");
  }

  @Test
  void badSnapshotLinesGiveClearReasons() {
    KaggleSnapshotParser k = new KaggleSnapshotParser();
    assertThatThrownBy(() -> k.parseLine("{not json")).isInstanceOf(RecordFormatException.class)
        .hasMessageStartingWith("invalid JSON");
    assertThatThrownBy(() -> k.parseLine("{\"title\":\"x\"}")).hasMessage("missing id");
    assertThatThrownBy(() -> k.parseLine("{\"id\":\"nonsense\",\"title\":\"x\"}"))
        .isInstanceOf(RecordFormatException.class).hasMessageContaining("not an arXiv identifier")
        .satisfies(e -> assertThat(((RecordFormatException) e).identifier()).isEqualTo("nonsense"));
    assertThatThrownBy(() -> k.parseLine("{\"id\":\"0704.0001\"}")).hasMessageContaining("needs a title");
  }

  @Test
  void atomAffiliationsErrorEntryAndEmptyResult() throws Exception {
    String head = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:o=\"http://a9.com/-/spec/opensearch/1.1/\""
        + " xmlns:ax=\"http://arxiv.org/schemas/atom\"><title>q</title><id>x</id><updated>2026-01-01T00:00:00Z</updated>"
        + "<o:totalResults>%d</o:totalResults><o:startIndex>0</o:startIndex><o:itemsPerPage>5</o:itemsPerPage>";
    // the arXiv namespace bound to an unusual prefix: read by URI, never by prefix
    AtomPage page = new ArxivAtomParser().parse(in(String.format(head, 1) + "<entry><id>http://arxiv.org/abs/2101.00001v3</id>"
        + "<published>2021-01-01T00:00:00Z</published><updated>2021-03-01T00:00:00Z</updated><title>T</title>"
        + "<summary>S</summary><author><name>A. One</name><ax:affiliation>Uni A</ax:affiliation>"
        + "<ax:affiliation>Lab B</ax:affiliation></author><ax:primary_category term=\"cs.DL\"/>"
        + "<category term=\"cs.DL\"/><category term=\"H.3.7\"/></entry></feed>"));
    Paper p = page.papers().get(0);
    assertThat(p.version()).isEqualTo(3);
    assertThat(p.updated()).hasToString("2021-03-01");
    assertThat(p.authors().get(0).affiliations()).containsExactly("Uni A", "Lab B");
    assertThat(p.categories()).containsExactly("cs.DL");
    AtomPage error = new ArxivAtomParser().parse(in(String.format(head, 1) + "<entry><id>http://arxiv.org/api/errors#bad"
        + "</id><title>Error</title><summary>incorrect id format for bad</summary><updated>2026-01-01T00:00:00Z</updated></entry></feed>"));
    assertThat(error.errors()).containsExactly("incorrect id format for bad");
    assertThat(error.papers()).isEmpty();
    AtomPage empty = new ArxivAtomParser().parse(in(String.format(head, 0) + "</feed>"));
    assertThat(empty.totalResults()).isZero();
    assertThat(empty.papers()).isEmpty();
    assertThatThrownBy(() -> new ArxivAtomParser().parse(in(String.format(head, 1) + "<entry>")))
        .isInstanceOf(FormatException.class);
  }

  @Test
  void textNormalizerKeepsParagraphsAndTex() {
    assertThat(TextNormalizer.inline("A title\n  wrapped $\\alpha$  here ")).isEqualTo("A title wrapped $\\alpha$ here");
    assertThat(TextNormalizer.paragraphs("  First line\nwrapped.\n  Second para.\n\nThird."))
        .isEqualTo("First line wrapped.\n\nSecond para.\n\nThird.");
    assertThat(TextNormalizer.paragraphs("  no break here\n  because no sentence end")).isEqualTo("no break here because no sentence end");
    assertThat(TextNormalizer.inline("  ")).isNull();
  }
}
