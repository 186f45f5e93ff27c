package org.paperindex.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.paperindex.extract.AffiliationEvaluation;
import org.paperindex.extract.AffiliationMatcher;
import org.paperindex.extract.RorRecord;
import org.paperindex.extract.RorRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evaluate affiliations}: precision and recall of the matcher on gold sets. */
@Command(name = "evaluate", description = "Quality evaluations.", subcommands = EvaluateCommand.Affiliations.class)
final class EvaluateCommand implements Runnable {
  @Override
  public void run() {
    throw new CommandFailure("missing subcommand: evaluate affiliations", 2);
  }

  /** Top-match precision/recall on ROR API-format gold files (read at run time, never stored). */
  @Command(
      name = "affiliations",
      description = {
        "Top-match precision and recall of the affiliation matcher on gold files in the ROR API",
        "test format ([{\"affiliation\", \"ror_ids\": [...]}]), over rows whose gold ids are all",
        "in the loaded registry (paperindex.ror.dump). Default gold: ../shared/reference/affiliation-gold/",
        "rorapi_affiliations_crossref_2024-02-19.json and rorapi_affiliations_springer_2023-10-31.json."
      })
  static final class Affiliations implements Callable<Integer> {
    static final Path GOLD_DIR = Path.of("..", "shared", "reference", "affiliation-gold");

    @Mixin ConfigOptions options;

    @Option(names = "--gold", paramLabel = "FILE", description = "Gold files (repeatable).")
    List<Path> gold =
        List.of(
            GOLD_DIR.resolve("rorapi_affiliations_crossref_2024-02-19.json"),
            GOLD_DIR.resolve("rorapi_affiliations_springer_2023-10-31.json"));

    @Override
    public Integer call() throws Exception {
      for (Path g : gold) {
        if (!Files.isReadable(g)) {
          throw new CommandFailure("cannot read gold file " + g, 2);
        }
      }
      var cfg = options.appConfig(options.settings());
      AffiliationMatcher m = AffiliationsCommand.matcher(cfg);
      RorRegistry registry =
          RorRegistry.loadCached(
              List.of(cfg.sources().rorDump().split(",")).stream().map(String::strip).map(Path::of).toList(),
              cfg.dataDir().resolve("ror-cache"));
      Set<String> ids = new HashSet<>();
      for (RorRecord r : registry.records()) {
        ids.add(r.id());
      }
      for (Path g : gold) {
        System.out.println(AffiliationEvaluation.evaluate(m, g, ids).summary());
      }
      return 0;
    }
  }
}
