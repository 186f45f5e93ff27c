package org.paperindex.harvest;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Durable harvest progress per job key (e.g. {@code oai:arXiv:all}): the {@code from} date of the
 * next incremental run and the summary of the last successful run.
 */
public interface CheckpointStore {
  Optional<LocalDate> nextFrom(String job);

  /** Replaces the job's checkpoint atomically: after a crash either the old or the new one is read. */
  void save(String job, LocalDate nextFrom, HarvestSummary lastRun);

  Optional<HarvestSummary> lastRun(String job);
}
