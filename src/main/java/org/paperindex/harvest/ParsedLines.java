package org.paperindex.harvest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.paperindex.model.Paper;
import org.paperindex.parse.KaggleSnapshotParser;
import org.paperindex.parse.RecordFormatException;

/**
 * Reads and parses snapshot lines on a background thread and hands them over in order, in small
 * batches through a bounded queue, so memory stays flat and parsing overlaps with indexing.
 */
final class ParsedLines implements AutoCloseable {

  /** One non-blank line: the paper, or the parse error with the raw line (for the quarantine). */
  record Line(Paper paper, RecordFormatException error, String raw, long bytesRead) {}

  private static final int BATCH = 256;
  private static final int QUEUED_BATCHES = 16; // at most ~4,000 parsed records in memory
  private static final List<Line> END = List.of();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
  private final Thread reader;
  private volatile boolean closed;
  private List<Line> batch = List.of();
  private int pos;
  private boolean ended;

  ParsedLines(BufferedReader in, KaggleSnapshotParser parser, SnapshotImporter.CountingInputStream counted) {
    reader = new Thread(() -> produce(in, parser, counted), "snapshot-parser");
    reader.setDaemon(true);
    reader.start();
  }

  private void produce(BufferedReader in, KaggleSnapshotParser parser,
      SnapshotImporter.CountingInputStream counted) {
    try {
      List<Line> out = new ArrayList<>(BATCH);
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        try {
          // the raw line is kept only for rejects: a parsed paper does not need it
          out.add(new Line(parser.parseLine(line), null, null, counted.count()));
        } catch (RecordFormatException e) {
          out.add(new Line(null, e, line, counted.count()));
        }
        if (out.size() == BATCH) {
          put(out);
          out = new ArrayList<>(BATCH);
        }
      }
      put(out);
      put(END);
    } catch (IOException | RuntimeException e) {
      try {
        put(e);
      } catch (InterruptedException ignored) {
        // the consumer is gone
      }
    } catch (InterruptedException e) {
      // closed by the consumer
    }
  }

  private void put(Object item) throws InterruptedException {
    while (!closed) {
      if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
        return;
      }
    }
    throw new InterruptedException("closed");
  }

  /** The next line in file order, or null at the end; rethrows the reader's I/O error. */
  Line next() throws IOException {
    while (pos == batch.size()) {
      if (ended) {
        return null;
      }
      Object item;
      try {
        item = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading the snapshot");
      }
      if (item instanceof IOException e) {
        throw e;
      }
      if (item instanceof RuntimeException e) {
        throw e;
      }
      @SuppressWarnings("unchecked")
      List<Line> b = (List<Line>) item;
      if (b == END) {
        ended = true;
      }
      batch = b;
      pos = 0;
    }
    return batch.get(pos++);
  }

  /** Stops the reader thread (also when the consumer failed half-way) and waits for it. */
  @Override
  public void close() {
    closed = true;
    reader.interrupt();
    try {
      reader.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
