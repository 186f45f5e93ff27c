package org.paperindex.cli;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.paperindex.api.AdminApi;
import org.paperindex.api.ApiErrors;
import org.paperindex.api.HttpReply;
import org.paperindex.api.Metrics;
import org.paperindex.api.PaperApi;
import org.paperindex.api.WebPages;
import org.paperindex.config.AppConfig;
import org.paperindex.extract.Enricher;
import org.paperindex.extract.Institutions;
import org.paperindex.harvest.ArxivHttpClient;
import org.paperindex.harvest.AtomApiClient;
import org.paperindex.harvest.BacklogService;
import org.paperindex.harvest.Completeness;
import org.paperindex.harvest.FeedService;
import org.paperindex.harvest.FetchService;
import org.paperindex.harvest.PageFetcher;
import org.paperindex.harvest.FileCheckpointStore;
import org.paperindex.harvest.HarvestJob;
import org.paperindex.harvest.IngestSink;
import org.paperindex.harvest.OaiHarvestService;
import org.paperindex.harvest.OaiPmhHarvester;
import org.paperindex.harvest.RunLog;
import org.paperindex.harvest.ScheduledJobs;
import org.paperindex.harvest.Throttle;
import org.paperindex.index.IndexFollower;
import org.paperindex.index.Ingester;
import org.paperindex.index.PaperIndex;
import org.paperindex.index.Reindexer;
import org.paperindex.parse.OaiPmhParser;
import org.paperindex.search.SearchService;
import org.paperindex.store.RecordStore;

/**
 * The composition root: builds every bean once from the typed config and closes them in the
 * right order. {@link Access#WRITE} opens the record store and the index writer (serve, harvest,
 * import); {@link Access#READ} opens only a read-only index view, so {@code show}, {@code search}
 * and {@code status} work while a server holds the write locks.
 */
public final class Services implements AutoCloseable {

  /**
   * Whether the caller writes (exclusive locks) or only reads. {@code WRITE}: writers only store
   * and the index follows the store's change log in the background ({@link IndexFollower}), so
   * a harvest runs at the speed of fetching, parsing and storing. {@code BULK}: each record is
   * stored and indexed inline (snapshot import, which overlaps parsing with the two instead).
   */
  public enum Access {
    READ,
    WRITE,
    BULK
  }

  private final AppConfig config;
  private final RecordStore store;
  private final PaperIndex index;
  private final Ingester ingester;
  private final SearchService search;
  private final Throttle throttle;
  private final FileCheckpointStore checkpoints;
  private final RunLog runLog;
  private final Institutions institutions;
  private final FetchService fetch;
  private final Reindexer reindexer;
  private final FeedService feeds;
  private final BacklogService backlog;
  private final Completeness completeness;
  private final OaiHarvestService oaiHarvest;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile java.time.Duration closeWait = java.time.Duration.ofDays(365);

  private Services(AppConfig config, RecordStore store, PaperIndex index) {
    this.config = config;
    this.store = store;
    this.index = index;
    this.search = new SearchService(index, config.http().maxPageSize(),
        SearchService.SUGGEST_MAX_AGE, true, SearchService.FacetEngine.COLUMNS,
        config.http().searchCacheEntries(), config.http().searchConcurrency());
    this.checkpoints = new FileCheckpointStore(config.dataDir().resolve("checkpoints"));
    this.runLog = new RunLog(config.dataDir().resolve("runs"));
    this.institutions =
        new Institutions(config.sources().rorDump(), config.dataDir().resolve("ror-cache"));
    if (store != null) {
      this.ingester = new Ingester(store, index, new Enricher(institutions));
      this.throttle = new Throttle(config.arxiv().requestInterval());
      ArxivHttpClient http = new ArxivHttpClient(config.arxiv(), throttle);
      OaiPmhParser parser = new OaiPmhParser();
      OaiPmhHarvester harvester = new OaiPmhHarvester(config.arxiv().oaiUrl(), http, parser::parse);
      IngestSink sink = new IngestSink(ingester);
      HarvestJob job =
          new HarvestJob(harvester, checkpoints, sink, config.harvest(), Clock.systemUTC());
      // the store, not the index: the index may still be catching up after a crash
      this.oaiHarvest = new OaiHarvestService(job, config.harvest(), store::count, runLog,
          config.schedule().cron().get("oai")).countingWith(sink::drain);
      AppConfig.SourcesConfig src = config.sources();
      this.fetch =
          new FetchService(
              new AtomApiClient(http, src.apiUrl()),
              new PageFetcher(http, src.absUrl(), src.htmlUrl()),
              ingester);
      this.reindexer = new Reindexer(ingester);
      this.feeds = new FeedService(http, src.rssUrl(), src.rssCategories(), ingester);
      this.backlog = new BacklogService(fetch, store, src.backlogBatch());
      this.completeness = new Completeness(store, fetch);
    } else {
      this.ingester = null;
      this.throttle = null;
      this.oaiHarvest = null;
      this.fetch = null;
      this.reindexer = null;
      this.feeds = null;
      this.backlog = null;
      this.completeness = null;
    }
  }

