package org.paperindex.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.paperindex.bench.BenchRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench}: import, harvest and search throughput on generated arXiv-like records. */
@Command(
    name = "bench",
    description = "Benchmark import (vs bare Lucene), harvest and search on synthetic records.")
final class BenchCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--records", defaultValue = "200000", description = "Records to import (default: ${DEFAULT-VALUE}).")
  long records;

  @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--harvest-records", defaultValue = "35000",
      description = "Records to harvest over loopback OAI-PMH, at most --records (default: ${DEFAULT-VALUE}).")
  long harvestRecords;

  @Option(names = "--search-runs", defaultValue = "20", description = "Timed runs of each query (default: ${DEFAULT-VALUE}).")
  int searchRuns;

  @Option(names = "--work-dir", paramLabel = "DIR", description = "Where to put files (default: a temporary directory).")
  Path workDir;

  @Option(names = "--keep", description = "Keep the generated files, index and store.")
  boolean keep;

  @Option(names = "--clients", defaultValue = "8",
      description = "Concurrent HTTP clients for the search and detail loads (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--http-requests", defaultValue = "2000",
      description = "Timed requests per kind (search, detail) over HTTP and in process (default: ${DEFAULT-VALUE}).")
  int httpRequests;

  @Option(names = "--reuse",
      description = "Skip generating and importing: reuse the import kept in --work-dir by an earlier"
          + " --keep run with the same --records and --seed (the import line then reads n/a).")
  boolean reuse;

  @Option(names = "--merge-segments", paramLabel = "N", defaultValue = "1",
      description = "Merge the imported index into N segments before the search phases, as"
          + " import --merge-segments N does (0: keep the segments the import made; default: ${DEFAULT-VALUE}).")
  int mergeSegments;

  @Option(names = "--skip-suggest",
      description = "Do not time autocomplete (its first request builds the suggester: minutes at 1M papers).")
  boolean skipSuggest;

  @Override
  public Integer call() throws Exception {
    BenchRunner.Options opt;
    try {
      opt = new BenchRunner.Options(records, seed, harvestRecords, searchRuns, workDir, keep,
          clients, httpRequests, reuse, !skipSuggest, mergeSegments);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(e.getMessage(), 2);
    }
    new BenchRunner(opt, options.settings(), System.out).run();
    return 0;
  }
}
