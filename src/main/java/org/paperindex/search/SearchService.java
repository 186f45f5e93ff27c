package org.paperindex.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.paperindex.index.PaperIndex;
import org.paperindex.index.PaperSchema;
import org.paperindex.index.PaperSearcher;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Paper;
import org.paperindex.search.SearchResponse.FacetValue;
import org.paperindex.search.SearchResponse.Hit;

/**
 * Answers searches, related-paper and autocomplete requests against the index. One pass per
 * search: drill-sideways collects the page's hits, the total and the facet counts together;
 * hits are read from small stored fields; every user mistake is a {@link BadQueryException}
 * with a readable message. Thread-safe.
 */
public final class SearchService {

  /** Results beyond this position are never served by {@code page} (the cursor has no limit). */
  public static final int MAX_WINDOW = SearchRequest.MAX_WINDOW;
  public static final int MAX_QUERY_CHARS = SearchRequest.MAX_QUERY_CHARS;
  /** Default freshness of suggestions: the index is re-read at most this often for them. */
  public static final Duration SUGGEST_MAX_AGE = Duration.ofSeconds(60);

  private final PaperIndex index;
  private final int maxSize;
  private final Suggester suggester;
  // false only in tests that compare the cached unfiltered facets with freshly counted ones
  private final boolean cacheUnfiltered;
  private final FacetEngine engine;
  private final int cacheEntries;
  private final SearchGate gate;
  private CompletableFuture<Void> facetWarmup; // guarded by this

  /** Default size of the per-searcher result cache ({@link SearchCache}), in entries. */
  public static final int DEFAULT_CACHE_ENTRIES = 256;

  /** How facets are counted: see {@link FacetCounter} and {@link LuceneFacets}. */
  public enum FacetEngine {
    /** Uninverted label columns, one pass over the hits (what the service uses). */
    COLUMNS,
    /** Lucene's drill-sideways over doc values: the reference and benchmark baseline. */
    LUCENE
  }

  /** A service over {@code index} serving pages of at most {@code maxSize} hits. */
  public SearchService(PaperIndex index, int maxSize) {
    this(index, maxSize, SUGGEST_MAX_AGE);
  }

  /** As above, with a result cache of {@code cacheEntries} per searcher (0: none). */
  public SearchService(PaperIndex index, int maxSize, int cacheEntries) {
    this(index, maxSize, SUGGEST_MAX_AGE, true, FacetEngine.COLUMNS, cacheEntries);
  }

  /** As above, with suggestions at most {@code suggestMaxAge} behind the index. */
  public SearchService(PaperIndex index, int maxSize, Duration suggestMaxAge) {
    this(index, maxSize, suggestMaxAge, true, FacetEngine.COLUMNS, DEFAULT_CACHE_ENTRIES);
  }

  SearchService(PaperIndex index, int maxSize, Duration suggestMaxAge, boolean cacheUnfiltered) {
    this(index, maxSize, suggestMaxAge, cacheUnfiltered, FacetEngine.COLUMNS, 0);
  }

  /**
   * A service that counts facets with {@code engine}, keeps the all-papers browse's counts per
   * searcher if {@code cacheUnfiltered}, and caches up to {@code cacheEntries} results per
   * searcher (0: none); for benchmarks and tests that compare these choices.
   */
  public SearchService(PaperIndex index, int maxSize, Duration suggestMaxAge,
      boolean cacheUnfiltered, FacetEngine engine, int cacheEntries) {
    this(index, maxSize, suggestMaxAge, cacheUnfiltered, engine, cacheEntries, 0);
  }

  /**
   * As above, computing at most {@code concurrency} searches at once (0: no limit), the others
   * waiting in line ({@link SearchGate}): what a server does.
   */
  public SearchService(PaperIndex index, int maxSize, Duration suggestMaxAge,
      boolean cacheUnfiltered, FacetEngine engine, int cacheEntries, int concurrency) {
    if (maxSize < 1 || maxSize > MAX_WINDOW) {
      throw new IllegalArgumentException("maxSize must be in 1.." + MAX_WINDOW + ", got " + maxSize);
    }
    this.index = index;
    this.maxSize = maxSize;
    this.suggester = new Suggester(index, suggestMaxAge);
    this.cacheUnfiltered = cacheUnfiltered;
    this.engine = engine;
    if (cacheEntries < 0) {
      throw new IllegalArgumentException("cacheEntries must be >= 0, got " + cacheEntries);
    }
    this.cacheEntries = cacheEntries;
    this.gate = new SearchGate(concurrency); // rejects a negative concurrency
  }

  private static final Object CACHE = new Object();

  private SearchCache cache(PaperSearcher s) {
    return s.memo(CACHE, () -> new SearchCache(cacheEntries));
  }

  private static final String TOO_COMPLEX =
      "a wildcard or regular expression in the query is too complex; simplify it";

  /** The largest page size this service serves. */
  public int maxSize() {
    return maxSize;
  }

