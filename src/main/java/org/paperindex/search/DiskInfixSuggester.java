package org.paperindex.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The autocomplete's {@link AnalyzingInfixSuggester}, with its own small Lucene index in a
 * temporary directory (memory-mapped, so in the page cache rather than on the heap: at a million
 * papers it holds millions of entries), deleted when it is closed or, if its owner never closes
 * it, when the JVM exits. Its highlights are HTML-escaped: titles are untrusted text.
 */
final class DiskInfixSuggester extends AnalyzingInfixSuggester {

  private static final Logger LOG = LoggerFactory.getLogger(DiskInfixSuggester.class);
  private static final Set<Path> LIVE_DIRS = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(
        () -> LIVE_DIRS.forEach(DiskInfixSuggester::deleteTree), "paperindex-suggest-cleanup"));
  }

  private final Path dir;

  private DiskInfixSuggester(Analyzer a, int minPrefixChars, Path dir) throws IOException {
    super(FSDirectory.open(dir), a, a, minPrefixChars, false, true, true, true);
    this.dir = dir;
  }

  /** A new, empty suggester in a fresh temporary directory. */
  static DiskInfixSuggester create(Analyzer a, int minPrefixChars) throws IOException {
    Path dir = Files.createTempDirectory("paperindex-suggest-");
    LIVE_DIRS.add(dir);
    try {
      return new DiskInfixSuggester(a, minPrefixChars, dir);
    } catch (IOException | RuntimeException e) {
      deleteTree(dir);
      throw e;
    }
  }

  /** The temporary directory the suggester's index lives in. */
  Path directory() {
    return dir;
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * Deletes the suggester's directory. On SIGTERM the exit hook and the server's own shutdown
   * (which closes the suggester) both get here, in either order: a directory that is already
   * gone is what was wanted, not a warning.
   */
  static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (NoSuchFileException e) {
      // deleted by the other of the two shutdown paths
    } catch (IOException e) {
      LOG.warn("cannot delete suggester files in {}", dir, e);
    }
    LIVE_DIRS.remove(dir);
  }

  @Override
  protected void addNonMatch(StringBuilder sb, String text) {
    sb.append(Highlighting.escape(text, 0, text.length()));
  }

  @Override
  protected void addWholeMatch(StringBuilder sb, String surface, String analyzed) {
    sb.append("<mark>").append(Highlighting.escape(surface, 0, surface.length())).append("</mark>");
  }

  @Override
  protected void addPrefixMatch(StringBuilder sb, String surface, String analyzed, String prefix) {
    // the folded prefix may be shorter than the surface (ß → ss); mark what we can
    int n = Math.min(prefix.length(), surface.length());
    sb.append("<mark>").append(Highlighting.escape(surface, 0, n)).append("</mark>")
        .append(Highlighting.escape(surface, n, surface.length()));
  }
}
