package org.paperindex.search;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperindex.index.PaperSchema;
import org.slf4j.LoggerFactory;

/** The suggester's temporary directory goes away, whichever shutdown path deletes it first. */
class DiskInfixSuggesterTest {

  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final Logger log = (Logger) LoggerFactory.getLogger(DiskInfixSuggester.class);

  @BeforeEach
  void listen() {
    events.start();
    log.addAppender(events);
  }

  @AfterEach
  void stop() {
    log.detachAppender(events);
  }

  @Test
  void a_directory_already_deleted_by_the_exit_hook_is_not_a_warning() throws Exception {
    Path dir;
    try (DiskInfixSuggester s = DiskInfixSuggester.create(PaperSchema.analyzer(), 2)) {
      dir = s.directory();
      assertThat(dir).isDirectory();
      DiskInfixSuggester.deleteTree(dir); // the exit hook ran first (SIGTERM)
      assertThat(dir).doesNotExist();
    } // then the server's shutdown closes the suggester, which deletes the directory again
    assertThat(Files.exists(dir)).isFalse();
    assertThat(events.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).isEmpty();
  }
}
