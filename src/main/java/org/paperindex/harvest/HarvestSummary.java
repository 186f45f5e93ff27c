package org.paperindex.harvest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What one successful harvest run did. {@code from} is the requested start (before any restart),
 * {@code pages} counts pages that delivered records (not error responses), {@code recordsSeen}
 * includes the {@code deleted} ones, {@code restarts} counts badResumptionToken restarts, and
 * {@code nextFrom} is where the next incremental run should start.
 */
public record HarvestSummary(
    LocalDate from,
    LocalDate until,
    String set,
    int pages,
    long recordsSeen,
    long deleted,
    long rejected,
    int restarts,
    Instant started,
    Instant finished,
    LocalDate nextFrom) {

  public Duration duration() {
    return Duration.between(started, finished);
  }
}
