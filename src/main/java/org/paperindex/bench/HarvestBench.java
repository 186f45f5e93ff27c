package org.paperindex.bench;

import java.io.IOException;
import org.paperindex.cli.Services;
import org.paperindex.config.AppConfig;
import org.paperindex.harvest.ArxivHttpClient;
import org.paperindex.harvest.HarvestRequest;
import org.paperindex.harvest.HarvestSummary;
import org.paperindex.harvest.IngestSink;
import org.paperindex.harvest.OaiPmhHarvester;
import org.paperindex.harvest.Throttle;
import org.paperindex.parse.OaiPmhParser;

/**
 * Harvest throughput with the network taken out: the real {@link OaiPmhHarvester}, parser,
 * {@link IngestSink} and ingester against {@link LoopbackOaiServer}, request interval zero.
 */
final class HarvestBench {

  /** OAI-PMH page size arXiv uses. */
  static final int PAGE_SIZE = 3_500;

  /** Records, pages, page bytes and wall-clock seconds of one harvest. */
  record Run(long records, int pages, long bytes, double seconds, double parseOnlySeconds) {
    double rate() {
      return records / Math.max(seconds, 1e-9);
    }

    double parseOnlyRate() {
      return records / Math.max(parseOnlySeconds, 1e-9);
    }
  }

  private HarvestBench() {}

  /**
   * Serves {@code records} generated records and harvests them into the stores of {@code cfg}
   * (whose OAI URL is replaced by the loopback server's); the pages are rendered before the clock
   * starts. Also times parsing the same pages alone, to show where the time goes.
   */
  static Run run(SyntheticArxiv gen, long records, AppConfig cfg) throws IOException {
    try (LoopbackOaiServer server = new LoopbackOaiServer(gen, records, PAGE_SIZE)) {
      AppConfig.ArxivConfig a = cfg.arxiv();
      AppConfig.ArxivConfig loop = new AppConfig.ArxivConfig(server.uri(), java.time.Duration.ZERO,
          a.userAgent(), a.connectTimeout(), a.requestTimeout(), a.maxRetries(), a.retryBackoff(),
          a.maxRetryAfter());
      ArxivHttpClient http = new ArxivHttpClient(loop, new Throttle(java.time.Duration.ZERO));
      OaiPmhParser parser = new OaiPmhParser();
      OaiPmhHarvester harvester = new OaiPmhHarvester(server.uri(), http, parser::parse);
      long start = System.nanoTime();
      HarvestSummary sum;
      try (Services s = Services.open(cfg, Services.Access.WRITE)) {
        sum = harvester.harvest(new HarvestRequest(null, null, null, "arXiv"), new IngestSink(s.ingester()));
      }
      double secs = (System.nanoTime() - start) / 1e9;
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
      return new Run(sum.recordsSeen() + sum.rejected(), sum.pages(), server.bytes(), secs, parseSecs);
    }
  }
}
