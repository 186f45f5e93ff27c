package org.paperindex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.SharedData;
import org.paperindex.api.Json;
import org.paperindex.extract.TexToUnicode;
import org.paperindex.harvest.LoopbackServer;
import org.paperindex.harvest.LoopbackServer.Response;
import org.paperindex.parse.OaiPage;
import org.paperindex.parse.OaiPmhParser;
import org.paperindex.parse.OaiRecord;

/**
 * Acceptance: every real OAI-PMH response in {@code ../shared} harvested through the real
 * {@code harvest} command against a loopback server; every well-formed record is then findable
 * by {@code show} with its real title. Runs with {@code -Pacceptance} when ../shared exists.
 */
@Tag("acceptance")
class RealOaiHarvestAcceptanceTest {
  @TempDir Path tmp;

  @Test
  void every_well_formed_real_record_is_harvested_and_shown_with_its_title() throws Exception {
    Path shared = SharedData.dir("fixtures/oai-pmh");
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("fixtures/oai-pmh", "corpus-b/oai-pmh")) {
      Path d = shared.resolve(dir);
      if (Files.isDirectory(d)) {
        try (Stream<Path> s = Files.list(d)) {
          s.filter(p -> p.toString().endsWith(".xml"))
              .filter(p -> !p.getFileName().toString().startsWith("share_oai_dc_fragment"))
              .sorted()
              .forEach(files::add);
        }
      }
    }
    Map<String, String> expectedTitles = new LinkedHashMap<>();
    int harvested = 0;
    for (Path file : files) {
      OaiPage page;
      try (InputStream in = Files.newInputStream(file)) {
        page = new OaiPmhParser().parse(in);
      }
      if (page.records().isEmpty()) {
        continue; // error responses (noRecordsMatch, badArgument, ...) carry no records
      }
      for (OaiRecord r : page.records()) {
        if (!r.deleted()) {
          // shown titles have TeX accents turned into Unicode (Erd{\\H{o}}s -> Erdős)
          expectedTitles.put(r.id().value(), TexToUnicode.convert(r.paper().title()));
        }
      }
      try (LoopbackServer server = LoopbackServer.start()) {
        server.enqueue(Response.ok(Files.readString(file, StandardCharsets.UTF_8)));
        // a real page may carry a resumption token: the list then ends
        server.dispatch(req -> Response.ok(
            "<?xml version=\"1.0\"?><OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
                + "<responseDate>2024-01-01T00:00:00Z</responseDate>"
                + "<error code=\"noRecordsMatch\">end</error></OAI-PMH>"));
        int rc = PaperIndexCli.run(args(server, "harvest", "--from", "2015-01-01"));
        assertThat(rc).as("harvest of %s", file.getFileName()).isEqualTo(0);
        harvested++;
      }
    }
    assertThat(harvested).isGreaterThan(10);
    assertThat(expectedTitles).hasSizeGreaterThan(200);

    for (Map.Entry<String, String> e : expectedTitles.entrySet()) {
      String json = Cli.run(0, args(null, "show", e.getKey()));
      JsonNode paper = Json.mapper().readTree(json);
      assertThat(paper.get("id").asText()).isEqualTo(e.getKey());
      assertThat(paper.get("title").asText()).as("title of %s", e.getKey()).isEqualTo(e.getValue());
    }
  }

  private String[] args(LoopbackServer server, String... cmd) {
    List<String> a = new ArrayList<>(List.of(cmd));
    a.add("-Dpaperindex.index.dir=" + tmp.resolve("index"));
    a.add("-Dpaperindex.data.dir=" + tmp.resolve("data"));
    if (server != null) {
      a.add("-Dpaperindex.arxiv.oai-url=" + server.uri("/oai"));
      a.add("-Dpaperindex.arxiv.request-interval=0s");
    }
    return a.toArray(String[]::new);
  }

}