  /** Validates raw HTTP parameters against this service's size cap; see {@link SearchRequest#fromParams}. */
  public SearchRequest request(Map<String, List<String>> params) {
    return SearchRequest.fromParams(params, maxSize);
  }

  /** Runs a search; throws {@link BadQueryException} for anything the user must fix. */
  public SearchResponse search(SearchRequest req) {
    req.validate(maxSize);
    QueryBuilder.Built b;
    try {
      b = QueryBuilder.build(req);
    } catch (TooComplexToDeterminizeException e) {
      // a wildcard/regexp pattern like a*b*c*...: Lucene refuses to compile it; the user must
      // simplify it (was a 500, found by ApiFuzzTest)
      throw new BadQueryException(TOO_COMPLEX);
    }
    FieldDoc after = req.cursor() == null ? null : CursorCodec.decode(req.cursor(), req, b.order());
    int from = after == null ? (req.page() - 1) * req.size() : 0;
    // one extra hit tells whether a next page exists, so nextCursor is null exactly at the end
    int want = from + req.size() + 1;
    return index.withSearcher(s -> {
      try {
        return cache((PaperSearcher) s).response(req, () ->
            gate.run(() -> {
              try {
                return run(s, req, b, after, from, want);
              } catch (IOException e) {
                throw new UncheckedIOException("search failed", e);
              }
            }));
      } catch (IndexSearcher.TooManyClauses e) {
        throw new BadQueryException("query expands to too many terms; be more specific");
      } catch (TooComplexToDeterminizeException e) {
        throw new BadQueryException(TOO_COMPLEX);
      }
    });
  }

  private SearchResponse run(IndexSearcher s, SearchRequest req, QueryBuilder.Built b,
      FieldDoc after, int from, int want) throws IOException {
    // totalHitsThreshold = want: the total comes from facet counting or count(), never from
    // here, so Lucene may skip documents that cannot make the page
    TopFieldCollectorManager top = new TopFieldCollectorManager(b.sort(), want, after, want);
    PaperSearcher ps = (PaperSearcher) s;
    List<String> dims = req.facetDims();
    TopFieldDocs docs;
    long total;
    Map<String, List<FacetValue>> facets;
    if (dims.isEmpty()) {
      docs = topHits(s, b, top, want, after);
      total = s.count(b.query());
      facets = Map.of();
    } else if (engine == FacetEngine.LUCENE) {
      LuceneFacets.Result r = LuceneFacets.search(ps, b, top, dims, req.facetSize(), cacheUnfiltered);
      docs = r.docs();
      total = r.total();
      facets = r.facets();
    } else {
      docs = topHits(s, b, top, want, after);
      FacetCounts counts = facetCounts(ps, b, dims);
      total = counts.hits();
      facets = counts.top(ps, dims, req.facetSize());
    }
    ScoreDoc[] sd = docs.scoreDocs;
    int end = Math.min(sd.length, from + req.size());
    int[] ids = new int[Math.max(0, end - from)];
    for (int i = from; i < end; i++) {
      ids[i - from] = sd[i].doc;
    }
    boolean highlight = req.highlight() && ids.length > 0;
    Document[] stored = HitReader.documents(s, ids, highlight);
    List<Hit> hits = HitReader.hits(stored);
    if (highlight) {
      List<Map<String, String>> h = Highlighting.highlight(s, b.userQuery(), ids, stored);
      List<Hit> withH = new ArrayList<>(hits.size());
      for (int i = 0; i < hits.size(); i++) {
        withH.add(hits.get(i).withHighlights(h.get(i)));
      }
      hits = withH;
    }
    String next = sd.length > end && end > from
        ? CursorCodec.encode(req, b.order(), (FieldDoc) sd[end - 1]) : null;
    return new SearchResponse(total, hits, facets, next);
  }

  /** The page's hits: by relevance from Lucene, in a date order from a window of dates first. */
  private static TopFieldDocs topHits(IndexSearcher s, QueryBuilder.Built b,
      TopFieldCollectorManager top, int want, FieldDoc after) throws IOException {
    return b.order() == SortOrder.RELEVANCE ? s.search(b.query(), top)
        : DateWindow.search(s, b.query(), b.sort(), want, after);
  }

  private static final Object UNFILTERED = new Object();

