package org.paperindex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** The one-line CLI error names the root cause, which is what the operator can act on. */
class OneLineErrorTest {

  /** Regression: a full disk during import printed only "error: cannot index 0908.0004". */
  @Test
  void regression_disk_full_names_the_root_cause() {
    Exception e = new UncheckedIOException("cannot index 0908.0004",
        new IOException("write failed", new IOException("No space left on device")));
    assertThat(PaperIndexCli.oneLine(e)).isEqualTo("cannot index 0908.0004: No space left on device");
  }

  @Test
  void a_cause_already_in_the_message_is_not_repeated() {
    Exception e = new IllegalStateException("cannot open x: locked", new IOException("locked"));
    assertThat(PaperIndexCli.oneLine(e)).isEqualTo("cannot open x: locked");
  }
}
