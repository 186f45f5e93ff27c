package org.paperindex.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.paperindex.search.SearchRequest;
import org.paperindex.search.SearchService;

/**
 * Query latency in process: a fixed set of typical queries built from the generator's vocabulary
 * (common, mid and rare terms, fields, phrases, boolean operators, an id lookup), warmed up, then
 * timed; reports median and 99th percentile.
 */
final class SearchBench {

  /** Latencies in milliseconds. */
  record Result(int queries, int runs, double medianMs, double p99Ms) {}

  private SearchBench() {}

  /** The queries for an index built from {@code gen}'s first records. */
  static List<String> queries(SyntheticArxiv gen) {
    Vocabulary w = gen.words();
    SyntheticPaper first = gen.paper(1);
    String author = first.authors().get(0).get(0);
    List<String> q = new ArrayList<>();
    q.add(w.contentWord(3));
    q.add(w.contentWord(40));
    q.add(w.contentWord(400));
    q.add(w.contentWord(4_000));
    q.add(w.contentWord(20) + " " + w.contentWord(300));
    q.add(w.contentWord(100) + " " + w.contentWord(1_000) + " " + w.contentWord(5_000));
    q.add("\"" + w.contentWord(10) + " " + w.contentWord(11) + "\"");
    q.add("ti:" + w.contentWord(60));
    q.add("abs:" + w.contentWord(700) + " AND cat:hep-th");
    q.add("au:" + author);
    q.add("au:" + gen.names().word(30) + " AND ti:" + w.contentWord(30));
    q.add("cat:cs.LG");
    q.add(w.contentWord(50) + " OR " + w.contentWord(2_000));
    q.add(w.contentWord(200) + " NOT " + w.contentWord(2));
    q.add("(" + w.contentWord(80) + " OR " + w.contentWord(90) + ") AND cat:quant-ph");
    String prefix = w.contentWord(500);
    q.add(prefix.substring(0, Math.min(3, prefix.length())) + "*");
    q.add("co:figures AND " + w.contentWord(150));
    q.add(first.id());
    q.add("arXiv:" + gen.paper(7).id());
    q.add(String.join(" ", w.contentWord(5), w.contentWord(6), w.contentWord(7), w.contentWord(8)));
    return q;
  }

  /** Runs every query {@code warmup} times untimed, then {@code runs} times timed. */
  static Result run(SearchService search, List<String> queries, int warmup, int runs) {
    for (int i = 0; i < warmup; i++) {
      for (String q : queries) {
        search.search(SearchRequest.of(q, 10));
      }
    }
    double[] ms = new double[queries.size() * runs];
    int k = 0;
    for (int i = 0; i < runs; i++) {
      for (String q : queries) {
        long t = System.nanoTime();
        search.search(SearchRequest.of(q, 10));
        ms[k++] = (System.nanoTime() - t) / 1e6;
      }
    }
    Arrays.sort(ms);
    return new Result(queries.size(), runs, percentile(ms, 0.5), percentile(ms, 0.99));
  }

  /** One search of the HTTP mix: its query string, median CPU per run and hits. */
  record PerSearch(String search, double cpuMs, long hits) {}

  /**
   * Each search of the HTTP mix ({@link QueryMix}) alone on this thread: the median thread CPU
   * time of {@code runs} runs after {@code warmup} rounds of the whole mix, so the cost of each
   * search, unmixed with queueing, can be compared across builds.
   */
  static List<PerSearch> perSearch(SearchService search, List<QueryMix.Search> mix, int warmup,
      int runs) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<SearchRequest> reqs = mix.stream().map(m -> search.request(m.params())).toList();
    for (int i = 0; i < warmup; i++) {
      reqs.forEach(search::search);
    }
    double[][] ms = new double[reqs.size()][runs];
    long[] hits = new long[reqs.size()];
    for (int r = 0; r < runs; r++) {
      for (int i = 0; i < reqs.size(); i++) {
        long t = threads.getCurrentThreadCpuTime();
        hits[i] = search.search(reqs.get(i)).total();
        ms[i][r] = (threads.getCurrentThreadCpuTime() - t) / 1e6;
      }
    }
    List<PerSearch> out = new ArrayList<>();
    for (int i = 0; i < reqs.size(); i++) {
      Arrays.sort(ms[i]);
      out.add(new PerSearch(mix.get(i).queryString(), percentile(ms[i], 0.5), hits[i]));
    }
    return out;
  }

  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
