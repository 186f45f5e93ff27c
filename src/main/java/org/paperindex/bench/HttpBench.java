package org.paperindex.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paperindex.api.Json;
import org.paperindex.cli.CamelApp;
import org.paperindex.cli.Services;
import org.paperindex.config.AppConfig;
import org.paperindex.config.Settings;
import org.paperindex.model.ArxivId;
import org.paperindex.search.SearchResponse;
import org.paperindex.search.SearchService;

/**
 * Search and paper-detail latency over HTTP against the real server (Camel Main in serve mode,
 * started in this JVM on a free loopback port, schedules off), and of the same requests made
 * directly on its {@link SearchService} from as many threads, so the cost of HTTP, routing and
 * JSON shows as the difference.
 */
final class HttpBench {

  /**
   * The loads, and the median time to serialise a search response to JSON. Searches run twice:
   * with the result cache off (every request counted afresh: the cost of a query) and with the
   * cache as shipped (the mix repeats, as a front end's popular queries and pages do).
   */
  record Result(ConcurrentLoad.Stats searchHttp, ConcurrentLoad.Stats searchInProcess,
      ConcurrentLoad.Stats searchLuceneFacets, ConcurrentLoad.Stats searchHttpCached,
      ConcurrentLoad.Stats searchInProcessCached, ConcurrentLoad.Stats detailHttp,
      ConcurrentLoad.Stats detailInProcess, double jsonMs, List<String> slowest,
      double suggestFirstMs, double suggestMedianMs, WrkLoad.Stats searchWrk,
      WrkLoad.Stats detailWrk) {}

  /** What one server run measured. */
  private interface Loads<T> {
    T run(Services services, String root, LoadClient[] http) throws Exception;
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  /** The first suggestion builds the suggester: minutes at a million papers on a loaded machine. */
  private static final Duration FIRST_SUGGEST_TIMEOUT = Duration.ofMinutes(20);

  private HttpBench() {}

  /**
   * Serves the index and store of {@code cfg} and runs {@code requests} searches (cycling through
   * {@code searches}) and as many detail requests (for {@code ids}) from {@code clients} threads,
   * each load after {@code warmup} untimed requests of its kind.
   */
  static Result run(Settings base, AppConfig cfg, List<QueryMix.Search> searches, List<String> ids,
      List<String> prefixes, int clients, int requests, int warmup, boolean suggest)
      throws Exception {
    Result cold = serve(base, cfg, clients, 0, (services, root, http) -> load(services, root, http,
        searches, ids, prefixes, clients, requests, warmup, suggest));
    ConcurrentLoad.Stats[] cached = serve(base, cfg, clients,
        SearchService.DEFAULT_CACHE_ENTRIES, (services, root, http) -> {
          List<URI> uris = searchUris(root, searches);
          SearchService search = services.search();
          ConcurrentLoad.run(clients, warmup, i -> get(http, uris.get(i % uris.size())));
          ConcurrentLoad.Stats h =
              ConcurrentLoad.run(clients, requests, i -> get(http, uris.get(i % uris.size())));
          ConcurrentLoad.Stats l = ConcurrentLoad.run(clients, requests, i -> {
            search.search(search.request(searches.get(i % searches.size()).params()));
            return true;
          });
          return new ConcurrentLoad.Stats[] {h, l};
        });
    return new Result(cold.searchHttp(), cold.searchInProcess(), cold.searchLuceneFacets(),
        cached[0], cached[1], cold.detailHttp(), cold.detailInProcess(), cold.jsonMs(),
        cold.slowest(), cold.suggestFirstMs(), cold.suggestMedianMs(), cold.searchWrk(),
        cold.detailWrk());
  }

