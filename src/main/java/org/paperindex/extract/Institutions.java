package org.paperindex.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the ROR registry named in config ({@code paperindex.ror.dump}, comma-separated dump
 * files) once, on first use, through a binary cache next to the data, and builds the matcher.
 * Without a configured dump it supplies nothing and raw affiliations are shown unresolved.
 */
public final class Institutions implements Supplier<Optional<AffiliationMatcher>> {
  private static final Logger LOG = LoggerFactory.getLogger(Institutions.class);

  private final List<Path> dumps;
  private final Path cacheDir;
  private volatile Optional<AffiliationMatcher> matcher;

  public Institutions(String dumpList, Path cacheDir) {
    this.dumps = new ArrayList<>();
    if (dumpList != null) {
      for (String part : dumpList.split(",")) {
        if (!part.isBlank()) {
          dumps.add(Path.of(part.strip()));
        }
      }
    }
    this.cacheDir = cacheDir;
  }

  /** True when a ROR dump is configured. */
  public boolean configured() {
    return !dumps.isEmpty();
  }

  @Override
  public Optional<AffiliationMatcher> get() {
    Optional<AffiliationMatcher> m = matcher;
    if (m == null) {
      synchronized (this) {
        m = matcher;
        if (m == null) {
          m = load();
          matcher = m;
        }
      }
    }
    return m;
  }

  private Optional<AffiliationMatcher> load() {
    if (dumps.isEmpty()) {
      return Optional.empty();
    }
    for (Path p : dumps) {
      if (!Files.isReadable(p)) {
        throw new IllegalStateException("paperindex.ror.dump: cannot read " + p.toAbsolutePath());
      }
    }
    long t0 = System.nanoTime();
    try {
      RorRegistry registry = RorRegistry.loadCached(dumps, cacheDir);
      AffiliationMatcher m = new AffiliationMatcher(registry);
      LOG.info("ROR registry: {} organisations ready in {} ms", registry.size(),
          (System.nanoTime() - t0) / 1_000_000);
      return Optional.of(m);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load ROR registry from " + dumps, e);
    }
  }
}
