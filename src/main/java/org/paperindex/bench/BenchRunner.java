package org.paperindex.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.paperindex.cli.Services;
import org.paperindex.config.AppConfig;
import org.paperindex.config.Settings;
import org.paperindex.index.PaperIndex;
import org.paperindex.search.SearchService;

/**
 * Runs the whole benchmark (generate, import vs bare Lucene, harvest, search) and prints detail
 * lines followed by the four summary lines that scripts read.
 */
public final class BenchRunner {

  /**
   * What to run: record counts, seed, where to work, whether to keep the files, HTTP load (client
   * threads, timed requests per kind), whether to reuse the import of an earlier kept run and
   * into how many segments to merge the import before searching (0: as the import left it).
   */
  public record Options(long records, long seed, long harvestRecords, int searchRuns,
      Path workDir, boolean keep, int clients, int httpRequests, boolean reuse, boolean suggest,
      int mergeSegments) {
    public Options {
      if (mergeSegments < 0) {
        throw new IllegalArgumentException("--merge-segments must be 0 or more");
      }
      if (records < 1 || records > SyntheticArxiv.MAX) {
        throw new IllegalArgumentException("--records must be in 1.." + SyntheticArxiv.MAX);
      }
      if (harvestRecords < 1 || searchRuns < 1 || clients < 1 || httpRequests < 1) {
        throw new IllegalArgumentException(
            "harvest records, search runs, clients and HTTP requests must be positive");
      }
      if (reuse && (workDir == null || !Files.isDirectory(workDir.resolve("import").resolve("index")))) {
        throw new IllegalArgumentException(
            "--reuse needs the --work-dir of an earlier run with --keep (no import/index there)");
      }
    }

    /** The original options: 8 clients, 2,000 HTTP requests per kind, no reuse, one segment. */
    public Options(long records, long seed, long harvestRecords, int searchRuns, Path workDir,
        boolean keep) {
      this(records, seed, harvestRecords, searchRuns, workDir, keep, 8, 2_000, false, true, 1);
    }
  }

  private static final int WARMUP_RECORDS = 10_000;
  /** Untimed requests of each kind before a timed load: JIT, caches and connections warm. */
  private static final int WARMUP_REQUESTS = 400;

  private final Options opt;
  private final Settings settings;
  private final AppConfig base;
  private final PrintStream out;

  /** A runner; {@code settings} supply index tuning and the rest, their paths and port are replaced. */
  public BenchRunner(Options opt, Settings settings, PrintStream out) {
    this.opt = opt;
    this.settings = settings;
    this.base = AppConfig.from(settings);
    this.out = out;
  }

  /** Runs every phase and prints the results. */
  public void run() throws Exception {
    Path work = opt.workDir() != null ? opt.workDir() : Files.createTempDirectory("paperindex-bench");
    Files.createDirectories(work);
    try (MemoryProbe memory = new MemoryProbe()) {
      run(work, memory);
    } finally {
      if (!opt.keep() && !opt.reuse()) { // a reused work dir belongs to an earlier run
        delete(work);
      }
    }
  }

