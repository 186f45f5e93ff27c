package org.paperindex.cli;

import java.util.concurrent.Callable;
import org.paperindex.api.Json;
import org.paperindex.search.BadQueryException;
import org.paperindex.search.SearchRequest;
import org.paperindex.search.SearchResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code search QUERY}: the same search as {@code GET /api/search}. */
@Command(name = "search", description = "Search the index (query syntax as GET /api/search).")
final class SearchCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query; words are joined.")
  String[] query;

  @Option(names = "--size", defaultValue = "10", description = "Number of hits (default ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--page", defaultValue = "1", description = "Page number (default ${DEFAULT-VALUE}).")
  int page;

  @Option(names = "--json", description = "Print the JSON response instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    try (Services s = Services.open(options.appConfig(options.settings()), Services.Access.READ)) {
      SearchResponse r;
      try {
        r = s.search().search(new SearchRequest(String.join(" ", query), size, page));
      } catch (BadQueryException e) {
        throw new CommandFailure(e.getMessage(), 2);
      }
      if (json) {
        System.out.println(Json.pretty(r));
      } else {
        System.out.println(r.total() + " papers");
        for (SearchResponse.Hit h : r.hits()) {
          System.out.printf(
              "%-18s %4s %-12s %s%n",
              h.id(), h.year() > 0 ? h.year() : "", h.primaryCategory(), h.title());
        }
      }
    }
    return 0;
  }
}