  /** Starts the server on the index of {@code cfg} with this result cache, runs the loads, stops. */
  private static <T> T serve(Settings base, AppConfig cfg, int clients, int cacheEntries,
      Loads<T> loads) throws Exception {
    int port = freePort();
    Map<String, String> props = new HashMap<>(base.asMap());
    props.put("paperindex.index.dir", cfg.indexDir().toString());
    props.put("paperindex.data.dir", cfg.dataDir().toString());
    props.put("paperindex.http.host", "127.0.0.1");
    props.put("paperindex.http.port", Integer.toString(port));
    props.put("paperindex.schedule.enabled", "false");
    props.put("paperindex.harvest.on-empty-index", "false");
    props.put("paperindex.search.cache-entries", Integer.toString(cacheEntries));
    Settings settings = Settings.of(props);
    Services services = Services.open(AppConfig.from(settings), Services.Access.WRITE);
    try (CamelApp app = new CamelApp(settings, services, CamelApp.Mode.SERVE)) {
      app.start();
      String root = "http://127.0.0.1:" + port;
      LoadClient[] http = new LoadClient[clients];
      for (int c = 0; c < clients; c++) {
        // one client (one kept-alive connection) per thread, as separate users would have
        http[c] = new LoadClient(TIMEOUT);
      }
      try {
        return loads.run(services, root, http);
      } finally {
        for (LoadClient c : http) {
          c.close();
        }
      }
    }
  }

  private static List<URI> searchUris(String root, List<QueryMix.Search> searches) {
    return uris(root, searchPaths(searches));
  }

  /** The request paths of the searches and of the detail pages (the wrk loads take these). */
  private static List<String> searchPaths(List<QueryMix.Search> searches) {
    return searches.stream().map(s -> "/api/search?" + s.queryString()).toList();
  }

  private static List<String> detailPaths(List<String> ids) {
    return ids.stream().map(id -> "/api/papers/" + id).toList();
  }

  private static List<URI> uris(String root, List<String> paths) {
    return paths.stream().map(p -> URI.create(root + p)).toList();
  }

  private static Result load(Services services, String root, LoadClient[] http,
      List<QueryMix.Search> searches, List<String> ids, List<String> prefixes, int clients,
      int requests, int warmup, boolean suggest) throws Exception {
    SearchService search = services.search();
    // the baseline: the same searches with facets counted by Lucene's drill-sideways
    SearchService lucene = new SearchService(services.index(), search.maxSize(),
        SearchService.SUGGEST_MAX_AGE, true, SearchService.FacetEngine.LUCENE, 0);
    List<URI> searchUris = searchUris(root, searches);
    List<URI> detailUris = uris(root, detailPaths(ids));
    ConcurrentLoad.Call searchHttp = i -> get(http, searchUris.get(i % searchUris.size()));
    ConcurrentLoad.Call searchLocal = i -> {
      search.search(search.request(searches.get(i % searches.size()).params()));
      return true;
    };
    ConcurrentLoad.Call searchLucene = i -> {
      lucene.search(lucene.request(searches.get(i % searches.size()).params()));
      return true;
    };
    ConcurrentLoad.Call detailHttp = i -> get(http, detailUris.get(i % detailUris.size()));
    ConcurrentLoad.Call detailLocal =
        i -> search.paper(ArxivId.parse(ids.get(i % ids.size()))).isPresent();

    ConcurrentLoad.run(clients, warmup, searchHttp);
    ConcurrentLoad.Stats sh = ConcurrentLoad.run(clients, requests, searchHttp);
    ConcurrentLoad.run(clients, warmup, searchLocal);
    ConcurrentLoad.Stats sl = ConcurrentLoad.run(clients, requests, searchLocal);
    ConcurrentLoad.run(clients, warmup, searchLucene);
    ConcurrentLoad.Stats sb = ConcurrentLoad.run(clients, requests, searchLucene);
    lucene.close();
    // detail warm-up on other ids than the timed ones (ids are drawn at random)
    ConcurrentLoad.run(clients, warmup, i -> get(http, detailUris.get((i * 7919) % detailUris.size())));
    ConcurrentLoad.Stats dh = ConcurrentLoad.run(clients, requests, detailHttp);
    ConcurrentLoad.Stats dl = ConcurrentLoad.run(clients, requests, detailLocal);
    // the same two loads from wrk, if installed: a load generator that costs the cores nothing
    WrkLoad.Stats sw = null;
    WrkLoad.Stats dw = null;
    if (WrkLoad.available()) {
      Duration timed = Duration.ofSeconds(requests >= 1000 ? 10 : 2);
      Duration warm = Duration.ofSeconds(requests >= 1000 ? 5 : 1);
      WrkLoad.run(root, searchPaths(searches), clients, warm);
      sw = WrkLoad.run(root, searchPaths(searches), clients, timed);
      WrkLoad.run(root, detailPaths(ids), clients, warm);
      dw = WrkLoad.run(root, detailPaths(ids), clients, timed);
    }
    double[] sg = suggest ? suggest(http[0], root, prefixes) : new double[] {Double.NaN, Double.NaN};
    return new Result(sh, sl, sb, null, null, dh, dl, jsonMs(search, searches),
        slowest(sh, sl, searches), sg[0], sg[1], sw, dw);
  }

