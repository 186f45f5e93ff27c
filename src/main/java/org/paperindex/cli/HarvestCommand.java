package org.paperindex.cli;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperindex.api.Json;
import org.paperindex.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code harvest}: one OAI-PMH run through the same Camel route the schedule uses. */
@Command(
    name = "harvest",
    description = {
      "Run one OAI-PMH harvest and exit. Without --from it continues from the saved checkpoint",
      "(first run: the last paperindex.harvest.initial-window days)."
    })
final class HarvestCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Start of the window (inclusive).")
  LocalDate from;

  @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "End of the window (inclusive).")
  LocalDate until;

  @Option(names = "--set", paramLabel = "SET", description = "OAI set, e.g. cs:cs:AI or physics:hep-th.")
  String set;

  @Option(names = "--format", paramLabel = "arXiv|arXivRaw", description = "Metadata format (default from config).")
  String format;

  @Override
  public Integer call() throws Exception {
    if (from != null && until != null && until.isBefore(from)) {
      throw new CommandFailure("--until " + until + " is before --from " + from, 2);
    }
    if (format != null && !format.equals("arXiv") && !format.equals("arXivRaw")) {
      throw new CommandFailure("--format must be arXiv or arXivRaw, got " + format, 2);
    }
    Settings settings = options.settings();
    Services services = Services.open(options.appConfig(settings), Services.Access.WRITE);
    try (CamelApp app = new CamelApp(settings, services, CamelApp.Mode.BATCH)) {
      app.start();
      Map<String, Object> headers = new HashMap<>();
      putIfSet(headers, "from", from);
      putIfSet(headers, "until", until);
      putIfSet(headers, "set", set);
      putIfSet(headers, "format", format);
      Object summary = app.template().requestBodyAndHeaders("direct:harvest-oai", null, headers);
      // the run has committed the store; the index follows in the background: wait for it, so
      // that a search right after this command sees every harvested paper
      services.awaitIndexed(java.time.Duration.ofDays(365)).ifPresent(d -> System.err.printf(
          java.util.Locale.ROOT, "index caught up with the record store %.1f s after the harvest%n",
          d.toMillis() / 1000.0));
      System.out.println(Json.write(summary));
    }
    return 0;
  }

  private static void putIfSet(Map<String, Object> h, String k, Object v) {
    if (v != null) {
      h.put(k, v.toString());
    }
  }
}
