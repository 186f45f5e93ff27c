package org.paperindex.harvest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.apache.camel.Header;
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

  public OaiHarvestService(
      HarvestJob job, AppConfig.HarvestConfig config, LongSupplier paperCount, RunLog runLog) {
    this.job = Objects.requireNonNull(job, "job");
    this.config = Objects.requireNonNull(config, "config");
    this.paperCount = Objects.requireNonNull(paperCount, "paperCount");
    this.runLog = Objects.requireNonNull(runLog, "runLog");
  }

  /**
   * One harvest window. Header values are {@code YYYY-MM-DD} dates, an OAI set, and the format
   * ({@code arXiv} or {@code arXivRaw}); any may be absent.
   *
   * @throws IllegalArgumentException for a malformed header value
   * @throws HarvestException when the harvest fails (the checkpoint is then unchanged)
   */
  public synchronized HarvestSummary run(
      @Header("from") String from,
      @Header("until") String until,
      @Header("set") String set,
      @Header("format") String format) {
    String fmt = blank(format) != null ? blank(format) : config.format();
    String key = HarvestJob.jobKey(fmt, blank(set) != null ? blank(set) : config.set());
    Instant started = Instant.now();
    try {
      HarvestSummary s = job.run(date("from", from), date("until", until), blank(set), fmt);
      runLog.record(new RunLog.JobRun(key, started, Instant.now(), "ok", s, null));
      return s;
    } catch (RuntimeException e) {
      runLog.record(new RunLog.JobRun(key, started, Instant.now(), "failed", null, e.getMessage()));
      throw e;
    }
  }

  /** True when {@code serve} should harvest at once: the index is empty and this is enabled. */
  public boolean shouldHarvestOnStart() {
    return config.harvestOnEmptyIndex() && paperCount.getAsLong() == 0;
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
