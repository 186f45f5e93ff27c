package org.paperindex.cli;

import java.util.concurrent.Callable;
import org.paperindex.config.AppConfig;
import org.paperindex.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code serve}: the schedules and the HTTP API, until SIGTERM. */
@Command(
    name = "serve",
    description = {
      "Run the scheduled harvests and the HTTP API until stopped (SIGTERM/Ctrl-C stops cleanly).",
      "On an empty index a first harvest of a recent window starts at once."
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    Settings settings = options.settings();
    AppConfig cfg = options.appConfig(settings);
    // on stop, the index gets this long to catch up with the store; the rest replays at start
    Services services = Services.open(cfg, Services.Access.WRITE)
        .closeWaitingAtMost(cfg.index().commitInterval());
    // the first search needs the facet columns: build them in the background while Camel starts
    services.search().warmFacets();
    CamelApp app = new CamelApp(settings, services, CamelApp.Mode.SERVE);
    // the autocomplete suggester's first build reads every title and author (seconds at a
    // million papers): only once the server answers, so it takes no core from start-up
    app.onStarted(services.search()::warmSuggester);
    app.runUntilStopped();
    return 0;
  }
}
