package org.paperindex.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.cli.PaperIndexCli;

/** {@code bench} on a tiny input, in process: the summary lines scripts read. */
class BenchCommandTest {
  @TempDir Path tmp;

  @Test
  void prints_the_summary_lines_last_and_cleans_up() throws Exception {
    Path work = tmp.resolve("work");
    PrintStream real = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      code = PaperIndexCli.run("bench", "--records", "2000", "--seed", "5", "--harvest-records",
          "2000", "--search-runs", "2", "--http-requests", "60", "--clients", "3", "--work-dir",
          work.toString());
    } finally {
      System.setOut(real);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(code).as(out).isZero();
    List<String> lines = out.lines().toList();
    List<String> last = lines.subList(lines.size() - 7, lines.size());
    String num = "\\d+(\\.\\d+)?";
    // with wrk installed the same loads run from it too, and the summary says so
    String wrk = WrkLoad.available() ? "; wrk median " + num + " ms, p99 " + num + " ms" : "";
    assertThat(last.get(0)).matches("import: pipeline " + num + " records/s, bare lucene " + num
        + " records/s, ratio " + num);
    assertThat(last.get(1)).matches("harvest: " + num + " records/s");
    assertThat(last.get(2)).matches(
        "search: median " + num + " ms, p99 " + num + " ms over HTTP; median " + num + " ms in process"
            + wrk);
    assertThat(last.get(3)).matches("search cached: median " + num + " ms, p99 " + num
        + " ms over HTTP; median " + num + " ms in process");
    assertThat(last.get(4)).matches(
        "detail: median " + num + " ms, p99 " + num + " ms over HTTP; median " + num + " ms in process"
            + wrk);
    assertThat(last.get(5)).matches("startup: \\d+ ms to first answer");
    assertThat(last.get(6)).matches("memory: peak heap \\d+ MiB");
    // every HTTP request was answered with a 200 (a broken server would still give latencies)
    assertThat(out).containsPattern("search http: 60 requests from 3 clients, .*, 0 errors");
    assertThat(out).containsPattern(
        "search http, result cache on \\(the mix repeats\\): 60 requests from 3 clients, .*, 0 errors");
    assertThat(out).containsPattern(
        "search in process, baseline facets \\(Lucene drill-sideways\\): 60 requests .*, 0 errors");
    assertThat(out).containsPattern("detail http: 60 requests from 3 clients, .*, 0 errors");
    assertThat(out).containsPattern("detail in process: 60 requests from 3 clients, .*, 0 errors");
    for (String kind : List.of("search", "detail")) {
      assertThat(out).containsPattern(WrkLoad.available()
          ? kind + " http \\(wrk, 3 connections, load generator outside the JVM\\): [1-9]\\d* requests .*, 0 errors"
          : kind + " http \\(wrk\\): not measured");
    }
    assertThat(out).contains("records read 2000, indexed 2000, unchanged 0, rejected 0");
    // the import is merged into one segment before the searches, as the default asks
    assertThat(out).containsPattern("import merge: [1-9]\\d* segments into 1 in " + num + " s");
    assertThat(out).contains("harvest detail: 2000 records in 1 pages");
    // each search of the mix alone: its CPU and hits, then the mean
    assertThat(out).containsPattern("search cpu: q=&category=cs.LG " + num + " ms \\([1-9]\\d* hits\\)");
    assertThat(out).containsPattern("search cpu: mean " + num + " ms over the 21 searches of the mix");
    assertThat(work).satisfies(w -> assertThat(Files.exists(w)).isFalse());
  }

  @Test
  void bad_record_count_is_a_usage_error() {
    assertThat(PaperIndexCli.run("bench", "--records", "0")).isEqualTo(2);
  }
}
