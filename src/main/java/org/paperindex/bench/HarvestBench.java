package org.paperindex.bench;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.paperindex.cli.Services;
import org.paperindex.config.AppConfig;
import org.paperindex.harvest.ArxivHttpClient;
import org.paperindex.harvest.HarvestJob;
import org.paperindex.harvest.HarvestRequest;
import org.paperindex.harvest.HarvestSummary;
import org.paperindex.harvest.IngestSink;
import org.paperindex.harvest.OaiPmhHarvester;
import org.paperindex.harvest.Throttle;
import org.paperindex.parse.OaiPmhParser;

/**
 * Harvest throughput with the network taken out: the real {@link OaiPmhHarvester}, parser,
 * {@link IngestSink}, ingester and checkpoint store against {@link LoopbackOaiServer}, request
 * interval zero. Three clocks, all from opening the stores: {@code stored} when the harvest run
 * has stored and committed every record and saved its checkpoint (what a harvest waits for);
 * {@code indexed} when the background index follower has applied and committed them all; and,
 * in the same run, the inline path (each record stored and indexed on the harvest thread, as
 * before the follower) into fresh stores, as the baseline. Fetch+parse alone is timed too.
 */
final class HarvestBench {

  /** OAI-PMH page size arXiv uses. */
  static final int PAGE_SIZE = 3_500;

  /** Records, pages, page bytes and wall-clock seconds of one harvest. */
  record Run(long records, int pages, long bytes, double storedSeconds, double indexedSeconds,
      double inlineSeconds, double parseOnlySeconds) {
    /** The harvest's processing rate: fetch, parse, store, commit, checkpoint. */
    double rate() {
      return records / Math.max(storedSeconds, 1e-9);
    }

    /** Until the index has caught up with the store and committed. */
    double indexedRate() {
      return records / Math.max(indexedSeconds, 1e-9);
    }

    /** The inline path: store and index each record on the harvest thread. */
    double inlineRate() {
      return records / Math.max(inlineSeconds, 1e-9);
    }

    double parseOnlyRate() {
      return records / Math.max(parseOnlySeconds, 1e-9);
    }
  }

  private HarvestBench() {}

  /**
   * Serves {@code records} generated records and harvests them into the stores of {@code cfg}
   * (whose OAI URL is replaced by the loopback server's); the pages are rendered before the clock
   * starts, and one untimed harvest into {@code warmupCfg} runs first, so the timed ones run on
   * compiled code as a server's scheduled harvests do. {@code inlineCfg} receives the same
   * harvest through the inline path.
   */
  static Run run(SyntheticArxiv gen, long records, AppConfig warmupCfg, AppConfig cfg,
      AppConfig inlineCfg) throws IOException {
    try (LoopbackOaiServer server = new LoopbackOaiServer(gen, records, PAGE_SIZE)) {
      AppConfig.ArxivConfig a = cfg.arxiv();
      AppConfig.ArxivConfig loop = new AppConfig.ArxivConfig(server.uri(), java.time.Duration.ZERO,
          a.userAgent(), a.connectTimeout(), a.requestTimeout(), a.maxRetries(), a.retryBackoff(),
          a.maxRetryAfter());
      ArxivHttpClient http = new ArxivHttpClient(loop, new Throttle(java.time.Duration.ZERO));
      OaiPmhParser parser = new OaiPmhParser();
      OaiPmhHarvester harvester = new OaiPmhHarvester(server.uri(), http, parser::parse);

      try (Services s = Services.open(warmupCfg, Services.Access.WRITE)) {
        harvest(harvester, s, warmupCfg);
        s.awaitIndexed(java.time.Duration.ofDays(1));
      }

      long start = System.nanoTime();
      HarvestSummary sum;
      double storedSecs;
      double indexedSecs;
      try (Services s = Services.open(cfg, Services.Access.WRITE)) {
        sum = harvest(harvester, s, cfg);
        storedSecs = (System.nanoTime() - start) / 1e9;
        s.awaitIndexed(java.time.Duration.ofDays(1));
        indexedSecs = (System.nanoTime() - start) / 1e9;
      }

      long inlineStart = System.nanoTime();
      try (Services s = Services.open(inlineCfg, Services.Access.BULK)) {
        harvest(harvester, s, inlineCfg);
      }
      double inlineSecs = (System.nanoTime() - inlineStart) / 1e9;

      long parseStart = System.nanoTime();
      String token = null;
      do {
        java.net.URI u = token == null
            ? harvester.listRecordsUri(new HarvestRequest(null, null, null, "arXiv"))
            : harvester.resumeUri(token);
        token = http.send(ArxivHttpClient.Request.get(u), r -> parser.parse(r.bodyStream()))
            .resumptionToken();
      } while (token != null);
      double parseSecs = (System.nanoTime() - parseStart) / 1e9;
      return new Run(sum.recordsSeen() + sum.rejected(), sum.pages(), server.bytes(), storedSecs,
          indexedSecs, inlineSecs, parseSecs);
    }
  }

  /** One harvest run as the schedule makes it: into the store, then the checkpoint. */
  private static HarvestSummary harvest(OaiPmhHarvester harvester, Services s, AppConfig cfg) {
    HarvestJob job = new HarvestJob(harvester, s.checkpoints(), new IngestSink(s.ingester()),
        cfg.harvest(), Clock.systemUTC());
    return job.run(LocalDate.of(1990, 1, 1), null, null, "arXiv");
  }
}
