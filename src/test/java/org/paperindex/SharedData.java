package org.paperindex;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the real recorded arXiv data lives for acceptance tests: {@code ../shared}, passed by
 * surefire as {@code paperindex.shared.dir}. Tests are skipped, not failed, when it is absent.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared directory; skips the calling test unless {@code required} exists inside it. */
  public static Path dir(String required) {
    String dir = System.getProperty("paperindex.shared.dir");
    Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir).resolve(required)),
        "shared real-data dir not present: " + required);
    return Path.of(dir);
  }
}
