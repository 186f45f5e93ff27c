package org.paperindex.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperindex.api.Json;
import org.paperindex.config.AppConfig;
import org.paperindex.harvest.QuarantineRetry;
import org.paperindex.store.QuarantineEntry;
import org.paperindex.store.RecordStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quarantine list|show|retry}: inspect records that failed to parse and retry them after a fix. */
@Command(
    name = "quarantine",
    description = "List, show and retry records that failed to parse or validate.",
    subcommands = {
      QuarantineCommand.ListCommand.class,
      QuarantineCommand.ShowCommand.class,
      QuarantineCommand.RetryCommand.class
    })
final class QuarantineCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list, show or retry");
  }

  /** {@code quarantine list}: the oldest entries, one line each, or JSON. */
  @Command(name = "list", description = "List quarantined records, oldest first.")
  static final class ListCommand implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N entries (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "JSON: {total, entries:[{key, source, identifier, reason, time, rawChars}]}.")
    boolean json;

    @Override
    public Integer call() {
      if (limit < 1) {
        throw new CommandFailure("--limit must be at least 1, got " + limit, 2);
      }
      try (RecordStore store = openStore(options)) {
        List<QuarantineEntry> entries = store.quarantined(limit);
        if (json) {
          List<Map<String, Object>> rows = new ArrayList<>();
          entries.forEach(e -> rows.add(summary(e)));
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("total", store.quarantineSize());
          out.put("entries", rows);
          System.out.println(Json.write(out));
        } else {
          System.out.println(store.quarantineSize() + " quarantined" + (entries.size() < store.quarantineSize()
              ? " (showing the oldest " + entries.size() + ")" : ""));
          for (QuarantineEntry e : entries) {
            System.out.println(e.key() + "  " + label(e) + "  " + (e.identifier() == null ? "-" : e.identifier())
                + "  " + oneLine(e.reason(), 160));
          }
        }
      }
      return 0;
    }
  }

  /** {@code quarantine show KEY}: one entry with its raw text, as JSON. */
  @Command(name = "show", description = "Print one quarantined record (with its raw text) as JSON.")
  static final class ShowCommand implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(paramLabel = "KEY", description = "The quarantine key from 'quarantine list'.")
    String key;

    @Override
    public Integer call() {
      try (RecordStore store = openStore(options)) {
        QuarantineEntry e = store.quarantined(key)
            .orElseThrow(() -> new CommandFailure("no quarantined record " + key, 3));
        Map<String, Object> out = summary(e);
        out.put("raw", e.raw());
        System.out.println(Json.pretty(out));
      }
      return 0;
    }
  }

  /** {@code quarantine retry}: re-parse with today's parsers; ingest and release what parses. */
  @Command(name = "retry", description = "Re-parse quarantined records; ingest and release those that parse now.")
  static final class RetryCommand implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(paramLabel = "KEY", arity = "0..*", description = "Quarantine keys to retry.")
    List<String> keys = new ArrayList<>();

    @Option(names = "--all", description = "Retry every quarantined record.")
    boolean all;

    @Override
    public Integer call() {
      if (all == !keys.isEmpty()) {
        throw new CommandFailure("give either quarantine keys or --all", 2);
      }
      AppConfig cfg = options.appConfig(options.settings());
      int released = 0, kept = 0, unsupported = 0;
      try (Services s = Services.open(cfg, Services.Access.WRITE)) {
        RecordStore store = s.store();
        List<QuarantineEntry> entries = new ArrayList<>();
        if (all) {
          entries.addAll(store.quarantined(Integer.MAX_VALUE));
        } else {
          for (String k : keys) {
            entries.add(store.quarantined(k).orElseThrow(() -> new CommandFailure("no quarantined record " + k, 3)));
          }
        }
        QuarantineRetry retry = new QuarantineRetry(s.ingester());
        for (QuarantineEntry e : entries) {
          QuarantineRetry.Result r = retry.retry(e);
          switch (r.outcome()) {
            case RELEASED -> released++;
            case STILL_REJECTED -> kept++;
            case UNSUPPORTED -> unsupported++;
          }
          System.out.println(r.key() + "  " + r.outcome().name().toLowerCase(java.util.Locale.ROOT)
              + "  " + oneLine(r.detail(), 160));
        }
        s.ingester().commit();
      }
      System.out.println("released " + released + ", still rejected " + kept + ", cannot retry " + unsupported);
      return 0;
    }
  }

  private static RecordStore openStore(ConfigOptions options) {
    // only the store: listing needs neither the index writer nor a catch-up
    return RecordStore.open(options.appConfig(options.settings()).dataDir());
  }

  private static Map<String, Object> summary(QuarantineEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", e.key());
    m.put("source", e.source() == null ? null : e.source().label());
    m.put("identifier", e.identifier());
    m.put("reason", e.reason());
    m.put("time", e.time().toString());
    m.put("rawChars", e.raw().length());
    return m;
  }

  private static String label(QuarantineEntry e) {
    return e.source() == null ? "unknown" : e.source().label();
  }

  private static String oneLine(String s, int max) {
    String t = s == null ? "" : s.replaceAll("\\s+", " ").strip();
    return t.length() <= max ? t : t.substring(0, max - 1) + "…";
  }
}
