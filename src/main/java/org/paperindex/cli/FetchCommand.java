package org.paperindex.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.paperindex.api.Json;
import org.paperindex.harvest.FetchService;
import org.paperindex.model.ArxivId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fetch ID...}: refresh named papers now through the Atom API and their pages. */
@Command(
    name = "fetch",
    description = {
      "Fetch named papers now: metadata through arXiv's Atom API, then the abs page (links) and",
      "the HTML full text (affiliations), politely through the one throttle; index them."
    })
final class FetchCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Parameters(paramLabel = "ID", arity = "1..*", description = "arXiv ids in any form.")
  List<String> ids;

  @Option(names = "--no-pages", description = "Only the Atom API; skip abs and HTML pages.")
  boolean noPages;

  @Override
  public Integer call() {
    List<ArxivId> parsed = new ArrayList<>();
    for (String raw : ids) {
      try {
        parsed.add(ArxivId.parse(raw));
      } catch (IllegalArgumentException e) {
        throw new CommandFailure(e.getMessage(), 2);
      }
    }
    try (Services s = Services.open(options.appConfig(options.settings()), Services.Access.WRITE)) {
      FetchService.Report r = s.fetch().fetch(parsed, !noPages);
      System.out.println(Json.write(r));
      if (r.fetched() == 0) {
        throw new CommandFailure("none of the papers was found: " + r.missing(), 3);
      }
    }
    return 0;
  }
}
