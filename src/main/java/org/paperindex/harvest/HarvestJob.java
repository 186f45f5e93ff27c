package org.paperindex.harvest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.paperindex.config.AppConfig;

/**
 * One named, resumable OAI-PMH harvest: picks the window start (explicit, else the checkpoint,
 * else today minus the initial window), runs the harvester into the sink, and moves the
 * checkpoint only after the sink committed a successful run.
 *
 * <p>Checkpoint rule: a run saves its {@code nextFrom} only if it had no explicit {@code until}
 * (it then reached the server's present) and its window started no later than the stored
 * checkpoint (or there is none yet); an ad-hoc {@code --from} later than the checkpoint would
 * otherwise skip the days in between. Failed runs keep the old checkpoint.
 */
public final class HarvestJob {

  private final OaiPmhHarvester harvester;
  private final CheckpointStore checkpoints;
  private final HarvestSink sink;
  private final AppConfig.HarvestConfig config;
  private final Clock clock;

  public HarvestJob(
      OaiPmhHarvester harvester,
      CheckpointStore checkpoints,
      HarvestSink sink,
      AppConfig.HarvestConfig config,
      Clock clock) {
    this.harvester = Objects.requireNonNull(harvester, "harvester");
    this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The checkpoint key: {@code "oai:" + format + ":" + (set or "all")}. */
  public static String jobKey(String format, String set) {
    return "oai:" + format + ":" + (set == null || set.isBlank() ? "all" : set.strip());
  }

  /** The configured job (config format and set), continuing from its checkpoint. */
  public HarvestSummary run() {
    return run(null, null, null, null);
  }

  /**
   * Runs one window; null {@code set}/{@code format} mean the configured ones, null {@code from}
   * means "continue from the checkpoint", null {@code until} means "up to now".
   *
   * @throws HarvestException when the harvest failed (the checkpoint is then unchanged)
   */
  public HarvestSummary run(LocalDate from, LocalDate until, String set, String format) {
    String fmt = format != null ? format : config.format();
    String s = set != null ? set : config.set();
    String job = jobKey(fmt, s);
    Optional<LocalDate> checkpoint = checkpoints.nextFrom(job);
    LocalDate start = from;
    if (start == null) {
      start = checkpoint.orElseGet(
          () -> LocalDate.now(clock.withZone(ZoneOffset.UTC))
              .minusDays(Math.max(0, config.initialWindow().toDays())));
    }
    HarvestSummary summary = harvester.harvest(new HarvestRequest(start, until, s, fmt), sink);
    // harvest() returned, so the sink has committed: only now may the checkpoint move
    boolean reachedPresent = until == null;
    boolean coversCheckpoint = checkpoint.isEmpty() || !start.isAfter(checkpoint.get());
    if (reachedPresent && coversCheckpoint) {
      checkpoints.save(job, summary.nextFrom(), summary);
    }
    return summary;
  }
}
