package org.paperindex.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a parser's output (as JSON) with {@code expected/<input name>.json} next to the
 * input. With {@code -Dpaperindex.golden.write=true} a missing expected file is written, to be
 * read and checked by a person before it is committed.
 */
final class GoldenFiles {
  private GoldenFiles() {}

  static void assertMatches(Path input, String actualJson) throws IOException {
    String actual = actualJson.replace("\r\n", "\n") + "\n";
    String name = input.getFileName().toString().replaceFirst("\\.[a-z]+$", "") + ".json";
    Path expected = input.getParent().resolve("expected").resolve(name);
    if (!Files.exists(expected) && Boolean.getBoolean("paperindex.golden.write")) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertThat(expected).as("expected file for " + input).exists();
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }
}