  private static boolean get(LoadClient[] http, URI uri) throws IOException {
    // each load thread is "bench-client-N": client N is its own, so its connection stays its own
    String name = Thread.currentThread().getName();
    int c = Integer.parseInt(name.substring(name.lastIndexOf('-') + 1)) % http.length;
    return http[c].get(uri).length > 0;
  }

  /**
   * Autocomplete over HTTP, one client: the first request (which builds the suggester unless it
   * was warmed) and the median of 20 rounds over the prefixes after it.
   */
  private static double[] suggest(LoadClient http, String root, List<String> prefixes)
      throws IOException {
    List<URI> uris = prefixes.stream()
        .map(p -> URI.create(root + "/api/suggest?q=" + URLEncoder.encode(p, StandardCharsets.UTF_8)))
        .toList();
    long t = System.nanoTime();
    try (LoadClient first = new LoadClient(FIRST_SUGGEST_TIMEOUT)) {
      first.get(uris.get(0));
    } catch (IOException e) {
      return new double[] {Double.NaN, Double.NaN}; // reported as n/a; the loads still count
    }
    double first = (System.nanoTime() - t) / 1e6;
    double[] ms = new double[uris.size() * 20];
    for (int i = 0; i < ms.length; i++) {
      long s = System.nanoTime();
      http.get(uris.get(i % uris.size()));
      ms[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(ms);
    return new double[] {first, ConcurrentLoad.percentile(ms, 0.5)};
  }

  /** Median time of {@code Json.write} for the mix's responses, single-threaded. */
  private static double jsonMs(SearchService search, List<QueryMix.Search> searches) {
    List<SearchResponse> responses = new ArrayList<>();
    for (QueryMix.Search s : searches) {
      responses.add(search.search(search.request(s.params())));
    }
    int rounds = 20;
    double[] ms = new double[responses.size() * rounds];
    int k = 0;
    for (int r = 0; r < rounds; r++) {
      for (SearchResponse resp : responses) {
        long t = System.nanoTime();
        Json.write(resp);
        ms[k++] = (System.nanoTime() - t) / 1e6;
      }
    }
    Arrays.sort(ms);
    return ConcurrentLoad.percentile(ms, 0.5);
  }

  /** The three searches with the highest median over HTTP, with their in-process medians. */
  private static List<String> slowest(ConcurrentLoad.Stats http, ConcurrentLoad.Stats local,
      List<QueryMix.Search> searches) {
    int n = searches.size();
    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      order.add(k);
    }
    order.sort((a, b) -> Double.compare(http.medianOf(b, n), http.medianOf(a, n)));
    List<String> out = new ArrayList<>();
    for (int k : order.subList(0, Math.min(3, n))) {
      out.add(String.format(java.util.Locale.ROOT, "%s (%.1f ms HTTP, %.1f ms in process)",
          searches.get(k), http.medianOf(k, n), local.medianOf(k, n)));
    }
    return out;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
