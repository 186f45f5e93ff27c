package org.paperindex.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.paperindex.cli.Services;
import org.paperindex.config.AppConfig;

/**
 * Runs the whole benchmark (generate, import vs bare Lucene, harvest, search) and prints detail
 * lines followed by the four summary lines that scripts read.
 */
public final class BenchRunner {

  /** What to run: record counts, seed, where to work and whether to keep the files. */
  public record Options(long records, long seed, long harvestRecords, int searchRuns,
      Path workDir, boolean keep) {
    public Options {
      if (records < 1 || records > SyntheticArxiv.MAX) {
        throw new IllegalArgumentException("--records must be in 1.." + SyntheticArxiv.MAX);
      }
      if (harvestRecords < 1 || searchRuns < 1) {
        throw new IllegalArgumentException("harvest records and search runs must be positive");
      }
    }
  }

  private static final int WARMUP_RECORDS = 10_000;

  private final Options opt;
  private final AppConfig base;
  private final PrintStream out;

  /** A runner; {@code base} supplies index tuning and HTTP client settings, its paths are replaced. */
  public BenchRunner(Options opt, AppConfig base, PrintStream out) {
    this.opt = opt;
    this.base = base;
    this.out = out;
  }

  /** Runs every phase and prints the results. */
  public void run() throws IOException {
    Path work = opt.workDir() != null ? opt.workDir() : Files.createTempDirectory("paperindex-bench");
    Files.createDirectories(work);
    try (MemoryProbe memory = new MemoryProbe()) {
      run(work, memory);
    } finally {
      if (!opt.keep()) {
        delete(work);
      }
    }
  }

  private void run(Path work, MemoryProbe memory) throws IOException {
    out.printf(Locale.ROOT, "bench: %d records, seed %d, %d cpus, max heap %d MiB, work dir %s%n",
        opt.records(), opt.seed(), Runtime.getRuntime().availableProcessors(),
        MemoryProbe.mib(MemoryProbe.maxHeapBytes()), work);
    SyntheticArxiv gen = new SyntheticArxiv(opt.seed());
    Path file = work.resolve("snapshot.jsonl");
    long t = System.nanoTime();
    long bytes = KaggleJsonWriter.writeFile(gen, opt.records(), file);
    double genSecs = (System.nanoTime() - t) / 1e9;
    out.printf(Locale.ROOT, "generate: %d records, %d MiB, %.1f s (%.0f records/s)%n",
        opt.records(), MemoryProbe.mib(bytes), genSecs, opt.records() / genSecs);

    warmUp(gen, work);
    int ram = base.index().ramBufferMb();
    ImportBench.Run bare = ImportBench.bareLucene(file, fresh(work.resolve("bare-index")), ram);
    out.printf(Locale.ROOT, "import bare lucene: %.1f s, %.0f records/s, %s, index %d MiB%n",
        bare.seconds(), bare.rate(), bare.summary(),
        MemoryProbe.mib(ImportBench.size(work.resolve("bare-index"))));
    delete(work.resolve("bare-index"));

    AppConfig cfg = config(work.resolve("import"));
    long heapBefore = memory.peakHeapBytes();
    ImportBench.Run pipe = ImportBench.pipeline(file, cfg);
    long indexBytes = ImportBench.size(cfg.indexDir());
    long storeBytes = ImportBench.size(ImportBench.storeFile(cfg.dataDir()));
    out.printf(Locale.ROOT, "import pipeline: %.1f s, %.0f records/s, %s%n",
        pipe.seconds(), pipe.rate(), pipe.summary());
    out.printf(Locale.ROOT, "import sizes: input %d MiB, index %d MiB (%.2f KB/record), store %d MiB"
            + " (%.2f KB/record)%n", MemoryProbe.mib(bytes), MemoryProbe.mib(indexBytes),
        indexBytes / 1024.0 / opt.records(), MemoryProbe.mib(storeBytes),
        storeBytes / 1024.0 / opt.records());
    out.printf(Locale.ROOT, "import memory: peak heap %d MiB so far (%d MiB before import),"
            + " resident high-water %d MiB%n", MemoryProbe.mib(memory.peakHeapBytes()),
        MemoryProbe.mib(heapBefore), MemoryProbe.mib(MemoryProbe.residentHighWaterBytes()));
    Files.delete(file);

    long harvestN = Math.min(opt.harvestRecords(), opt.records());
    HarvestBench.Run h = HarvestBench.run(gen, harvestN, config(work.resolve("harvest")));
    out.printf(Locale.ROOT, "harvest detail: %d records in %d pages (%d MiB XML), %.1f s end to end;"
            + " fetch+parse alone %.0f records/s%n", h.records(), h.pages(),
        MemoryProbe.mib(h.bytes()), h.seconds(), h.parseOnlyRate());
    delete(work.resolve("harvest"));

    SearchBench.Result s;
    try (Services svc = Services.open(cfg, Services.Access.READ)) {
      s = SearchBench.run(svc.search(), SearchBench.queries(gen), 3, opt.searchRuns());
    }
    out.printf(Locale.ROOT, "search detail: %d queries x %d runs in process over %d papers:"
        + " median %.2f ms, p99 %.2f ms%n", s.queries(), s.runs(), pipe.records(), s.medianMs(), s.p99Ms());
    out.printf(Locale.ROOT, "memory detail: resident high-water %d MiB, max heap %d MiB%n",
        MemoryProbe.mib(MemoryProbe.residentHighWaterBytes()),
        MemoryProbe.mib(MemoryProbe.maxHeapBytes()));

    out.printf(Locale.ROOT, "import: pipeline %.0f records/s, bare lucene %.0f records/s, ratio %.2f%n",
        pipe.rate(), bare.rate(), pipe.rate() / bare.rate());
    out.printf(Locale.ROOT, "harvest: %.0f records/s%n", h.rate());
    out.printf(Locale.ROOT, "search: median n/a ms, p99 n/a ms over HTTP; median %.2f ms in process%n",
        s.medianMs());
    out.printf(Locale.ROOT, "memory: peak heap %d MiB%n", MemoryProbe.mib(memory.peakHeapBytes()));
    out.flush();
  }

  /** Runs both import paths once on a small file so neither measured run pays for JIT warm-up. */
  private void warmUp(SyntheticArxiv gen, Path work) throws IOException {
    Path dir = work.resolve("warmup");
    Files.createDirectories(dir);
    Path file = dir.resolve("warmup.jsonl");
    KaggleJsonWriter.writeFile(gen, Math.min(WARMUP_RECORDS, opt.records()), file);
    ImportBench.bareLucene(file, fresh(dir.resolve("bare")), base.index().ramBufferMb());
    ImportBench.pipeline(file, config(dir.resolve("pipeline")));
    delete(dir);
  }

  private AppConfig config(Path dir) throws IOException {
    fresh(dir);
    return base.withDirs(dir.resolve("index"), dir.resolve("data"));
  }

  private static Path fresh(Path dir) throws IOException {
    delete(dir);
    Files.createDirectories(dir);
    return dir;
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
