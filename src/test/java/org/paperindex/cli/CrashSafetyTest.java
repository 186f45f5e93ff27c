package org.paperindex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.bench.KaggleJsonWriter;
import org.paperindex.bench.LoopbackOaiServer;
import org.paperindex.bench.SyntheticArxiv;
import org.paperindex.index.PaperIndex;
import org.paperindex.index.PaperSchema;
import org.paperindex.model.Paper;
import org.paperindex.store.RecordStore;

/**
 * {@code kill -9} at random moments of a real {@code import} / {@code harvest} process, then a
 * restart of the same command, ends with exactly the papers of an uninterrupted run: the same ids
 * and contents in the store and in the index, no duplicate documents, and both reopen cleanly.
 */
class CrashSafetyTest {
  private static final long SEED = 0xC0FFEEL;
  private static final int KILLS = 3;
  // enough records that a run takes seconds (kills land mid-run), few enough for a lean suite
  private static final int RECORDS = 12_000;

  @TempDir Path tmp;

  @Test
  void import_killed_at_random_moments_then_restarted_equals_an_uninterrupted_import() throws Exception {
    Path file = tmp.resolve("snapshot.jsonl");
    KaggleJsonWriter.writeFile(new SyntheticArxiv(SEED), RECORDS, file);
    // a broken line every 1000: the quarantine must come out the same too (no duplicates)
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    for (int i = 500; i < lines.size(); i += 1000) {
      lines.set(i, lines.get(i).substring(0, 40));
    }
    Files.write(file, lines);
    List<String> cmd = List.of("import", "--no-progress", file.toString());

    long refMillis = reference(cmd);
    Snapshot expected = Snapshot.of(tmp.resolve("ref"));
    assertThat(expected.store).hasSize(RECORDS - 12);
    assertThat(expected.quarantined).isEqualTo(12);

    Path dir = tmp.resolve("crashed");
    List<String> kills = killRepeatedly(cmd, dir, refMillis, new Random(SEED));
    assertThat(runToCompletion(cmd, dir)).isZero();
    assertSame(expected, Snapshot.of(dir), kills);
    assertShowWorks(dir, expected.store.keySet().iterator().next());
  }

  @Test
  void harvest_killed_at_random_moments_then_restarted_equals_an_uninterrupted_harvest() throws Exception {
    try (LoopbackOaiServer arxiv = new LoopbackOaiServer(new SyntheticArxiv(SEED + 1), 4_000, 100)) {
      List<String> cmd = List.of("harvest", "--from", "2024-01-01",
          "-Dpaperindex.arxiv.oai-url=" + arxiv.uri(),
          "-Dpaperindex.arxiv.request-interval=1ms",
          "-Dpaperindex.arxiv.retry-backoff=10ms");

      long refMillis = reference(cmd);
      Snapshot expected = Snapshot.of(tmp.resolve("ref"));
      assertThat(expected.store).hasSize(4_000);

      Path dir = tmp.resolve("crashed");
      List<String> kills = killRepeatedly(cmd, dir, refMillis, new Random(SEED + 1));
      assertThat(runToCompletion(cmd, dir)).isZero();
      assertSame(expected, Snapshot.of(dir), kills);
      assertShowWorks(dir, expected.store.keySet().iterator().next());
    }
  }

  /**
   * Starts the command as a child process and SIGKILLs it at a seeded random moment, {@link #KILLS}
   * times; each restart resumes from what the previous one left. Returns what each kill hit.
   */
  private List<String> killRepeatedly(List<String> cmd, Path dir, long refMillis, Random rnd)
      throws Exception {
    List<String> kills = new ArrayList<>();
    for (int k = 0; k < KILLS; k++) {
      Process p = start(cmd, dir, k);
      // a moment inside the time the uninterrupted child took, measured from the same start;
      // the first half only, as later runs are often faster than the reference (warm caches)
      long delay = (long) ((0.05 + 0.5 * rnd.nextDouble()) * refMillis);
      Thread.sleep(delay);
      boolean alive = p.isAlive();
      long storeBytes = size(dir.resolve("data"));
      long indexBytes = size(dir.resolve("index"));
      p.destroyForcibly(); // SIGKILL: no shutdown hooks, no commit
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      kills.add("kill " + k + " after " + delay + " ms (alive=" + alive + ", store " + storeBytes
          + " B, index " + indexBytes + " B, exit " + p.exitValue() + ")");
    }
    System.err.println("CrashSafetyTest " + cmd.get(0) + ": reference run " + refMillis + " ms; " + kills);
    assertThat(kills).as("at least one kill hit a running process").anyMatch(k -> k.contains("alive=true"));
    return kills;
  }

