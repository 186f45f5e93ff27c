package org.paperindex.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.paperindex.cli.Services;
import org.paperindex.config.AppConfig;
import org.paperindex.harvest.SnapshotImporter;
import org.paperindex.index.PaperSchema;
import org.paperindex.parse.KaggleSnapshotParser;
import org.paperindex.parse.RecordFormatException;
import org.paperindex.store.RecordStore;

/**
 * Import throughput: a snapshot file through the real pipeline (parser, ingester, record store,
 * index, commits as {@code import} does) against bare Lucene indexing the same documents.
 */
final class ImportBench {

  /** Records and wall-clock seconds of one run. */
  record Run(long records, double seconds, String summary) {
    double rate() {
      return records / Math.max(seconds, 1e-9);
    }
  }

  private ImportBench() {}

  /**
   * The baseline: parse each line with the same parser, build the document with the same
   * {@link PaperSchema#toDocument}, {@code addDocument}, one commit at the end; no store, no merge
   * waiting beyond what the writer does by itself.
   */
  static Run bareLucene(Path file, Path indexDir, int ramBufferMb) throws IOException {
    long start = System.nanoTime();
    KaggleSnapshotParser parser = new KaggleSnapshotParser();
    long n = 0, rejected = 0;
    IndexWriterConfig iwc = new IndexWriterConfig(PaperSchema.analyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setRAMBufferSizeMB(ramBufferMb);
    try (FSDirectory dir = FSDirectory.open(indexDir);
        IndexWriter w = new IndexWriter(dir, iwc);
        BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        n++;
        try {
          w.addDocument(PaperSchema.toDocument(parser.parseLine(line)));
        } catch (RecordFormatException e) {
          rejected++;
        }
      }
      w.commit();
    }
    double s = (System.nanoTime() - start) / 1e9;
    return new Run(n, s, "indexed " + (n - rejected) + ", rejected " + rejected);
  }

  /** The product: what {@code import FILE} does, from opening the stores to closing them. */
  static Run pipeline(Path file, AppConfig cfg) throws IOException {
    long start = System.nanoTime();
    SnapshotImporter.Summary sum;
    try (Services s = Services.open(cfg, Services.Access.BULK)) {
      sum = new SnapshotImporter(s.ingester()).importFile(file, false);
    }
    double secs = (System.nanoTime() - start) / 1e9;
    return new Run(sum.read(), secs, sum.line());
  }

  /** Bytes under a directory (or of a file). */
  static long size(Path p) {
    if (!Files.exists(p)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(p)) {
      return s.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          return 0; // deleted by a merge while we walked
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The record store file under a data directory. */
  static Path storeFile(Path dataDir) {
    return dataDir.resolve(RecordStore.FILE_NAME);
  }
}
