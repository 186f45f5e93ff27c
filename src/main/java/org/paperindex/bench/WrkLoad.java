package org.paperindex.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The same closed-loop HTTP load driven by <a href="https://github.com/wg/wrk">wrk</a> (Debian
 * package {@code wrk}), when it is installed: one event-driven C thread holding {@code
 * connections} kept-alive connections, each sending its next request as soon as the previous
 * one is answered, cycling through the given paths. The Java load clients of {@link HttpBench}
 * run in the server's JVM on the same two cores and spend about as much CPU per request as the
 * server's detail handler; wrk spends next to none, so its latencies are the server's.
 */
final class WrkLoad {

  /** What one wrk run measured (latencies in milliseconds). */
  record Stats(long requests, long errors, double seconds, double medianMs, double p99Ms) {
    double perSecond() {
      return requests / seconds;
    }
  }

  private static volatile Boolean available;

  private WrkLoad() {}

  /** Whether a {@code wrk} binary is on the PATH. */
  static boolean available() {
    if (available == null) {
      try {
        Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        available = p.waitFor(10, TimeUnit.SECONDS);
      } catch (IOException e) {
        available = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        available = false;
      }
    }
    return available;
  }

  /**
   * Runs wrk against {@code root} for {@code duration} with {@code connections} connections,
   * request {@code i} (over all connections) going to {@code paths.get(i % paths.size())}.
   */
  static Stats run(String root, List<String> paths, int connections, Duration duration)
      throws IOException, InterruptedException {
    Path script = Files.createTempFile("paperindex-wrk", ".lua");
    try {
      Files.writeString(script, script(paths), StandardCharsets.UTF_8);
      long seconds = Math.max(1, duration.toSeconds());
      Process p = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s",
          "--timeout", "60s", "-s", script.toString(), root)
          .redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(seconds + 120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("wrk did not finish");
      }
      String text = new String(out, StandardCharsets.UTF_8);
      return parse(text).orElseThrow(() -> new IOException("wrk printed no summary: " + text));
    } finally {
      Files.deleteIfExists(script);
    }
  }

  /** The Lua script: the paths in turn, and a one-line machine-readable summary at the end. */
  static String script(List<String> paths) {
    StringBuilder sb = new StringBuilder("local paths = {");
    for (String path : paths) {
      sb.append('"').append(path.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",");
    }
    sb.append("}\n")
        .append("local n = 0\n")
        .append("request = function()\n")
        .append("  n = n + 1\n")
        .append("  return wrk.format(nil, paths[(n % #paths) + 1])\n")
        .append("end\n")
        .append("done = function(summary, latency, requests)\n")
        .append("  local e = summary.errors\n")
        .append("  io.write(string.format(\"PAPERINDEX requests=%d errors=%d p50us=%d p99us=%d"
            + " durationus=%d\\n\", summary.requests, e.connect + e.read + e.write + e.status"
            + " + e.timeout, latency:percentile(50), latency:percentile(99), summary.duration))\n")
        .append("end\n");
    return sb.toString();
  }

  /** The summary line of {@link #script}'s {@code done}, if wrk's output has one. */
  static java.util.Optional<Stats> parse(String output) {
    for (String line : output.split("\n")) {
      if (!line.startsWith("PAPERINDEX ")) {
        continue;
      }
      Map<String, Long> v = new HashMap<>();
      for (String kv : line.substring("PAPERINDEX ".length()).trim().split(" ")) {
        int eq = kv.indexOf('=');
        v.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
      }
      return java.util.Optional.of(new Stats(v.get("requests"), v.get("errors"),
          v.get("durationus") / 1e6, v.get("p50us") / 1e3, v.get("p99us") / 1e3));
    }
    return java.util.Optional.empty();
  }
}