  /** Runs the command uninterrupted as a child process into {@code ref}; returns its wall time. */
  private long reference(List<String> cmd) throws Exception {
    long t0 = System.nanoTime();
    Process p = start(cmd, tmp.resolve("ref"), 0);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("reference run finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("ref").resolve("run-0.log"))).isZero();
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private int runToCompletion(List<String> cmd, Path dir) throws Exception {
    Process p = start(cmd, dir, KILLS);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("final run finished").isTrue();
    if (p.exitValue() != 0) {
      throw new AssertionError("final run failed:\n" + Files.readString(dir.resolve("run-" + KILLS + ".log")));
    }
    return p.exitValue();
  }

  private Process start(List<String> cmd, Path dir, int attempt) throws IOException {
    Files.createDirectories(dir);
    List<String> argv = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        PaperIndexCli.class.getName()));
    argv.addAll(List.of(withDirs(cmd, dir)));
    return new ProcessBuilder(argv)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("run-" + attempt + ".log").toFile())
        .start();
  }

  private static String[] withDirs(List<String> cmd, Path dir) {
    List<String> a = new ArrayList<>(cmd);
    a.add("-Dpaperindex.index.dir=" + dir.resolve("index"));
    a.add("-Dpaperindex.data.dir=" + dir.resolve("data"));
    a.add("-Dpaperindex.schedule.enabled=false");
    return a.toArray(String[]::new);
  }

  private static void assertSame(Snapshot expected, Snapshot actual, List<String> kills) {
    String why = " after " + kills;
    assertThat(diff(expected.store, actual.store)).as("store vs reference" + why).isEmpty();
    assertThat(diff(actual.store.keySet(), actual.index.keySet())).as("index ids vs store ids" + why).isEmpty();
    assertThat(actual.indexDocs).as("index documents (duplicates?)" + why).isEqualTo(actual.index.size());
    assertThat(diff(expected.index, actual.index)).as("index vs reference" + why).isEmpty();
    assertThat(actual.quarantined).as("quarantine" + why).isEqualTo(expected.quarantined);
  }

  /** A short description of how two id → fingerprint maps differ; empty when equal. */
  private static String diff(Map<String, String> want, Map<String, String> got) {
    List<String> bad = new ArrayList<>();
    want.forEach((id, f) -> {
      if (!got.containsKey(id)) {
        bad.add("missing " + id);
      } else if (!got.get(id).equals(f)) {
        bad.add("changed " + id);
      }
    });
    got.keySet().stream().filter(id -> !want.containsKey(id)).forEach(id -> bad.add("extra " + id));
    return bad.isEmpty() ? "" : bad.size() + " differences, e.g. " + bad.subList(0, Math.min(5, bad.size()));
  }

  private static String diff(java.util.Set<String> want, java.util.Set<String> got) {
    Map<String, String> a = new TreeMap<>();
    Map<String, String> b = new TreeMap<>();
    want.forEach(id -> a.put(id, ""));
    got.forEach(id -> b.put(id, ""));
    return diff(a, b);
  }

  private static void assertShowWorks(Path dir, String id) {
    assertThat(PaperIndexCli.run(withDirs(List.of("show", id), dir))).isZero();
  }

  /** Bytes under {@code dir} (for the log); the process may be deleting files meanwhile. */
  private static long size(Path dir) throws IOException {
    for (int attempt = 0; attempt < 5; attempt++) {
      if (!Files.isDirectory(dir)) {
        return 0;
      }
      try (Stream<Path> s = Files.walk(dir)) {
        return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
      } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
        // a merge removed a file while we listed the directory: list again
      }
    }
    return -1;
  }

  /** Ids with a content fingerprint, from the store and from the index, reopened from disk. */
  private record Snapshot(Map<String, String> store, Map<String, String> index, int indexDocs,
      long quarantined) {

    static Snapshot of(Path dir) {
      Map<String, String> store = new TreeMap<>();
      long quarantined;
      try (RecordStore rs = RecordStore.open(dir.resolve("data"))) {
        rs.forEach(p -> store.put(p.id().value(), fingerprint(p)));
        quarantined = rs.quarantineSize();
      }
      Map<String, String> index = new TreeMap<>();
      int[] docs = {0};
      try (PaperIndex pi = PaperIndex.openReadOnly(dir.resolve("index"))) {
        pi.withSearcher(s -> {
          try {
            IndexReader r = s.getIndexReader();
            Bits live = MultiBits.getLiveDocs(r);
            for (int d = 0; d < r.maxDoc(); d++) {
              if (live == null || live.get(d)) {
                Paper p = PaperSchema.fromDocument(s.storedFields().document(d));
                index.put(p.id().value(), fingerprint(p));
                docs[0]++;
              }
            }
            return null;
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
      }
      return new Snapshot(store, index, docs[0], quarantined);
    }

    private static String fingerprint(Paper p) {
      return Integer.toHexString(java.util.Objects.hash(p.title(), p.abstractText(), p.authors(),
          p.categories(), p.version(), p.withdrawn()));
    }
  }
}
