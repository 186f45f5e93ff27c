package org.paperindex.internal;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/** Fire times of the Quartz cron expressions the schedules use, read in UTC as the routes do. */
public final class Crons {
  private Crons() {}

  /**
   * The first fire time strictly after {@code after}; empty if the expression never fires again.
   *
   * @throws IllegalArgumentException if {@code cron} is not a Quartz cron expression
   */
  public static Optional<Instant> nextFireAfter(String cron, Instant after) {
    CronExpression c;
    try {
      c = new CronExpression(cron);
    } catch (ParseException e) {
      throw new IllegalArgumentException("invalid cron '" + cron + "': " + e.getMessage(), e);
    }
    c.setTimeZone(TimeZone.getTimeZone("UTC"));
    Date next = c.getNextValidTimeAfter(Date.from(after));
    return Optional.ofNullable(next).map(Date::toInstant);
  }
}
