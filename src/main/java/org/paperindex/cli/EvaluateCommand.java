package org.paperindex.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.paperindex.extract.AffiliationEvaluation;
import org.paperindex.extract.AffiliationMatcher;
import org.paperindex.extract.LinkEvaluation;
import org.paperindex.extract.RorRecord;
import org.paperindex.extract.RorRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evaluate affiliations}: precision and recall of the matcher on gold sets. */
@Command(
    name = "evaluate",
    description = "Quality evaluations.",
    subcommands = {EvaluateCommand.Affiliations.class, EvaluateCommand.Links.class})
final class EvaluateCommand implements Runnable {
  @Override
  public void run() {
    throw new CommandFailure("missing subcommand: evaluate affiliations|links", 2);
  }

  /** Code/dataset link precision and recall on hand labels of real records (texts read from ../shared). */
  @Command(
      name = "links",
      description = {
        "Precision and recall of code and dataset links on hand-labelled real arXiv records.",
        "Labels: the built-in links-gold/real-labels.jsonl or --labels FILE (JSON lines",
        "{\"source\", \"id\", \"field\", \"slice\", \"links\": [{\"url\",\"kind\",\"official\"}]}); the",
        "texts are read from the recorded files under --shared (default ../shared). Prints counts",
        "per kind and every false positive and negative, then one score line per slice and for the",
        "held-out slices together; exit 1 when a labelled text is not found."
      })
  static final class Links implements Callable<Integer> {
    @Option(names = "--labels", paramLabel = "FILE", description = "Label file (default: built in).")
    Path labels;

    @Option(names = "--shared", paramLabel = "DIR", description = "Shared data folder (default: ../shared).")
    Path shared = Path.of("..", "shared");

    @Option(names = "--slice", paramLabel = "NAME",
        description = "Only labels of this slice (repeatable; e.g. sample4).")
    List<String> slices;

    @Override
    public Integer call() throws Exception {
      if (!Files.isDirectory(shared)) {
        throw new CommandFailure("no shared data folder at " + shared, 2);
      }
      List<LinkEvaluation.Label> gold;
      if (labels == null) {
        gold = LinkEvaluation.classpathLabels();
      } else {
        if (!Files.isReadable(labels)) {
          throw new CommandFailure("cannot read label file " + labels, 2);
        }
        try (var in = Files.newInputStream(labels)) {
          gold = LinkEvaluation.readLabels(in);
        }
      }
      if (slices != null && !slices.isEmpty()) {
        gold = LinkEvaluation.inSlices(gold, Set.copyOf(slices));
      }
      LinkEvaluation.Report r = LinkEvaluation.evaluate(gold, shared);
      System.out.print(r.summary());
      List<String> named = LinkEvaluation.slices(gold);
      for (String s : named) {
        System.out.println("slice " + s + (LinkEvaluation.HELD_OUT.contains(s) ? " (held out)" : "")
            + ": " + LinkEvaluation.evaluate(LinkEvaluation.inSlices(gold, Set.of(s)), shared).scoreLine());
      }
      List<String> heldOut = named.stream().filter(LinkEvaluation.HELD_OUT::contains).toList();
      if (heldOut.size() > 1) {
        System.out.println("held out (" + String.join("+", heldOut) + "): "
            + LinkEvaluation.evaluate(LinkEvaluation.inSlices(gold, Set.copyOf(heldOut)), shared).scoreLine());
      }
      System.out.flush();
      return r.missing().isEmpty() ? 0 : 1;
    }
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