  private FacetCounts facetCounts(PaperSearcher s, QueryBuilder.Built b, List<String> dims) {
    if (b.allBase() && cacheUnfiltered) {
      // the browse of everything (a front page) is counted once per searcher
      FacetCounts all = allCounts(s);
      if (b.facetFilters().isEmpty()) {
        return all;
      }
      if (b.facetFilters().size() == 1) {
        // a browse of one facet value (a category page): the sideways counts of that dimension
        // are those of everything; the rest is counted over its hits only, not over every paper
        int fd = PaperSchema.FACET_DIMS.indexOf(b.facetFilters().get(0).dim());
        boolean[] others = mask(dims);
        boolean wantsOwn = others[fd];
        others[fd] = false;
        FacetCounts narrow = FacetCounter.count(s, b.query(), List.of(), others);
        return wantsOwn ? narrow.with(fd, all.counts()[fd]) : narrow;
      }
    }
    boolean[] mask = mask(dims);
    // the same query and filters on another page, in another order or without highlights
    List<Object> key = List.of(b.query().getBaseQuery(), b.facetFilters(), Arrays.toString(mask));
    return cache(s).counts(key, () -> FacetCounter.count(s, b.query().getBaseQuery(),
        b.facetFilters(), mask, everything(s), FacetCounter.Strategy.DEFAULT));
  }

  /** The all-papers browse and its counts (once per searcher), if this service keeps them. */
  private FacetCounter.Everything everything(PaperSearcher s) {
    return cacheUnfiltered
        ? new FacetCounter.Everything(QueryBuilder.everything(), () -> allCounts(s))
        : null;
  }

  /** Every dimension's counts over the all-papers browse, counted once per searcher. */
  private static FacetCounts allCounts(PaperSearcher s) {
    return s.memo(UNFILTERED, () -> {
      boolean[] all = new boolean[PaperSchema.FACET_DIMS.size()];
      Arrays.fill(all, true);
      return FacetCounter.count(s, QueryBuilder.everything(), List.of(), all);
    });
  }

  private static boolean[] mask(List<String> dims) {
    boolean[] m = new boolean[PaperSchema.FACET_DIMS.size()];
    for (String d : dims) {
      int i = PaperSchema.FACET_DIMS.indexOf(d);
      if (i >= 0) {
        m[i] = true;
      }
    }
    return m;
  }

  /** Up to {@code size} papers similar to {@code id} (never itself); empty for an unknown id. */
  public List<Hit> related(ArxivId id, int size) {
    if (size < 1 || size > maxSize) {
      throw new BadQueryException("size must be between 1 and " + maxSize + ", got " + size);
    }
    return index.withSearcher(s -> {
      try {
        return RelatedPapers.related(s, id, size);
      } catch (IOException e) {
        throw new UncheckedIOException("related search failed", e);
      }
    });
  }

  /**
   * Autocomplete over titles and author names: up to {@code size} (1..50) suggestions for a
   * prefix of 2 or more characters (shorter prefixes give none). New papers appear within the
   * suggest max age (default {@link #SUGGEST_MAX_AGE}) plus one rebuild.
   */
  public List<Suggestion> suggest(String prefix, int size) {
    return suggester.suggest(prefix, size);
  }

  /** Number of papers in the index, as of the latest refresh. */
  public long count() {
    return index.count();
  }

  /** The paper with this id, from the index's stored copy. */
  public Optional<Paper> paper(ArxivId id) {
    return index.get(id);
  }

  /**
   * Prepares, in the background, what the first requests would otherwise wait for: the
   * current searcher's facet columns (about a second at a million papers; a search that comes
   * first builds them itself), then the suggester's first build (many seconds at a million
   * papers). For servers, once after start; one-shot CLI commands do not need it.
   */
  public void warmUp() {
    warmFacets();
    warmSuggester();
  }

  /**
   * Builds the current searcher's facet columns in the background (once; later calls do
   * nothing). A server calls this before it starts its HTTP layer: the first search needs them.
   */
  public synchronized void warmFacets() {
    if (facetWarmup != null) {
      return;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    facetWarmup = done;
    Thread t = new Thread(() -> {
      try {
        index.withSearcher(s -> {
          PaperSearcher ps = (PaperSearcher) s;
          if (engine == FacetEngine.LUCENE) {
            ps.facetState();
          } else {
            ps.warmFacetColumns();
          }
          return null;
        });
      } finally {
        done.complete(null);
      }
    }, "paperindex-facet-warmup");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Starts the suggester's first build in the background once the facet warm-up (if one was
   * started) has finished. A server calls this once it answers requests: the build reads every
   * stored title and author, and on two cores it would otherwise take a core from start-up and
   * from the first search.
   */
  public void warmSuggester() {
    suggester.warmSoon(); // lookups meanwhile answer nothing instead of building on a request
    CompletableFuture<Void> f;
    synchronized (this) {
      f = facetWarmup;
    }
    if (f == null) {
      suggester.warmInBackground();
    } else {
      f.whenComplete((v, e) -> suggester.warmInBackground());
    }
  }

  /** Completes once the suggester's first copy is built (tests wait for a warm-up with it). */
  CompletableFuture<Void> suggesterBuilt() {
    return suggester.firstBuild();
  }

  /** Stops the suggester's background rebuilds and frees its memory. */
  public void close() {
    suggester.close();
  }

  /** Parses query text with the user field mapping; exposed for tests and the CLI's explain. */
  static Query parse(String q) {
    return QueryBuilder.parse(q);
  }
}
