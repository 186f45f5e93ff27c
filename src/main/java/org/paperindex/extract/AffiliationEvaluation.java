package org.paperindex.extract;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/** Measures an {@link AffiliationMatcher} against gold affiliation → ROR id data, and batch-matches. */
public final class AffiliationEvaluation {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AffiliationEvaluation() {
  }

  /** One gold row: an affiliation string and its accepted ROR ids (empty = no match expected). */
  public record GoldRow(String affiliation, List<String> rorIds) {
  }

  /**
   * Evaluation result; precision = correct top matches / rows where a match was returned,
   * recall = correct top matches / rows that have a gold id.
   */
  public record Report(String name, int rows, int evaluated, int withGold, int returned,
      int correct, double precision, double recall, double f1, double stringsPerSecond,
      List<String> mistakes) {

    /** A one-line human-readable summary. */
    public String summary() {
      return String.format("%s: rows=%d evaluated=%d withGold=%d returned=%d correct=%d "
          + "P=%.4f R=%.4f F1=%.4f %.0f strings/s", name, rows, evaluated, withGold, returned,
          correct, precision, recall, f1, stringsPerSecond);
    }
  }

  /** Evaluates on a ROR API gold file ({@code [{"affiliation", "ror_ids": [...]}]}). */
  public static Report evaluate(AffiliationMatcher m, Path goldJson, Set<String> idsInRegistry)
      throws IOException {
    return evaluate(m, readRorApiJson(goldJson), idsInRegistry,
        goldJson.getFileName().toString());
  }

  /** Evaluates on gold rows, keeping rows whose ids are all in the registry, deduplicated. */
  public static Report evaluate(AffiliationMatcher m, List<GoldRow> gold,
      Set<String> idsInRegistry, String name) {
    Map<String, Set<String>> rows = new LinkedHashMap<>();
    for (GoldRow g : gold) {
      rows.computeIfAbsent(g.affiliation(), k -> new HashSet<>()).addAll(g.rorIds());
    }
    List<Map.Entry<String, Set<String>>> eval = rows.entrySet().stream()
        .filter(e -> idsInRegistry.containsAll(e.getValue())).toList();
    int withGold = 0;
    int returned = 0;
    int correct = 0;
    List<String> mistakes = new ArrayList<>();
    long t0 = System.nanoTime();
    List<List<InstitutionMatch>> results = new ArrayList<>(eval.size());
    for (Map.Entry<String, Set<String>> e : eval) {
      results.add(m.match(e.getKey()));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    for (int i = 0; i < eval.size(); i++) {
      Set<String> ids = eval.get(i).getValue();
      List<InstitutionMatch> got = results.get(i);
      if (!ids.isEmpty()) {
        withGold++;
      }
      if (!got.isEmpty()) {
        returned++;
      }
      boolean ok = !got.isEmpty() && ids.contains(got.get(0).rorId());
      if (ok) {
        correct++;
      } else if (!(got.isEmpty() && ids.isEmpty())) {
        mistakes.add(eval.get(i).getKey().replaceAll("\\s+", " ") + "\t" + ids + "\t"
            + (got.isEmpty() ? "-" : got.get(0).rorId() + " " + got.get(0).name() + " "
            + got.get(0).countryCode() + " " + got.get(0).score()));
      }
    }
    double p = returned == 0 ? 0 : correct / (double) returned;
    double r = withGold == 0 ? 0 : correct / (double) withGold;
    double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return new Report(name, rows.size(), eval.size(), withGold, returned, correct, p, r, f1,
        eval.size() / Math.max(seconds, 1e-9), mistakes);
  }

  /** Reads a ROR API gold file. */
  public static List<GoldRow> readRorApiJson(Path goldJson) throws IOException {
    List<GoldRow> out = new ArrayList<>();
    for (JsonNode n : MAPPER.readTree(goldJson.toFile())) {
      List<String> ids = new ArrayList<>();
      n.path("ror_ids").forEach(x -> ids.add(RorRegistry.fullId(x.asText())));
      if (n.hasNonNull("ror-id")) {
        ids.add(RorRegistry.fullId(n.get("ror-id").asText()));
      }
      out.add(new GoldRow(n.path("affiliation").asText(), ids));
    }
    return out;
  }

  /** Reads rows of the given sources from a combined {@code .jsonl(.gz)} gold file. */
  public static List<GoldRow> readCombinedJsonl(Path file, Set<String> sources)
      throws IOException {
    List<GoldRow> out = new ArrayList<>();
    InputStream raw = Files.newInputStream(file);
    InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = MAPPER.readTree(line);
        if (sources.isEmpty() || sources.contains(n.path("source").asText())) {
          List<String> ids = new ArrayList<>();
          n.path("ror_ids").forEach(x -> ids.add(RorRegistry.fullId(x.asText())));
          out.add(new GoldRow(n.path("affiliation").asText(), ids));
        }
      }
    }
    return out;
  }

  /** CLI contract {@code affiliations match}: one affiliation per line in, one JSON object out. */
  public static void matchLines(BufferedReader in, Writer out, AffiliationMatcher m)
      throws IOException {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      JsonGenerator g = MAPPER.getFactory().createGenerator(out);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("affiliation", line);
      g.writeArrayFieldStart("matches");
      for (InstitutionMatch x : m.match(line)) {
        g.writeStartObject();
        g.writeStringField("rorId", x.rorId());
        g.writeStringField("name", x.name());
        g.writeStringField("country", x.countryCode());
        g.writeNumberField("score", x.score());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.close();
      out.write('\n');
    }
    out.flush();
  }

  /**
   * Usage: {@code AffiliationEvaluation <ror-dumps,comma-separated> <gold.json|gold.jsonl.gz>
   * [sources,comma-separated] [exclude-gold.json,...]}; prints the report and mistakes to stderr.
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: AffiliationEvaluation <ror-dumps> <gold> [sources] [exclude]");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    RorRegistry reg = RorRegistry.load(args[0]);
    long t1 = System.nanoTime();
    AffiliationMatcher m = new AffiliationMatcher(reg);
    long t2 = System.nanoTime();
    PrintStream o = System.out;
    o.printf("registry: %d records loaded in %d ms, index built in %d ms%n", reg.size(),
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    Set<String> ids = reg.records().stream().map(RorRecord::id).collect(Collectors.toSet());
    Path gold = Path.of(args[1]);
    List<GoldRow> rows;
    if (gold.toString().contains(".jsonl")) {
      Set<String> sources = args.length > 2 && !args[2].isBlank()
          ? Set.of(args[2].split(",")) : Set.of();
      rows = readCombinedJsonl(gold, sources);
    } else {
      rows = readRorApiJson(gold);
    }
    if (args.length > 3) {
      // Hold out: drop every string that also occurs in the given evaluation files.
      Set<String> held = new HashSet<>();
      for (String f : args[3].split(",")) {
        readRorApiJson(Path.of(f)).forEach(g -> held.add(g.affiliation()));
      }
      rows = rows.stream().filter(g -> !held.contains(g.affiliation())).toList();
    }
    evaluate(m, rows, ids, gold.getFileName().toString()); // warm-up pass for the JIT
    Report rep = evaluate(m, rows, ids, gold.getFileName() + " " + Arrays.toString(
        args.length > 2 ? args[2].split(",") : new String[0]));
    o.println(rep.summary());
    Writer err = new OutputStreamWriter(System.err, StandardCharsets.UTF_8);
    for (String s : rep.mistakes()) {
      err.write(s + "\n");
    }
    err.flush();
  }
}
