package org.paperindex.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.paperindex.config.AppConfig;
import org.paperindex.extract.AffiliationEvaluation;
import org.paperindex.extract.AffiliationMatcher;
import org.paperindex.extract.Institutions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code affiliations match}: affiliation strings on stdin, ROR matches as JSON lines on stdout. */
@Command(name = "affiliations", description = "Affiliation tools.", subcommands = AffiliationsCommand.Match.class)
final class AffiliationsCommand implements Runnable {
  @Override
  public void run() {
    throw new CommandFailure("missing subcommand: affiliations match", 2);
  }

  /** Reads one affiliation per line; writes {"affiliation", "matches": [...]} per line. */
  @Command(
      name = "match",
      description = {
        "Read affiliation strings, one per line, on stdin; write one JSON object per line:",
        "{\"affiliation\", \"matches\": [{\"rorId\",\"name\",\"country\",\"score\"}]}.",
        "Needs paperindex.ror.dump (ROR data dump files, comma-separated)."
      })
  static final class Match implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Override
    public Integer call() throws Exception {
      AffiliationMatcher m = matcher(options.appConfig(options.settings()));
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
      AffiliationEvaluation.matchLines(in, out, m);
      out.flush();
      return 0;
    }
  }

  static AffiliationMatcher matcher(AppConfig cfg) {
    Institutions inst =
        new Institutions(cfg.sources().rorDump(), cfg.dataDir().resolve("ror-cache"));
    if (!inst.configured()) {
      throw new CommandFailure(
          "no ROR registry: set paperindex.ror.dump to ROR data dump files (JSON, .gz or .zip)", 2);
    }
    return inst.get().orElseThrow();
  }
}