  private void run(Path work, MemoryProbe memory) throws Exception {
    out.printf(Locale.ROOT, "bench: %d records, seed %d, %d cpus, max heap %d MiB, work dir %s%n",
        opt.records(), opt.seed(), Runtime.getRuntime().availableProcessors(),
        MemoryProbe.mib(MemoryProbe.maxHeapBytes()), work);
    SyntheticArxiv gen = new SyntheticArxiv(opt.seed());
    AppConfig cfg;
    String importLine;
    if (opt.reuse()) {
      Path dir = work.resolve("import");
      cfg = base.withDirs(dir.resolve("index"), dir.resolve("data"));
      out.printf(Locale.ROOT, "import reused: %s, index %d MiB%n", dir,
          MemoryProbe.mib(ImportBench.size(cfg.indexDir())));
      importLine = "import: pipeline n/a records/s, bare lucene n/a records/s, ratio n/a";
    } else {
      cfg = config(work.resolve("import"));
      importLine = importPhase(gen, work, cfg, memory);
    }
    if (opt.mergeSegments() > 0) {
      mergePhase(cfg);
    }

    long harvestN = Math.min(opt.harvestRecords(), opt.records());
    HarvestBench.Run h = HarvestBench.run(gen, harvestN, config(work.resolve("harvest-warmup")),
        config(work.resolve("harvest")), config(work.resolve("harvest-inline")));
    out.printf(Locale.ROOT, "harvest detail: %d records in %d pages (%d MiB XML); fetch+parse alone"
            + " %.0f records/s; stored (fetch, parse, store, commit, checkpoint) %.0f records/s in"
            + " %.1f s; indexed (until the index caught up and committed) %.0f records/s in %.1f s;"
            + " inline path (store and index on the harvest thread) %.0f records/s in %.1f s;"
            + " stored/inline %.2fx, indexed/inline %.2fx%n", h.records(), h.pages(),
        MemoryProbe.mib(h.bytes()), h.parseOnlyRate(), h.rate(), h.storedSeconds(), h.indexedRate(),
        h.indexedSeconds(), h.inlineRate(), h.inlineSeconds(), h.rate() / h.inlineRate(),
        h.indexedRate() / h.inlineRate());
    delete(work.resolve("harvest-warmup"));
    delete(work.resolve("harvest"));
    delete(work.resolve("harvest-inline"));

    List<QueryMix.Search> mix = QueryMix.searches(gen, opt.records());
    SearchBench.Result s;
    List<SearchBench.PerSearch> each;
    long n;
    try (Services svc = Services.open(cfg, Services.Access.READ)) {
      n = svc.search().count();
      // result cache off: every run of a query is counted afresh
      SearchService cold = new SearchService(svc.index(), svc.search().maxSize(), 0);
      s = SearchBench.run(cold, SearchBench.queries(gen), 3, opt.searchRuns());
      each = SearchBench.perSearch(cold, mix, 3, opt.searchRuns());
      cold.close();
    }
    out.printf(Locale.ROOT, "search detail: %d queries x %d runs in process over %d papers:"
        + " median %.2f ms, p99 %.2f ms%n", s.queries(), s.runs(), n, s.medianMs(), s.p99Ms());
    for (SearchBench.PerSearch e : each) {
      out.printf(Locale.ROOT, "search cpu: %s %.2f ms (%d hits)%n", e.search(), e.cpuMs(),
          e.hits());
    }
    out.printf(Locale.ROOT, "search cpu: mean %.2f ms over the %d searches of the mix, one at a"
        + " time, median of %d runs each%n",
        each.stream().mapToDouble(SearchBench.PerSearch::cpuMs).average().orElse(Double.NaN),
        each.size(), opt.searchRuns());
    HttpBench.Result web = HttpBench.run(settings, cfg, mix,
        QueryMix.ids(gen, opt.records(), opt.httpRequests(), opt.seed()), QueryMix.prefixes(gen),
        opt.clients(), opt.httpRequests(),
        Math.min(opt.httpRequests(), WARMUP_REQUESTS), opt.suggest());
    printLoad("search http", web.searchHttp());
    printLoad("search in process", web.searchInProcess());
    printLoad("search http, result cache on (the mix repeats)", web.searchHttpCached());
    printLoad("search in process, result cache on", web.searchInProcessCached());
    printLoad("search in process, baseline facets (Lucene drill-sideways)", web.searchLuceneFacets());
    out.printf(Locale.ROOT, "search ratio: in process against the baseline, median %.2fx, CPU per"
        + " search %.2fx faster%n", web.searchLuceneFacets().median() / web.searchInProcess().median(),
        web.searchLuceneFacets().cpuMsPerRequest() / web.searchInProcess().cpuMsPerRequest());
    printLoad("detail http", web.detailHttp());
    printLoad("detail in process", web.detailInProcess());
    printWrk("search http", web.searchWrk());
    printWrk("detail http", web.detailWrk());
    out.printf(Locale.ROOT, "search json: median %.2f ms to serialise a response; slowest over HTTP:"
        + " %s%n", web.jsonMs(), String.join("; ", web.slowest()));
    out.printf(Locale.ROOT, Double.isNaN(web.suggestFirstMs())
        ? "suggest detail: not measured (skipped or the first request failed)%n"
        : "suggest detail: first request %.0f ms (builds the suggester over %d"
        + " papers), then median %.2f ms over HTTP%n", web.suggestFirstMs(), n, web.suggestMedianMs());
    StartupBench.Result up = startup(cfg, work, n);
    out.printf(Locale.ROOT, "memory detail: resident high-water %d MiB, max heap %d MiB%n",
        MemoryProbe.mib(MemoryProbe.residentHighWaterBytes()),
        MemoryProbe.mib(MemoryProbe.maxHeapBytes()));

    out.println(importLine);
    out.printf(Locale.ROOT, "harvest: %.0f records/s%n", h.rate());
    out.printf(Locale.ROOT, "search: median %.2f ms, p99 %.2f ms over HTTP; median %.2f ms in process%s%n",
        web.searchHttp().median(), web.searchHttp().p99(), web.searchInProcess().median(),
        wrkSummary(web.searchWrk()));
    out.printf(Locale.ROOT, "search cached: median %.2f ms, p99 %.2f ms over HTTP; median %.2f ms in"
        + " process%n", web.searchHttpCached().median(), web.searchHttpCached().p99(),
        web.searchInProcessCached().median());
    out.printf(Locale.ROOT, "detail: median %.2f ms, p99 %.2f ms over HTTP; median %.2f ms in process%s%n",
        web.detailHttp().median(), web.detailHttp().p99(), web.detailInProcess().median(),
        wrkSummary(web.detailWrk()));
    out.printf(Locale.ROOT, "startup: %d ms to first answer%n", up.healthMs());
    out.printf(Locale.ROOT, "memory: peak heap %d MiB%n", MemoryProbe.mib(memory.peakHeapBytes()));
    out.flush();
  }

