package org.paperindex.search;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup.LookupResult;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.paperindex.index.PaperIndex;
import org.paperindex.index.PaperSchema;
import org.paperindex.index.TexFolding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Autocomplete over paper titles and author names with Lucene's {@link AnalyzingInfixSuggester}
 * (any word of the suggestion may match the prefix; accents and case folded).
 *
 * <p>Freshness: the suggester is an in-memory copy built from the index's stored titles and
 * authors, in a temporary on-disk index. The first lookup builds it, unless a server's warm-up
 * is building it in the background already: then lookups answer nothing until it is there
 * rather than wait minutes. Afterwards a lookup that finds the index changed and the
 * copy older than {@code maxAge} starts one background rebuild and keeps answering from the old
 * copy meanwhile, so new papers appear within {@code maxAge} plus one rebuild. With {@code
 * maxAge} zero every change is rebuilt synchronously (tests, small indexes). Thread-safe.
 */
final class Suggester implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Suggester.class);
  private static final int MIN_PREFIX_CHARS = 2;

  private final PaperIndex index;
  private final Duration maxAge;
  private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "paperindex-suggest");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean rebuilding = new AtomicBoolean();
  // set between a server's start and its deferred first build (see warmSoon)
  private volatile boolean warmPending;
  // read: lookups; write: swapping in a new suggester and closing the old one
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile AnalyzingInfixSuggester current;
  private volatile long builtVersion = -1;
  private volatile long builtAtNanos;
  private volatile int builtDocs;
  // completes when the first copy is there (or the background first build has given up)
  private final CompletableFuture<Void> firstBuild = new CompletableFuture<>();

  Suggester(PaperIndex index, Duration maxAge) {
    this.index = index;
    this.maxAge = maxAge;
  }

  /** Up to {@code size} suggestions for {@code prefix}, best first (authors by paper count). */
  List<Suggestion> suggest(String prefix, int size) {
    String p = prefix == null ? "" : prefix.strip();
    if (p.length() > 200) {
      throw new BadQueryException("prefix is too long (at most 200 characters)");
    }
    if (size < 1 || size > 50) {
      throw new BadQueryException("size must be between 1 and 50, got " + size);
    }
    if (p.length() < MIN_PREFIX_CHARS) {
      return List.of(); // one letter matches everything: not useful, and costly
    }
    freshen();
    lock.readLock().lock();
    try {
      AnalyzingInfixSuggester s = current;
      if (s == null || s.getCount() == 0) {
        return List.of();
      }
      List<Suggestion> out = new ArrayList<>();
      for (LookupResult r : s.lookup(p, size, true, true)) {
        String payload = r.payload.utf8ToString();
        String kind = payload.startsWith("t:") ? "title" : "author";
        String id = payload.startsWith("t:") ? payload.substring(2) : null;
        out.add(new Suggestion(r.key.toString(), kind, id, (String) r.highlightKey));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Starts the first build in the background unless one exists or runs: at a million papers it
   * takes many seconds, which the first lookup would otherwise wait for.
   */
  void warmInBackground() {
    if (current == null && rebuilding.compareAndSet(false, true)) {
      rebuilder.execute(() -> {
        try {
          synchronized (this) { // freshen's first synchronous build waits for this one
            if (current == null) {
              rebuild();
            }
          }
        } catch (RuntimeException e) {
          LOG.warn("suggester warm-up failed", e);
        } finally {
          warmPending = false;
          rebuilding.set(false);
          firstBuild.complete(null);
        }
      });
    } else {
      warmPending = false;
    }
  }

  /** Completes once the first copy is built, or the background first build has failed. */
  CompletableFuture<Void> firstBuild() {
    return firstBuild;
  }

  /**
   * Says a background first build will start soon ({@link #warmInBackground}): lookups until
   * then answer nothing rather than build synchronously on a request thread.
   */
  void warmSoon() {
    if (current == null) {
      warmPending = true;
    }
  }

  /** Rebuilds now, synchronously, from the current index. */
  void rebuild() {
    long version = index.withSearcher(s -> ((DirectoryReader) s.getIndexReader()).getVersion());
    int docs = index.count();
    AnalyzingInfixSuggester fresh = build();
    AnalyzingInfixSuggester old;
    lock.writeLock().lock();
    try {
      old = current;
      current = fresh;
      builtVersion = version;
      builtDocs = docs;
      builtAtNanos = System.nanoTime();
    } finally {
      lock.writeLock().unlock();
    }
    firstBuild.complete(null);
    closeQuietly(old);
  }

  private void freshen() {
    long version = index.withSearcher(s -> ((DirectoryReader) s.getIndexReader()).getVersion());
    if (version == builtVersion) {
      return;
    }
    boolean old = System.nanoTime() - builtAtNanos >= maxAge.toNanos();
    if (current == null && (rebuilding.get() || warmPending)) {
      // the first build runs in the background (a server's warm-up; minutes at a million
      // papers): answer nothing until it is there rather than hold the request thread
      return;
    }
    // a copy built from an empty index (serve warms up before its first harvest) is no use:
    // rebuild it at once rather than answering nothing for maxAge
    if (current == null || maxAge.isZero() || builtDocs == 0) {
      synchronized (this) {
        if (version != builtVersion) {
          rebuild();
        }
      }
    } else if (old && rebuilding.compareAndSet(false, true)) {
      rebuilder.execute(() -> {
        try {
          rebuild();
        } catch (RuntimeException e) {
          LOG.warn("suggester rebuild failed", e);
        } finally {
          rebuilding.set(false);
        }
      });
    }
  }

  private AnalyzingInfixSuggester build() {
    long t0 = System.nanoTime();
    List<Entry> entries = index.withSearcher(s -> {
      try {
        return collect(s.getIndexReader());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    try {
      AnalyzingInfixSuggester s = DiskInfixSuggester.create(new SuggestAnalyzer(), MIN_PREFIX_CHARS);
      try {
        s.build(new EntryIterator(entries.iterator()));
      } catch (IOException | RuntimeException e) {
        closeQuietly(s);
        throw e;
      }
      LOG.debug("suggester built: {} entries in {} ms", entries.size(),
          (System.nanoTime() - t0) / 1_000_000);
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build suggester", e);
    }
  }

  /** Titles weighted 1; authors weighted by their number of papers (prolific names first). */
  private static List<Entry> collect(IndexReader reader) throws IOException {
    List<Entry> out = new ArrayList<>();
    Map<String, Long> authors = new HashMap<>();
    Set<String> fields = Set.of(PaperSchema.ID, PaperSchema.TITLE, PaperSchema.AUTHORS);
    for (LeafReaderContext leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = sequential(leaf);
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        DocumentStoredFieldVisitor v = new DocumentStoredFieldVisitor(fields);
        stored.document(doc, v);
        Document d = v.getDocument();
        String title = d.get(PaperSchema.TITLE);
        if (title == null) {
          continue; // stubs
        }
        out.add(new Entry(title, 1, "t:" + d.get(PaperSchema.ID)));
        for (String name : d.getValues(PaperSchema.AUTHORS)) {
          authors.merge(name, 1L, Long::sum);
        }
      }
    }
    // authors outrank titles with the same match: a name is the likelier intent of a short prefix
    authors.forEach((name, n) -> out.add(new Entry(name, 1 + n, "a")));
    return out;
  }

  /**
   * Stored fields for reading every document of the segment in order: the codec's merge instance
   * decompresses each block once, where the random-access reader decompresses it again for every
   * document (at a million papers that was 20 of the build's 50 seconds of CPU).
   */
  private static StoredFields sequential(LeafReaderContext leaf) throws IOException {
    if (leaf.reader() instanceof CodecReader cr && cr.getFieldsReader() != null) {
      return cr.getFieldsReader().getMergeInstance(); // owned by the reader: not closed here
    }
    return leaf.reader().storedFields();
  }

  @Override
  public void close() {
    rebuilder.shutdownNow();
    lock.writeLock().lock();
    try {
      closeQuietly(current);
      current = null;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static void closeQuietly(AnalyzingInfixSuggester s) {
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        LOG.warn("cannot close suggester", e);
      }
    }
  }

  private record Entry(String text, long weight, String payload) {}

  /** Feeds entries with weight and payload to the suggester. */
  private static final class EntryIterator implements InputIterator {
    private final Iterator<Entry> it;
    private Entry e;

    EntryIterator(Iterator<Entry> it) {
      this.it = it;
    }

    @Override
    public BytesRef next() {
      if (!it.hasNext()) {
        return null;
      }
      e = it.next();
      return new BytesRef(e.text());
    }

    @Override
    public long weight() {
      return e.weight();
    }

    @Override
    public BytesRef payload() {
      return new BytesRef(e.payload().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean hasPayloads() {
      return true;
    }

    @Override
    public Set<BytesRef> contexts() {
      return null;
    }

    @Override
    public boolean hasContexts() {
      return false;
    }
  }

  /** Words, lower-cased, accent- and TeX-folded; no stemming (prefixes must match surface). */
  private static final class SuggestAnalyzer extends Analyzer {
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return TexFolding.wrap(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer t = new StandardTokenizer();
      TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(t));
      return new TokenStreamComponents(t, s);
    }
  }
}
