package org.paperindex.harvest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.paperindex.index.Ingester;
import org.paperindex.model.Paper;
import org.paperindex.model.Source;
import org.paperindex.parse.KaggleSnapshotParser;
import org.paperindex.parse.RejectedRecord;
import org.paperindex.parse.RecordFormatException;

/**
 * Bulk import of Kaggle's {@code arxiv-metadata-oai-snapshot} JSON lines ({@code .json},
 * {@code .jsonl}, {@code .gz}). Streams line by line, so memory stays flat whatever the file
 * size; a bad line is quarantined with its reason and the import goes on.
 */
public final class SnapshotImporter {
  /** Commit every this many records so a crash loses little work (upserts are idempotent). */
  static final int COMMIT_EVERY = 50_000;

  private final Ingester ingester;
  private final KaggleSnapshotParser parser = new KaggleSnapshotParser();

  public SnapshotImporter(Ingester ingester) {
    this.ingester = ingester;
  }

  /** Totals of one import. */
  public record Summary(long read, long indexed, long unchanged, long rejected) {
    public String line() {
      return "records read " + read + ", indexed " + indexed + ", unchanged " + unchanged
          + ", rejected " + rejected;
    }
  }

  /** Imports one file; shows a progress bar by bytes read when {@code progress} is true. */
  public Summary importFile(Path file, boolean progress) throws IOException {
    long size = Files.size(file);
    try (InputStream raw = Files.newInputStream(file);
        CountingInputStream counted = new CountingInputStream(new BufferedInputStream(raw, 1 << 16));
        ProgressBar bar = progress ? bar(file, size) : null) {
      InputStream in = isGzip(file) ? new GZIPInputStream(counted, 1 << 16) : counted;
      LongConsumer onBytes = bar == null ? b -> {} : bar::stepTo;
      return importStream(in, counted, onBytes);
    }
  }

  Summary importStream(InputStream in, CountingInputStream counted, LongConsumer onBytes)
      throws IOException {
    // malformed UTF-8 is replaced, not fatal: the line still parses or is quarantined
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    long read = 0, indexed = 0, unchanged = 0, rejected = 0;
    // reading and JSON parsing run on their own thread, storing and indexing on this one: on
    // two cores that overlaps the two halves instead of running them in turn
    try (ParsedLines lines = new ParsedLines(reader, parser, counted);
        AutoCloseable bulk = ingester.bulkLoad()) {
      for (ParsedLines.Line l = lines.next(); l != null; l = lines.next()) {
        read++;
        if (l.paper() != null) {
          if (ingester.accept(l.paper()).changed()) {
            indexed++;
          } else {
            unchanged++;
          }
        } else {
          RecordFormatException e = l.error();
          rejected++;
          ingester.reject(new RejectedRecord(e.identifier(), e.getMessage(), l.raw()), Source.SNAPSHOT);
        }
        if (read % COMMIT_EVERY == 0) {
          ingester.commit();
        }
        if ((read & 1023) == 0) {
          onBytes.accept(l.bytesRead());
        }
      }
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e); // only AutoCloseable.close() declares Exception
    }
    ingester.commit();
    onBytes.accept(counted.count());
    return new Summary(read, indexed, unchanged, rejected);
  }

  private static boolean isGzip(Path file) {
    return file.getFileName().toString().endsWith(".gz");
  }

  private static ProgressBar bar(Path file, long size) {
    return new ProgressBarBuilder()
        .setTaskName("import " + file.getFileName())
        .setInitialMax(size)
        .setUnit(" MiB", 1L << 20)
        .setStyle(ProgressBarStyle.ASCII)
        .showSpeed()
        .build();
  }

  /** Counts the bytes read from the file (compressed bytes for .gz), for the progress bar. */
  static final class CountingInputStream extends java.io.FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