  private void printWrk(String what, WrkLoad.Stats w) {
    if (w == null) {
      out.printf(Locale.ROOT, "%s (wrk): not measured (wrk is not installed: apt-get install wrk)%n", what);
      return;
    }
    out.printf(Locale.ROOT, "%s (wrk, %d connections, load generator outside the JVM): %d requests in"
        + " %.1f s, median %.2f ms, p99 %.2f ms, %.0f requests/s, %d errors%n", what, opt.clients(),
        w.requests(), w.seconds(), w.medianMs(), w.p99Ms(), w.perSecond(), w.errors());
  }

  private static String wrkSummary(WrkLoad.Stats w) {
    return w == null ? "" : String.format(Locale.ROOT, "; wrk median %.2f ms, p99 %.2f ms",
        w.medianMs(), w.p99Ms());
  }

  /**
   * Start-up as shipped, then with an application class-data-sharing archive (one run writes it
   * at exit, the next maps it): most of a cold start is loading and verifying classes.
   */
  private StartupBench.Result startup(AppConfig cfg, Path work, long papers) throws Exception {
    StartupBench.Result plain = StartupBench.run(settings, cfg, work.resolve("startup.log"), List.of());
    out.printf(Locale.ROOT, "startup detail: serve on %d papers answered /health after %d ms (%d ms"
            + " CPU) and its first search after %d ms (from process start)%n", papers,
        plain.healthMs(), plain.cpuMs(), plain.searchMs());
    Path jsa = work.resolve("serve.jsa");
    StartupBench.run(settings, cfg, work.resolve("startup-cds-dump.log"),
        List.of("-XX:ArchiveClassesAtExit=" + jsa));
    if (Files.exists(jsa)) {
      StartupBench.Result cds = StartupBench.run(settings, cfg, work.resolve("startup-cds.log"),
          List.of("-XX:SharedArchiveFile=" + jsa));
      out.printf(Locale.ROOT, "startup detail: with an AppCDS archive (-XX:SharedArchiveFile) /health"
              + " after %d ms (%d ms CPU), first search after %d ms%n", cds.healthMs(), cds.cpuMs(),
          cds.searchMs());
      Files.delete(jsa);
    }
    return plain;
  }

  private void printLoad(String what, ConcurrentLoad.Stats st) {
    out.printf(Locale.ROOT, "%s: %d requests from %d clients, median %.2f ms, p99 %.2f ms,"
            + " %.0f requests/s, CPU %.2f ms/request (server threads %.2f), %d errors%n", what,
        st.ms().length, opt.clients(), st.median(), st.p99(), st.perSecond(), st.cpuMsPerRequest(),
        st.serverCpuMsPerRequest(), st.errors());
  }

  /** Generates the file, imports it both ways and returns the summary line. */
  private String importPhase(SyntheticArxiv gen, Path work, AppConfig cfg, MemoryProbe memory)
      throws IOException {
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

    return String.format(Locale.ROOT,
        "import: pipeline %.0f records/s, bare lucene %.0f records/s, ratio %.2f",
        pipe.rate(), bare.rate(), pipe.rate() / bare.rate());
  }

  /** Merges the imported index as {@code import --merge-segments} does, and says how long it took. */
  private void mergePhase(AppConfig cfg) {
    try (Services s = Services.open(cfg, Services.Access.BULK)) {
      PaperIndex.Merge m = s.index().mergeSegments(opt.mergeSegments());
      out.printf(Locale.ROOT, "import merge: %d segments into %d in %.1f s%n", m.before(),
          m.after(), m.seconds());
    }
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
