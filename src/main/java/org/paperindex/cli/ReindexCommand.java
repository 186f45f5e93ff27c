package org.paperindex.cli;

import java.util.concurrent.Callable;
import org.paperindex.api.Json;
import org.paperindex.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code reindex}: rebuild the index from the record store through the same route as the API. */
@Command(
    name = "reindex",
    description = {
      "Rebuild the whole index from the record store into a new directory and switch to it;",
      "a failed rebuild leaves the old index. On a running server use POST /api/admin/reindex."
    })
final class ReindexCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    Settings settings = options.settings();
    Services services = Services.open(options.appConfig(settings), Services.Access.WRITE);
    try (CamelApp app = new CamelApp(settings, services, CamelApp.Mode.BATCH)) {
      app.start();
      Object report = app.template().requestBody("direct:reindex", (Object) null);
      System.out.println(Json.write(report));
    }
    return 0;
  }
}
