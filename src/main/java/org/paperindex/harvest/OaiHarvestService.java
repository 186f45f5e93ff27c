package org.paperindex.harvest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
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
  private final java.util.function.LongSupplier paperCount;
  private final AtomicReference<RunReport> last = new AtomicReference<>();

  /** The outcome of the last run, successful or not, for {@code status}. */
  public record RunReport(HarvestSummary summary, String error, java.time.Instant at) {}

  public OaiHarvestService(
      HarvestJob job, AppConfig.HarvestConfig config, java.util.function.LongSupplier paperCount) {
    this.job = Objects.requireNonNull(job, "job");
    this.config = Objects.requireNonNull(config, "config");
    this.paperCount = Objects.requireNonNull(paperCount, "paperCount");
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
    try {
      HarvestSummary s = job.run(date("from", from), date("until", until), blank(set), blank(format));
      last.set(new RunReport(s, null, java.time.Instant.now()));
      return s;
    } catch (RuntimeException e) {
      last.set(new RunReport(null, e.getMessage(), java.time.Instant.now()));
      throw e;
    }
  }

  /** True when {@code serve} should harvest at once: the index is empty and this is enabled. */
  public boolean shouldHarvestOnStart() {
    return config.harvestOnEmptyIndex() && paperCount.getAsLong() == 0;
  }

  public Optional<RunReport> lastRun() {
    return Optional.ofNullable(last.get());
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