  /** Opens the stores for the given access; the caller closes the result. */
  public static Services open(AppConfig config, Access access) {
    Objects.requireNonNull(config, "config");
    if (access == Access.READ) {
      return new Services(config, null, PaperIndex.openReadOnly(config.indexDir()));
    }
    RecordStore store = RecordStore.open(config.dataDir());
    PaperIndex index;
    try {
      index = PaperIndex.open(config.indexDir(), config.index());
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    Services s = new Services(config, store, index);
    if (access == Access.BULK) {
      // after a crash the index may lag the store: replay the store's change log first
      s.ingester.catchUp();
    } else {
      // the follower starts from the index's last commit, so it replays the same changes
      s.ingester.followInBackground(config.index().commitInterval());
    }
    return s;
  }

  public AppConfig config() {
    return config;
  }

  public SearchService search() {
    return search;
  }

  public Ingester ingester() {
    return requireWrite(ingester);
  }

  public RecordStore store() {
    return requireWrite(store);
  }

  public PaperIndex index() {
    return index;
  }

  public FileCheckpointStore checkpoints() {
    return checkpoints;
  }

  /** The lazily loaded ROR registry and affiliation matcher. */
  public Institutions institutions() {
    return institutions;
  }

  /** Rebuilds the index from the store without downtime (write access only). */
  public Optional<Reindexer> reindexer() {
    return Optional.ofNullable(reindexer);
  }

  public Optional<RecordStore> storeIfOpen() {
    return Optional.ofNullable(store);
  }

  public Optional<Throttle> throttleIfOpen() {
    return Optional.ofNullable(throttle);
  }

  public Optional<Ingester> ingesterIfOpen() {
    return Optional.ofNullable(ingester);
  }

  /** Refreshes named papers through the Atom API and their pages. */
  public FetchService fetch() {
    return requireWrite(fetch);
  }

  public RunLog runLog() {
    return runLog;
  }

  public OaiHarvestService oaiHarvest() {
    return requireWrite(oaiHarvest);
  }

  public Throttle throttle() {
    return requireWrite(throttle);
  }

  /** The beans the Camel routes refer to by name. */
  Map<String, Object> beans() {
    Map<String, Object> beans = new LinkedHashMap<>();
    HttpReply reply = new HttpReply(config.http().corsOrigins());
    Metrics metrics = metrics();
    beans.put("metrics", metrics);
    beans.put("paperApi", new PaperApi(search, reply, metrics));
    beans.put("apiErrors", new ApiErrors(reply));
    beans.put("httpReply", reply);
    beans.put("adminApi", new AdminApi(config.adminToken(), reply,
        () -> StatusReport.build(this), fetch, () -> reindexer != null && reindexer.running()));
    if (reindexer != null) {
      beans.put("reindexer", reindexer);
      beans.put("feeds", feeds);
      beans.put("backlog", backlog);
      beans.put("completeness", completeness);
      beans.put("scheduledJobs", new ScheduledJobs(runLog, feeds, backlog, completeness));
    }
    beans.put("webPages", new WebPages(reply));
    if (oaiHarvest != null) {
      beans.put("oaiHarvest", oaiHarvest);
    }
    return beans;
  }

  private Metrics metrics() {
    Metrics m = new Metrics()
        .gauge("paperindex.papers", "papers in the index", search, SearchService::count)
        .gauge("paperindex.index.size.bytes", "index size on disk", index, PaperIndex::sizeOnDisk);
    if (store != null) {
      m.gauge("paperindex.quarantine.size", "records in the quarantine", store, RecordStore::quarantineSize);
      m.gauge("paperindex.completeness.gaps", "announced papers still missing after the last check",
          store, st -> Completeness.last(st).map(r -> r.stillMissing().size()).orElse(0));
      m.gauge("paperindex.index.lag", "store changes not yet applied to the index", ingester,
          Ingester::indexLag);
      m.counter("paperindex.ingest.added", "papers added", ingester, i -> i.counters().added())
          .counter("paperindex.ingest.updated", "papers updated", ingester, i -> i.counters().updated())
          .counter("paperindex.ingest.unchanged", "records that changed nothing", ingester,
              i -> i.counters().unchanged())
          .counter("paperindex.ingest.rejected", "records quarantined", ingester, i -> i.counters().rejected())
          .counter("paperindex.arxiv.requests", "requests made to arXiv", throttle, t -> t.stats().requests())
          .counter("paperindex.arxiv.throttle.waits", "requests that waited for the throttle", throttle,
              t -> t.stats().waits())
          .counter("paperindex.arxiv.throttle.wait.seconds", "time spent waiting for the throttle",
              throttle, t -> t.stats().totalWait().toMillis() / 1000.0);
    }
    return m;
  }

  /**
   * Commits the store and waits until the index has applied and committed every stored change
   * (at most {@code maxWait}); returns how long that took, or empty without write access.
   *
   * @throws RuntimeException the follower's failure, e.g. a full disk
   */
  public Optional<java.time.Duration> awaitIndexed(java.time.Duration maxWait) {
    if (ingester == null) {
      return Optional.empty();
    }
    long t0 = System.nanoTime();
    ingester.commitStore();
    Optional<IndexFollower> f = ingester.follower();
    if (f.isPresent()) {
      try {
        if (!f.get().commitAndWait(maxWait)) {
          org.slf4j.LoggerFactory.getLogger(Services.class).warn("the index did not catch up with the"
              + " record store within {} ({} changes behind); it catches up on the next start",
              maxWait, ingester.indexLag());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return Optional.of(java.time.Duration.ofNanos(System.nanoTime() - t0));
  }

  /** How long {@link #close()} waits for the index to catch up (unbounded for CLI commands). */
  public Services closeWaitingAtMost(java.time.Duration d) {
    this.closeWait = Objects.requireNonNull(d, "d");
    return this;
  }

  /**
   * Commits pending work (the store, then the index once it has caught up, waiting at most
   * {@link #closeWaitingAtMost}) and closes the index, then the store. Safe to call twice.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      awaitIndexed(closeWait);
    } finally {
      if (ingester != null) {
        ingester.follower().ifPresent(IndexFollower::close);
      }
      try {
        search.close();
        index.close();
      } finally {
        if (store != null) {
          store.close();
        }
      }
    }
  }

  private static <T> T requireWrite(T t) {
    if (t == null) {
      throw new IllegalStateException("opened read-only");
    }
    return t;
  }
}
