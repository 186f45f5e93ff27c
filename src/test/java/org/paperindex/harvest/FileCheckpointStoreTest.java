package org.paperindex.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCheckpointStoreTest {

  @TempDir Path dir;

  static HarvestSummary summary(LocalDate nextFrom) {
    return new HarvestSummary(LocalDate.of(2025, 3, 1), null, "cs:cs:AI", 3, 7001, 2, 1, 1,
        Instant.parse("2025-03-04T21:00:00Z"), Instant.parse("2025-03-04T21:02:30.5Z"), nextFrom);
  }

  @Test
  void emptyUntilSavedThenRoundTrips() {
    FileCheckpointStore store = new FileCheckpointStore(dir.resolve("checkpoints"));
    assertThat(store.nextFrom("oai:arXiv:all")).isEmpty();
    assertThat(store.lastRun("oai:arXiv:all")).isEmpty();

    HarvestSummary s = summary(LocalDate.of(2025, 3, 4));
    store.save("oai:arXiv:all", LocalDate.of(2025, 3, 4), s);
    FileCheckpointStore reopened = new FileCheckpointStore(dir.resolve("checkpoints"));

    assertThat(reopened.nextFrom("oai:arXiv:all")).contains(LocalDate.of(2025, 3, 4));
    assertThat(reopened.lastRun("oai:arXiv:all")).contains(s);
  }

  @Test
  void overwritesAtomicallyAndLeavesNoTempFiles() throws Exception {
    FileCheckpointStore store = new FileCheckpointStore(dir);
    store.save("oai:arXiv:all", LocalDate.of(2025, 3, 4), summary(LocalDate.of(2025, 3, 4)));
    store.save("oai:arXiv:all", LocalDate.of(2025, 3, 5), summary(LocalDate.of(2025, 3, 5)));

    assertThat(store.nextFrom("oai:arXiv:all")).contains(LocalDate.of(2025, 3, 5));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactly("oai%3AarXiv%3Aall.json");
    }
    String json = Files.readString(dir.resolve("oai%3AarXiv%3Aall.json"));
    assertThat(json).contains("\"nextFrom\" : \"2025-03-05\"", "\"started\" : \"2025-03-04T21:00:00Z\"");
    assertThat(json).doesNotContain("duration"); // derived, not stored
  }

  @Test
  void jobKeysThatLookAlikeStayApart() {
    FileCheckpointStore store = new FileCheckpointStore(dir);
    store.save("oai:arXiv:cs:cs:AI", LocalDate.of(2025, 1, 1), summary(LocalDate.of(2025, 1, 1)));
    store.save("oai:arXiv:cs_cs_AI", LocalDate.of(2025, 2, 2), summary(LocalDate.of(2025, 2, 2)));
    assertThat(store.nextFrom("oai:arXiv:cs:cs:AI")).contains(LocalDate.of(2025, 1, 1));
    assertThat(store.nextFrom("oai:arXiv:cs_cs_AI")).contains(LocalDate.of(2025, 2, 2));
  }

  @Test
  void aCorruptCheckpointIsAnErrorNotAFreshStart() throws Exception {
    FileCheckpointStore store = new FileCheckpointStore(dir);
    Files.writeString(store.file("oai:arXiv:all"), "{\"nextFrom\": \"2025-03");
    assertThatThrownBy(() -> store.nextFrom("oai:arXiv:all"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot read checkpoint");
  }
}
