package org.paperindex.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.paperindex.config.AppConfig;
import org.paperindex.config.Settings;

/**
 * Start-up time of {@code serve} on an existing index, as an operator sees it: a child JVM runs
 * {@code PaperIndexCli serve} on the imported index and store (schedules off), and the time runs
 * from starting the process to the first 200 from {@code /health} and from a search.
 */
final class StartupBench {

  /**
   * Milliseconds from process start to the first answered health check and search, and the CPU
   * time the child had used when health answered (on a shared machine the wall time includes
   * waiting for a core; the CPU time does not).
   */
  record Result(long healthMs, long searchMs, long cpuMs) {}

  private static final long GIVE_UP_MS = 180_000;
  private static final long POLL_MS = 10;

  private StartupBench() {}

  /**
   * Starts {@code serve} on {@code cfg}'s directories with extra JVM flags (e.g. class data
   * sharing); its output goes to {@code log}.
   */
  static Result run(Settings base, AppConfig cfg, Path log, List<String> jvmFlags)
      throws IOException, InterruptedException {
    int port = HttpBench.freePort();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + Math.max(64, Runtime.getRuntime().maxMemory() >> 20) + "m");
    cmd.addAll(jvmFlags);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.paperindex.cli.PaperIndexCli");
    cmd.add("serve");
    base.file().ifPresent(f -> {
      cmd.add("--config");
      cmd.add(f.toString());
    });
    cmd.add("-Dpaperindex.index.dir=" + cfg.indexDir());
    cmd.add("-Dpaperindex.data.dir=" + cfg.dataDir());
    cmd.add("-Dpaperindex.http.host=127.0.0.1");
    cmd.add("-Dpaperindex.http.port=" + port);
    cmd.add("-Dpaperindex.schedule.enabled=false");
    cmd.add("-Dpaperindex.harvest.on-empty-index=false");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(1)).build();
    String root = "http://127.0.0.1:" + port;
    long t0 = System.nanoTime();
    Process p = pb.start();
    try {
      long health = firstOk(http, URI.create(root + "/health"), p, t0);
      long cpu = p.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
      long search = firstOk(http, URI.create(root + "/api/search?q=x"), p, t0);
      return new Result(health, search, cpu);
    } finally {
      p.destroy(); // SIGTERM: serve commits and closes, releasing the index and store locks
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
  }

  private static long firstOk(HttpClient http, URI uri, Process p, long t0)
      throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build();
    while (true) {
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (!p.isAlive()) {
        throw new IOException("serve exited with code " + p.exitValue() + " before answering " + uri);
      }
      if (ms > GIVE_UP_MS) {
        throw new IOException("serve did not answer " + uri + " within " + GIVE_UP_MS + " ms");
      }
      try {
        if (http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return (System.nanoTime() - t0) / 1_000_000;
        }
      } catch (IOException notYet) {
        // the port is not open yet (refused, or reset while the server binds)
      }
      Thread.sleep(POLL_MS);
    }
  }
}
