package org.paperindex.harvest;

import org.paperindex.internal.AtomicFiles;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link CheckpointStore} keeping one small JSON file per job under a directory, written to a
 * temp file, fsynced and atomically renamed (then the directory fsynced), so a kill -9 or power
 * loss leaves either the old or the new checkpoint, never a torn one.
 */
public final class FileCheckpointStore implements CheckpointStore {

  /** The file's content; {@code savedAt} is for operators reading the file. */
  record Checkpoint(String job, LocalDate nextFrom, HarvestSummary lastRun, Instant savedAt) {}

  private final Path dir;
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT);

  public FileCheckpointStore(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  @Override
  public Optional<LocalDate> nextFrom(String job) {
    return read(job).map(Checkpoint::nextFrom);
  }

  @Override
  public Optional<HarvestSummary> lastRun(String job) {
    return read(job).map(Checkpoint::lastRun);
  }

  @Override
  public synchronized void save(String job, LocalDate nextFrom, HarvestSummary lastRun) {
    Objects.requireNonNull(nextFrom, "nextFrom");
    Path target = file(job);
    try {
      AtomicFiles.write(target, json.writeValueAsBytes(new Checkpoint(job, nextFrom, lastRun, Instant.now())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save checkpoint for " + job + " to " + target, e);
    }
  }

  /** The file for a job; URL-encoding keeps keys like {@code oai:arXiv:cs:cs:AI} distinct and file-safe. */
  Path file(String job) {
    if (job == null || job.isBlank()) {
      throw new IllegalArgumentException("empty job key");
    }
    String name = URLEncoder.encode(job, StandardCharsets.UTF_8).replace("*", "%2A");
    return dir.resolve(name + ".json");
  }

  private Optional<Checkpoint> read(String job) {
    Path f = file(job);
    try {
      return Optional.of(json.readValue(Files.readAllBytes(f), Checkpoint.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      // a corrupt checkpoint must stop the job, not silently restart the initial window
      throw new UncheckedIOException("cannot read checkpoint " + f + ": " + e.getMessage(), e);
    }
  }

}
