package org.paperindex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Source;
import org.paperindex.parse.RejectedRecord;
import org.paperindex.store.RecordStore;

/**
 * {@code quarantine list|show|retry}: rejects are listed with their reason, shown with their raw
 * text, counted in {@code status}, and released once today's parser accepts them.
 */
class QuarantineCommandTest {
  @TempDir Path tmp;

  private static final String GOOD =
      "{\"id\":\"0801.0042\",\"submitter\":\"Ada Quill\",\"authors\":\"Ada Quill and Tom Brook\","
          + "\"title\":\"Folding paper in hyperbolic space\",\"categories\":\"math.GT cs.CG\","
          + "\"abstract\":\"We fold.\",\"versions\":[{\"version\":\"v1\","
          + "\"created\":\"Tue, 1 Jan 2008 10:00:00 GMT\"}],\"update_date\":\"2008-01-02\","
          + "\"authors_parsed\":[[\"Quill\",\"Ada\",\"\"],[\"Brook\",\"Tom\",\"\"]]}";

  private String[] args(String... a) {
    List<String> l = new ArrayList<>(List.of(a));
    l.add("-Dpaperindex.index.dir=" + tmp.resolve("index"));
    l.add("-Dpaperindex.data.dir=" + tmp.resolve("data"));
    return l.toArray(String[]::new);
  }

  @Test
  void rejects_are_listed_shown_counted_in_status_and_released_by_a_retry_after_a_fix() throws Exception {
    Path file = tmp.resolve("snap.jsonl");
    Files.writeString(file, GOOD + "\n{\"id\":\"0801.0043\",\"title\":\"cut off\n", StandardCharsets.UTF_8);
    assertThat(run(0, "import", "--no-progress", file.toString())).contains("rejected 1");
    assertThat(run(0, "status")).contains("\"quarantine\" : {").contains("\"size\" : 1");

    // records a previous version could not parse, but today's parsers can: a parser fix shipped
    String oaiGood = record(OaiPages.page("2024-03-05T10:00:00Z", null,
        List.of(OaiPages.P.of("2403.00021", "2024-03-04", "Creases of proofs", "math.CO"))));
    String oaiBad = record(OaiPages.page("2024-03-05T10:00:00Z", null,
        List.of(OaiPages.P.of("2403.00022", "2024-03-04", "Still broken", "Not A Category"))));
    try (RecordStore store = RecordStore.open(tmp.resolve("data"))) {
      store.quarantine(new RejectedRecord(null, "old parser: unknown license", GOOD.replace("0801.0042", "0801.0044")), Source.SNAPSHOT);
      store.quarantine(new RejectedRecord("oai:arXiv.org:2403.00021", "old parser: bad title", oaiGood), Source.OAI);
      store.quarantine(new RejectedRecord("oai:arXiv.org:2403.00022", "old reason", oaiBad), Source.OAI);
      store.quarantine(new RejectedRecord(null, "bad item", "<item>x</item>"), Source.RSS);
    }

    String list = run(0, "quarantine", "list", "--json");
    assertThat(list).contains("\"total\":5").contains("invalid JSON").contains("\"source\":\"oai\"");
    assertThat(run(0, "quarantine", "list", "--limit", "2")).contains("5 quarantined (showing the oldest 2)");
    assertThat(run(0, "quarantine", "show", "000000000002")).contains("\"raw\"").contains("0801.0044");
    assertThat(PaperIndexCli.run(args("quarantine", "show", "999"))).isEqualTo(3);
    assertThat(PaperIndexCli.run(args("quarantine", "retry"))).isEqualTo(2);

    String retried = run(0, "quarantine", "retry", "--all");
    assertThat(retried).contains("released 2, still rejected 2, cannot retry 1")
        .contains("cannot retry source rss yet");

    try (RecordStore store = RecordStore.open(tmp.resolve("data"))) {
      assertThat(store.get(ArxivId.parse("0801.0044"))).isPresent();
      assertThat(store.get(ArxivId.parse("2403.00021"))).isPresent();
      assertThat(store.quarantineSize()).isEqualTo(3);
      // the entry that still fails says why it fails now
      assertThat(store.quarantined(10)).anySatisfy(q -> {
        assertThat(q.identifier()).contains("2403.00022");
        assertThat(q.reason()).isNotEqualTo("old reason").containsIgnoringCase("categor");
      });
    }
    // released papers are searchable, and status counts what is left
    assertThat(run(0, "show", "2403.00021")).contains("Creases of proofs");
    assertThat(run(0, "show", "0801.0044")).contains("Folding paper in hyperbolic space");
    assertThat(run(0, "status")).contains("\"quarantine\" : {").contains("\"size\" : 3");

    // a second retry of a released key is "not found", not a duplicate
    assertThat(PaperIndexCli.run(args("quarantine", "retry", "000000000003"))).isEqualTo(3);
  }

  /** The {@code <record>} element of a one-record page, as the parser quarantines it. */
  private static String record(String page) {
    return page.substring(page.indexOf("<record>"), page.indexOf("</record>") + "</record>".length());
  }

  private String run(int expectedExit, String... a) {
    return Cli.run(expectedExit, args(a));
  }
}
