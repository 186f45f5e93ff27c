package org.paperindex.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperindex.api.Json;
import org.paperindex.config.AppConfig;
import org.paperindex.harvest.HarvestJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code status}: paper count, checkpoint and the last harvest run, as JSON. */
@Command(name = "status", description = "Print JSON: paper count, harvest checkpoint, last harvest run.")
final class StatusCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    AppConfig cfg = options.appConfig(options.settings());
    try (Services s = Services.open(cfg, Services.Access.READ)) {
      System.out.println(Json.pretty(report(s)));
    }
    return 0;
  }

  static Map<String, Object> report(Services s) {
    AppConfig cfg = s.config();
    String job = HarvestJob.jobKey(cfg.harvest().format(), cfg.harvest().set());
    Map<String, Object> harvest = new LinkedHashMap<>();
    harvest.put("job", job);
    harvest.put("checkpoint", s.checkpoints().nextFrom(job).orElse(null));
    harvest.put("lastRun", s.runLog().last(job).orElse(null));
    harvest.put("lastSuccessfulRun", s.checkpoints().lastRun(job).orElse(null));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("papers", s.search().count());
    // as of the last index commit: the store itself is locked while a server runs
    long q = s.index().committedQuarantined();
    out.put("quarantined", q < 0 ? null : q);
    out.put("indexDir", cfg.indexDir().toAbsolutePath().toString());
    out.put("dataDir", cfg.dataDir().toAbsolutePath().toString());
    out.put("harvest", harvest);
    return out;
  }
}
