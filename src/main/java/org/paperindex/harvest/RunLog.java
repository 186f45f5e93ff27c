package org.paperindex.harvest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.paperindex.internal.JsonFiles;

/**
 * The last run of each job, successful or failed, kept in a small JSON file per job so that
 * {@code status} can show it from another process. Checkpoints only move on success; this log
 * also remembers failures and their error.
 */
public final class RunLog {

  /**
   * One finished run: {@code outcome} is {@code ok} or {@code failed}; {@code summary} is what
   * the job reported (read back as plain JSON objects).
   */
  public record JobRun(
      String job, Instant started, Instant finished, String outcome, Object summary, String error) {
    public JobRun {
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  private final Path dir;

  public RunLog(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  public synchronized void record(JobRun run) {
    Path f = JsonFiles.fileFor(dir, run.job());
    try {
      JsonFiles.write(f, run);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record run of " + run.job() + " in " + f, e);
    }
  }

  public Optional<JobRun> last(String job) {
    Path f = JsonFiles.fileFor(dir, job);
    try {
      return JsonFiles.read(f, JobRun.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read run log " + f + ": " + e.getMessage(), e);
    }
  }

}
