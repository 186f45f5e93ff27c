package org.paperindex.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.paperindex.api.Json;
import org.paperindex.config.AppConfig;
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
    return StatusReport.build(s);
  }
}
