package org.paperindex.cli;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.paperindex.config.AppConfig;
import org.paperindex.harvest.Completeness;
import org.paperindex.harvest.HarvestJob;
import org.paperindex.internal.Crons;

/**
 * The status document shared by {@code status} and {@code GET /api/admin/status}: papers and
 * index size, per job its cron, next fire time, last run and checkpoint, the quarantine, the
 * throttle and ingest counters. Parts that need the write side (store, throttle) are shown only
 * where this process has it.
 */
final class StatusReport {
  private StatusReport() {}

  static Map<String, Object> build(Services s) {
    AppConfig cfg = s.config();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("papers", s.search().count());
    out.put("indexSizeBytes", s.index().sizeOnDisk());
    out.put("indexDir", cfg.indexDir().toAbsolutePath().toString());
    out.put("dataDir", cfg.dataDir().toAbsolutePath().toString());

    Map<String, Object> jobs = new LinkedHashMap<>();
    String oaiKey = HarvestJob.jobKey(cfg.harvest().format(), cfg.harvest().set());
    Map<String, Object> oai = schedule(cfg, "oai");
    oai.put("job", oaiKey);
    oai.put("checkpoint", s.checkpoints().nextFrom(oaiKey).orElse(null));
    oai.put("lastRun", s.runLog().last(oaiKey).orElse(null));
    oai.put("lastSuccessfulRun", s.checkpoints().lastRun(oaiKey).orElse(null));
    jobs.put("oai", oai);
    s.reindexer().ifPresent(r -> {
      Map<String, Object> re = new LinkedHashMap<>();
      re.put("running", r.running());
      re.put("lastRun", r.lastReport().orElse(null));
      re.put("lastError", r.lastError());
      jobs.put("reindex", re);
    });
    Map<String, Object> rss = schedule(cfg, "rss");
    rss.put("categories", cfg.sources().rssCategories());
    rss.put("lastRun", s.runLog().last("rss").orElse(null));
    jobs.put("rss", rss);
    Map<String, Object> backlog = schedule(cfg, "backlog");
    backlog.put("lastRun", s.runLog().last("backlog").orElse(null));
    jobs.put("backlog", backlog);
    Map<String, Object> completeness = schedule(cfg, "completeness");
    completeness.put("lastRun", s.runLog().last("completeness").orElse(null));
    s.storeIfOpen().ifPresent(st -> completeness.put("lastReport", Completeness.last(st).orElse(null)));
    jobs.put("completeness", completeness);
    out.put("jobs", jobs);
    // read-only (a server holds the store): the count recorded by the last index commit
    long committed = s.index().committedQuarantined();
    out.put("quarantine", s.storeIfOpen()
        .map(st -> (Object) Map.of("size", st.quarantineSize()))
        .orElse(committed < 0 ? Map.of("size", "unknown") : Map.of("size", committed, "asOf", "last index commit")));
    s.throttleIfOpen().ifPresent(t -> out.put("throttle", t.stats()));
    s.ingesterIfOpen().ifPresent(i -> {
      out.put("ingest", i.counters());
      // store changes the index has not applied yet (the index follows the store's change log)
      out.put("indexLag", i.indexLag());
      i.follower().ifPresent(f -> out.put("indexFollower", f.stats()));
    });
    return out;
  }

  /** A job's cron and next fire time (UTC), or why it will not fire. */
  static Map<String, Object> schedule(AppConfig cfg, String job) {
    Map<String, Object> m = new LinkedHashMap<>();
    String cron = cfg.schedule().cron().get(job);
    m.put("cron", cron);
    if (!cfg.schedule().enabled()) {
      m.put("nextFire", null);
      m.put("note", "schedules disabled (paperindex.schedule.enabled=false)");
      return m;
    }
    try {
      m.put("nextFire", Crons.nextFireAfter(cron, Instant.now()).orElse(null));
    } catch (IllegalArgumentException e) {
      m.put("nextFire", null);
      m.put("note", e.getMessage());
    }
    return m;
  }
}
