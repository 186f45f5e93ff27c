package org.paperindex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in process for tests and returns what it printed on stdout. */
final class Cli {
  private Cli() {}

  /** Runs {@code args}, asserts the exit code, returns stdout. */
  static String run(int expectedExit, String... args) {
    PrintStream real = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int rc;
    try {
      rc = PaperIndexCli.run(args);
    } finally {
      System.setOut(real);
    }
    String s = out.toString(StandardCharsets.UTF_8);
    assertThat(rc).as(String.join(" ", args) + " -> " + s).isEqualTo(expectedExit);
    return s;
  }
}
