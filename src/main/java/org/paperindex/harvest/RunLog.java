package org.paperindex.harvest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.paperindex.internal.AtomicFiles;

/**
 * The last run of each job, successful or failed, kept in a small JSON file per job so that
 * {@code status} can show it from another process. Checkpoints only move on success; this log
 * also remembers failures and their error.
 */
public final class RunLog {

  /** One finished run: {@code outcome} is {@code ok} or {@code failed}. */
  public record JobRun(
      String job, Instant started, Instant finished, String outcome, HarvestSummary summary, String error) {
    public JobRun {
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  private final Path dir;
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT);

  public RunLog(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  public synchronized void record(JobRun run) {
    Path f = file(run.job());
    try {
      AtomicFiles.write(f, json.writeValueAsBytes(run));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record run of " + run.job() + " in " + f, e);
    }
  }

  public Optional<JobRun> last(String job) {
    Path f = file(job);
    try {
      return Optional.of(json.readValue(Files.readAllBytes(f), JobRun.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read run log " + f + ": " + e.getMessage(), e);
    }
  }

  private Path file(String job) {
    return dir.resolve(URLEncoder.encode(job, StandardCharsets.UTF_8).replace("*", "%2A") + ".json");
  }
}
