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

  /** Whether the caller writes (exclusive locks) or only reads. */
  public enum Access {
    READ,
    WRITE
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

  private Services(AppConfig config, RecordStore store, PaperIndex index) {
    this.config = config;
    this.store = store;
    this.index = index;
    this.search = new SearchService(index, config.http().maxPageSize(),
        config.http().searchCacheEntries());
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
      this.oaiHarvest = new OaiHarvestService(job, config.harvest(), index::count, runLog,
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
    // after a crash the index may lag the store: replay the store's change log first
    s.ingester.catchUp();
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

  /** Commits pending work and closes the index, then the store. Safe to call twice. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      if (ingester != null) {
        ingester.commit();
      }
    } finally {
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
