package org.paperindex.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.bench.KaggleJsonWriter;
import org.paperindex.bench.SyntheticArxiv;
import org.paperindex.config.AppConfig.IndexConfig;
import org.paperindex.index.Ingester;
import org.paperindex.index.PaperIndex;
import org.paperindex.store.RecordStore;

/** The snapshot import's parser thread: many batches in order, and a failing read surfaces. */
class SnapshotImporterPipelineTest {
  @TempDir Path dir;

  private static byte[] lines(long count) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    KaggleJsonWriter.write(new SyntheticArxiv(11), 0, count, out);
    out.write("not json\n".getBytes());
    return out.toByteArray();
  }

  private Ingester ingester(RecordStore store, PaperIndex index) {
    return new Ingester(store, index);
  }

  @Test
  void imports_every_line_across_many_batches() throws Exception {
    try (RecordStore store = RecordStore.open(dir.resolve("data"));
        PaperIndex index = PaperIndex.open(dir.resolve("index"),
            new IndexConfig(16, Duration.ofSeconds(1), Duration.ofSeconds(30)))) {
      byte[] data = lines(1_500);
      SnapshotImporter.CountingInputStream in =
          new SnapshotImporter.CountingInputStream(new ByteArrayInputStream(data));
      long[] lastBytes = {0};
      SnapshotImporter.Summary sum =
          new SnapshotImporter(ingester(store, index)).importStream(in, in, b -> lastBytes[0] = b);
      assertThat(sum).isEqualTo(new SnapshotImporter.Summary(1_501, 1_500, 0, 1));
      assertThat(store.count()).isEqualTo(1_500);
      assertThat(store.quarantined(1).get(0).raw()).isEqualTo("not json");
      assertThat(lastBytes[0]).isEqualTo(data.length);
      index.refresh();
      assertThat(index.count()).isEqualTo(1_500);
    }
  }

  @Test
  void a_read_error_ends_the_import_with_that_error() throws Exception {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk on fire");
      }
    };
    try (RecordStore store = RecordStore.open(dir.resolve("data"));
        PaperIndex index = PaperIndex.open(dir.resolve("index"),
            new IndexConfig(16, Duration.ofSeconds(1), Duration.ofSeconds(30)))) {
      SnapshotImporter.CountingInputStream in = new SnapshotImporter.CountingInputStream(
          new SequenceInputStream(new ByteArrayInputStream(lines(600)), failing));
      assertThatThrownBy(() -> new SnapshotImporter(ingester(store, index)).importStream(in, in, b -> {}))
          .isInstanceOf(IOException.class).hasMessageContaining("disk on fire");
    }
  }
}
