package org.paperindex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.config.AppConfig;
import org.paperindex.config.Settings;
import org.paperindex.index.PaperIndex;
import org.paperindex.model.ArxivId;
import org.paperindex.store.RecordStore;

/** {@code import}: streamed Kaggle snapshot lines, gzip, quarantine of bad lines, idempotence. */
class ImportCommandTest {
  @TempDir Path tmp;

  private static final String GOOD =
      "{\"id\":\"0801.0042\",\"submitter\":\"Ada Quill\",\"authors\":\"Ada Quill and Tom Brook\","
          + "\"title\":\"Folding paper in\\n  hyperbolic space\",\"comments\":\"4 pages\","
          + "\"journal-ref\":null,\"doi\":null,\"report-no\":null,\"categories\":\"math.GT cs.CG\","
          + "\"license\":null,\"abstract\":\"  We fold.\\n\",\"versions\":[{\"version\":\"v1\","
          + "\"created\":\"Tue, 1 Jan 2008 10:00:00 GMT\"}],\"update_date\":\"2008-01-02\","
          + "\"authors_parsed\":[[\"Quill\",\"Ada\",\"\"],[\"Brook\",\"Tom\",\"\"]]}";
  private static final String OLD_STYLE =
      GOOD.replace("0801.0042", "math/0601002").replace("Folding paper in", "Old style paper in");

  private String[] args(String... files) {
    String[] a = new String[files.length + 4];
    a[0] = "import";
    a[1] = "-Dpaperindex.index.dir=" + tmp.resolve("index");
    a[2] = "-Dpaperindex.data.dir=" + tmp.resolve("data");
    a[3] = "--no-progress";
    System.arraycopy(files, 0, a, 4, files.length);
    return a;
  }

  @Test
  void imports_plain_and_gzip_files_and_quarantines_bad_lines() throws Exception {
    Path plain = tmp.resolve("a.jsonl");
    Files.writeString(
        plain, GOOD + "\n{\"id\":\"0801.0043\",\"title\":\"cut off\n\n[1,2,3]\n", StandardCharsets.UTF_8);
    Path gz = tmp.resolve("b.json.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      o.write((OLD_STYLE + "\n").getBytes(StandardCharsets.UTF_8));
      o.write(new byte[] {'{', '"', 'i', 'd', '"', ':', (byte) 0xff, (byte) 0xfe, '}', '\n'});
    }

    String out = Cli.run(0, args(plain.toString(), gz.toString()));
    assertThat(out).contains("records read 5, indexed 2, unchanged 0, rejected 3");

    try (RecordStore store = RecordStore.open(tmp.resolve("data"))) {
      assertThat(store.count()).isEqualTo(2);
      assertThat(store.quarantineSize()).isEqualTo(3);
      assertThat(store.quarantined(10)).allSatisfy(q -> assertThat(q.reason()).isNotBlank());
    }
    AppConfig cfg = AppConfig.from(Settings.of(Map.of("paperindex.index.dir", tmp.resolve("index").toString())));
    try (Services s = Services.open(cfg, Services.Access.READ)) {
      assertThat(s.search().paper(ArxivId.parse("math/0601002")).orElseThrow().title())
          .isEqualTo("Old style paper in hyperbolic space");
    }

    // importing the same file again changes nothing
    assertThat(Cli.run(0, args(plain.toString()))).contains("records read 3, indexed 0, unchanged 1, rejected 2");
  }

  @Test
  void merges_the_index_into_fewer_segments_and_keeps_its_commit_data() throws Exception {
    // three imports, three commits, three segments (too few for Lucene's merge policy to merge)
    for (int i = 1; i <= 3; i++) {
      Path f = tmp.resolve(i + ".jsonl");
      String bad = i == 2 ? "\n{\"id\": broken\n" : "\n";
      Files.writeString(f, GOOD.replace("0801.0042", "0801.004" + i) + bad, StandardCharsets.UTF_8);
      Cli.run(0, args(f.toString()));
    }
    Path dir = tmp.resolve("index");
    Map<String, String> before = commitData(dir);
    try (PaperIndex index = PaperIndex.openReadOnly(dir)) {
      assertThat(index.segments()).isEqualTo(3);
    }
    Path again = tmp.resolve("again.jsonl");
    Files.writeString(again, GOOD.replace("0801.0042", "0801.0041") + "\n", StandardCharsets.UTF_8);
    String[] a = args(again.toString());
    String[] merge = java.util.Arrays.copyOf(a, a.length + 1);
    merge[a.length] = "--merge-segments=1";
    assertThat(Cli.run(0, merge)).contains("unchanged 1").contains("merged 3 segments into 1 in ");
    try (PaperIndex index = PaperIndex.openReadOnly(dir)) {
      assertThat(index.segments()).isEqualTo(1);
      assertThat(index.count()).isEqualTo(3);
      assertThat(index.committedQuarantined()).isEqualTo(1);
    }
    // the store sequence, schema and quarantine count the index vouches for are unchanged
    assertThat(commitData(dir)).isEqualTo(before).containsKey(PaperIndex.STORE_SEQ);
    merge[a.length] = "--merge-segments=-1";
    assertThat(PaperIndexCli.run(merge)).isEqualTo(2);
  }

  private static Map<String, String> commitData(Path dir) throws Exception {
    try (org.apache.lucene.store.Directory d = org.apache.lucene.store.FSDirectory.open(dir)) {
      return org.apache.lucene.index.SegmentInfos.readLatestCommit(d).getUserData();
    }
  }

  @Test
  void a_missing_file_is_a_one_line_error() {
    assertThat(PaperIndexCli.run(args(tmp.resolve("nope.jsonl").toString()))).isEqualTo(2);
  }

}
