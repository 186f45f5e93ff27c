package org.paperindex.harvest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.apache.camel.Header;
import org.paperindex.internal.Crons;
import org.paperindex.config.AppConfig;

/**
 * The bean the OAI-PMH routes call ({@code routes/harvest-oai.camel.yaml}): turns the route's
 * headers into a {@link HarvestJob} run, and tells the start-up route whether the index is
 * still empty. Runs never overlap: a second caller waits for the first to finish.
 */
public final class OaiHarvestService {

  private final HarvestJob job;
  private final AppConfig.HarvestConfig config;
  private final LongSupplier paperCount;
  private final RunLog runLog;

  private final String cron; // the schedule's Quartz cron (UTC), to notice fires missed while down
  private final java.util.concurrent.locks.ReentrantLock running =
      new java.util.concurrent.locks.ReentrantLock();

  public OaiHarvestService(
      HarvestJob job, AppConfig.HarvestConfig config, LongSupplier paperCount, RunLog runLog) {
    this(job, config, paperCount, runLog, null);
  }

  private java.util.function.Supplier<Object> ingestCounts = () -> null;

  /** Where the per-run store counts (added, updated, unchanged, rejected) come from. */
  public OaiHarvestService countingWith(java.util.function.Supplier<Object> counts) {
    this.ingestCounts = Objects.requireNonNull(counts, "counts");
    return this;
  }

  public OaiHarvestService(
      HarvestJob job, AppConfig.HarvestConfig config, LongSupplier paperCount, RunLog runLog,
      String cron) {
    this.job = Objects.requireNonNull(job, "job");
    this.config = Objects.requireNonNull(config, "config");
    this.paperCount = Objects.requireNonNull(paperCount, "paperCount");
    this.runLog = Objects.requireNonNull(runLog, "runLog");
    this.cron = cron;
  }

  /**
   * Like {@link #run}, for the route: a scheduled run ({@code scheduled} header true) is skipped
   * and logged, never queued, while another harvest (scheduled, CLI or admin) is still going.
   */
  public HarvestSummary harvest(
      @Header("scheduled") Boolean scheduled,
      @Header("from") String from,
      @Header("until") String until,
      @Header("set") String set,
      @Header("format") String format) {
    if (Boolean.TRUE.equals(scheduled) && running.isLocked()) {
      org.slf4j.LoggerFactory.getLogger(OaiHarvestService.class)
          .warn("scheduled OAI-PMH harvest skipped: the previous run is still going");
      return null;
    }
    return run(from, until, set, format);
  }

  /**
   * One harvest window. Header values are {@code YYYY-MM-DD} dates, an OAI set, and the format
   * ({@code arXiv} or {@code arXivRaw}); any may be absent.
   *
   * @throws IllegalArgumentException for a malformed header value
   * @throws HarvestException when the harvest fails (the checkpoint is then unchanged)
   */
  public HarvestSummary run(
      @Header("from") String from,
      @Header("until") String until,
      @Header("set") String set,
      @Header("format") String format) {
    running.lock();
    try {
      return runLocked(from, until, set, format);
    } finally {
      running.unlock();
    }
  }

  private HarvestSummary runLocked(String from, String until, String set, String format) {
    String fmt = blank(format) != null ? blank(format) : config.format();
    String key = HarvestJob.jobKey(fmt, blank(set) != null ? blank(set) : config.set());
    Instant started = Instant.now();
    ingestCounts.get(); // counts start at this run
    try {
      HarvestSummary s = job.run(date("from", from), date("until", until), blank(set), fmt);
      java.util.Map<String, Object> summary = new java.util.LinkedHashMap<>();
      summary.put("harvest", s);
      summary.put("store", ingestCounts.get());
      runLog.record(new RunLog.JobRun(key, started, Instant.now(), "ok", summary, null));
      return s;
    } catch (RuntimeException e) {
      runLog.record(new RunLog.JobRun(key, started, Instant.now(), "failed", null, e.getMessage()));
      throw e;
    }
  }

  /**
   * True when {@code serve} should harvest at once: the index is empty (and this is enabled), or
   * a scheduled fire was missed while the server was down. Quartz's in-memory store forgets
   * missed fires, so without this a downtime would be noticed only at the next fire; with it the
   * missed window is harvested once at start (the checkpoint covers all of it), not N times.
   */
  public boolean shouldHarvestOnStart() {
    if (config.harvestOnEmptyIndex() && paperCount.getAsLong() == 0) {
      return true;
    }
    return missedFireSince(Instant.now());
  }

  boolean missedFireSince(Instant now) {
    if (cron == null) {
      return false;
    }
    String key = HarvestJob.jobKey(config.format(), config.set());
    Optional<RunLog.JobRun> last = runLog.last(key);
    if (last.isEmpty()) {
      return false;
    }
    try {
      return Crons.nextFireAfter(cron, last.get().started()).map(next -> next.isBefore(now))
          .orElse(false);
    } catch (IllegalArgumentException e) {
      return false; // the schedule route itself refuses a bad cron at start
    }
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a date YYYY-MM-DD, got '" + value + "'");
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
