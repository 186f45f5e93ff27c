package org.paperindex.harvest;

import org.paperindex.internal.JsonFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
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
      JsonFiles.write(target, new Checkpoint(job, nextFrom, lastRun, Instant.now()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save checkpoint for " + job + " to " + target, e);
    }
  }

  /** The file for a job (see {@link JsonFiles#fileFor}). */
  Path file(String job) {
    return JsonFiles.fileFor(dir, job);
  }

  private Optional<Checkpoint> read(String job) {
    Path f = file(job);
    try {
      return JsonFiles.read(f, Checkpoint.class);
    } catch (IOException e) {
      // a corrupt checkpoint must stop the job, not silently restart the initial window
      throw new UncheckedIOException("cannot read checkpoint " + f + ": " + e.getMessage(), e);
    }
  }

}
