package org.paperindex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.bench.KaggleJsonWriter;
import org.paperindex.bench.SyntheticArxiv;
import org.paperindex.index.PaperIndex;
import org.paperindex.store.RecordStore;

/**
 * A disk that fills up during an import: the real CLI stops with a clear one-line error and a
 * non-zero exit code, and once there is space again a rerun ends with a readable store and index
 * holding exactly the records. Needs a tmpfs mount (root); skipped where mounting is not allowed.
 */
class DiskFullTest {
  @TempDir Path tmp;
  private Path mount;

  @AfterEach
  void unmount() throws Exception {
    if (mount != null) {
      sh("umount", mount.toString());
    }
  }

  @Test
  void import_on_a_full_disk_fails_with_one_clear_line_and_a_rerun_with_space_is_exact() throws Exception {
    mount = tmp.resolve("disk");
    Files.createDirectories(mount);
    Assumptions.assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString()) == 0,
        "cannot mount a tmpfs here (not root?)");
    Path snapshot = tmp.resolve("snapshot.jsonl");
    KaggleJsonWriter.writeFile(new SyntheticArxiv(42), 4_000, snapshot);

    Process full = importInto(snapshot, "full.log");
    assertThat(full.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(tmp.resolve("full.log"));
    String last = log.strip().lines().reduce((a, b) -> b).orElse("");
    assertThat(full.exitValue()).as(log).isNotZero();
    assertThat(last).as(log).startsWith("error: ").containsIgnoringCase("no space left on device");
    assertThat(log).doesNotContain("\tat "); // no stack trace for the operator

    assertThat(sh("mount", "-o", "remount,size=256m", mount.toString())).isZero();
    Process rerun = importInto(snapshot, "rerun.log");
    assertThat(rerun.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(rerun.exitValue()).as(Files.readString(tmp.resolve("rerun.log"))).isZero();

    try (RecordStore store = RecordStore.open(mount.resolve("data"))) {
      assertThat(store.count()).isEqualTo(4_000);
      long[] n = {0};
      store.forEach(p -> n[0]++);
      assertThat(n[0]).isEqualTo(4_000);
    }
    try (PaperIndex index = PaperIndex.openReadOnly(mount.resolve("index"))) {
      int live = index.withSearcher(s -> s.getIndexReader().numDocs());
      assertThat(live).isEqualTo(4_000);
    }
  }

  private Process importInto(Path snapshot, String logName) throws IOException {
    List<String> argv = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), PaperIndexCli.class.getName(),
        "import", "--no-progress", snapshot.toString(),
        "-Dpaperindex.index.dir=" + mount.resolve("index"),
        "-Dpaperindex.data.dir=" + mount.resolve("data")));
    return new ProcessBuilder(argv).redirectErrorStream(true)
        .redirectOutput(tmp.resolve(logName).toFile()).start();
  }

  private static int sh(String... cmd) throws Exception {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
