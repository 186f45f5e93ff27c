package org.paperindex.cli;

import java.util.concurrent.Callable;
import org.paperindex.api.Json;
import org.paperindex.api.PaperView;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Paper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code show ID}: the paper detail JSON, the same document as {@code GET /api/papers/{id}}. */
@Command(name = "show", description = "Print a paper's detail JSON (same as GET /api/papers/{id}).")
final class ShowCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Parameters(
      paramLabel = "ID",
      description = "2101.00001, 2101.00001v2, hep-th/9901001, arXiv:2101.00001 or an abs URL.")
  String id;

  @Override
  public Integer call() {
    ArxivId arxivId;
    try {
      arxivId = ArxivId.parse(id);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(e.getMessage(), 2);
    }
    try (Services s = Services.open(options.appConfig(options.settings()), Services.Access.READ)) {
      Paper p =
          s.search().paper(arxivId).orElseThrow(() -> new CommandFailure("no paper " + arxivId, 3));
      System.out.println(Json.pretty(PaperView.of(p)));
    }
    return 0;
  }
}
