package org.paperindex.harvest;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the scheduled jobs (listing feeds, enrichment backlog, completeness check) so that each
 * run is recorded in the {@link RunLog} (start, end, outcome, what it did or its error) for
 * status, and a run that is triggered while the previous run of the same job still goes is
 * skipped and logged instead of piling up.
 */
public final class ScheduledJobs {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduledJobs.class);

  private final RunLog runLog;
  private final FeedService feeds;
  private final BacklogService backlog;
  private final Completeness completeness;
  private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

  public ScheduledJobs(RunLog runLog, FeedService feeds, BacklogService backlog, Completeness completeness) {
    this.runLog = runLog;
    this.feeds = feeds;
    this.backlog = backlog;
    this.completeness = completeness;
  }

  public Object rss() {
    return run("rss", feeds::run);
  }

  public Object backlog() {
    return run("backlog", backlog::run);
  }

  public Object completeness() {
    return run("completeness", completeness::check);
  }

  /**
   * Runs {@code work} as job {@code job} unless a run of it is still going (then returns null
   * after logging the skip); records the outcome either way it ends.
   */
  <T> T run(String job, Supplier<T> work) {
    ReentrantLock lock = running.computeIfAbsent(job, k -> new ReentrantLock());
    if (!lock.tryLock()) {
      LOG.warn("{} skipped: the previous run is still going", job);
      return null;
    }
    Instant started = Instant.now();
    try {
      T result = work.get();
      runLog.record(new RunLog.JobRun(job, started, Instant.now(), "ok", result, null));
      return result;
    } catch (RuntimeException e) {
      runLog.record(new RunLog.JobRun(job, started, Instant.now(), "failed", null, e.getMessage()));
      throw e;
    } finally {
      lock.unlock();
    }
  }
}
