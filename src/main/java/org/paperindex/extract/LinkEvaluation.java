package org.paperindex.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.paperindex.extract.ExtractedLink.Kind;
import org.paperindex.model.Paper;
import org.paperindex.model.Source;
import org.paperindex.parse.ArxivAtomParser;
import org.paperindex.parse.ArxivRssParser;
import org.paperindex.parse.FeedItem;
import org.paperindex.parse.FormatException;
import org.paperindex.parse.KaggleSnapshotParser;
import org.paperindex.parse.OaiDcParser;
import org.paperindex.parse.OaiPmhParser;
import org.paperindex.parse.OaiRecord;
import org.paperindex.parse.RecordFormatException;

/**
 * Precision and recall of the link extractor against hand labels of real arXiv records. The
 * labels ({@code links-gold/real-labels.jsonl}) hold only record keys and links, never the text:
 * each record's abstract, comments or abs page is read at run time from the recorded files under
 * {@code ../shared}, through the same parsers and extractor calls the pipeline uses.
 *
 * <p>A predicted link is correct when its kind and normalised URL equal a label's (code URLs
 * compare case-insensitively: code hosts ignore case); precision and recall are micro-averaged
 * per kind, and the official flag is scored on the correct code and dataset links.
 */
public final class LinkEvaluation {

  /** The label file shipped on the classpath. */
  public static final String LABELS_RESOURCE = "/links-gold/real-labels.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private LinkEvaluation() {}

  /** One hand-labelled link. */
  public record GoldLink(String url, Kind kind, boolean official) {}

  /**
   * Slices of the corpus-b link set labelled after the last extractor change that labels prompted:
   * their scores are the held-out estimate (see the links-gold README).
   */
  public static final Set<String> HELD_OUT = Set.of("sample3", "sample4");

  /**
   * One labelled text: {@code source} is a file path relative to the shared folder, {@code field}
   * one of abstract, comments (the record's fields) or abs-page (a whole abs page); {@code slice}
   * names the sample the label belongs to (null when the file gives none); empty {@code links} is
   * a labelled negative.
   */
  public record Label(String source, String id, String field, String slice, List<GoldLink> links) {
    public Label(String source, String id, String field, List<GoldLink> links) {
      this(source, id, field, null, links);
    }
  }

  /** Counts for one kind. */
  public record Counts(int tp, int fp, int fn) {
    public double precision() {
      return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    }
  }

  /**
   * The outcome: counts per kind, official-flag agreement on correct code/dataset links, every
   * false positive and negative ({@code errors}) and labels whose text could not be found.
   */
  public record Report(int texts, int negatives, Map<Kind, Counts> counts, int officialRight,
      int officialTotal, List<String> errors, List<String> missing) {

    public Counts of(Kind k) {
      return counts.getOrDefault(k, new Counts(0, 0, 0));
    }

    /** One line: texts, code and dataset scores, official agreement. */
    public String scoreLine() {
      Counts c = of(Kind.CODE);
      Counts d = of(Kind.DATASET);
      return String.format(Locale.ROOT,
          "%d texts; code P=%.3f R=%.3f (tp %d, fp %d, fn %d); dataset P=%.3f R=%.3f (tp %d, fp %d, fn %d);"
              + " official %d/%d",
          texts, c.precision(), c.recall(), c.tp(), c.fp(), c.fn(), d.precision(), d.recall(), d.tp(),
          d.fp(), d.fn(), officialRight, officialTotal);
    }

    /** Counts, scores and every error, one per line. */
    public String summary() {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "real link labels: %d texts (%d labelled negatives)%n",
          texts, negatives));
      for (Kind k : Kind.values()) {
        Counts c = of(k);
        b.append(String.format(Locale.ROOT, "  %-8s P=%.3f R=%.3f (tp %d, fp %d, fn %d)%s%n",
            k.label(), c.precision(), c.recall(), c.tp(), c.fp(), c.fn(),
            k == Kind.CODE || k == Kind.DATASET ? "" : " [not scored]"));
      }
      b.append(String.format(Locale.ROOT, "  official flag right on %d/%d correct code/dataset links%n",
          officialRight, officialTotal));
      errors.forEach(e -> b.append("  ").append(e).append('\n'));
      missing.forEach(m -> b.append("  MISSING ").append(m).append('\n'));
      return b.toString();
    }
  }

  /** Reads the JSON-lines label file. */
  public static List<Label> readLabels(InputStream in) throws IOException {
    List<Label> out = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = JSON.readTree(line);
      List<GoldLink> links = new ArrayList<>();
      for (JsonNode l : n.path("links")) {
        links.add(new GoldLink(l.get("url").asText(),
            Kind.valueOf(l.get("kind").asText().toUpperCase(Locale.ROOT)),
            l.path("official").asBoolean()));
      }
      JsonNode slice = n.get("slice");
      out.add(new Label(n.get("source").asText(), n.get("id").asText(), n.get("field").asText(),
          slice == null || slice.isNull() ? null : slice.asText(), List.copyOf(links)));
    }
    return out;
  }

  /** Reads the label file shipped on the classpath. */
  public static List<Label> classpathLabels() throws IOException {
    try (InputStream in = LinkEvaluation.class.getResourceAsStream(LABELS_RESOURCE)) {
      if (in == null) {
        throw new IOException("label file not on the classpath: " + LABELS_RESOURCE);
      }
      return readLabels(in);
    }
  }

  /** The labels of the given slices (a label without a slice is in none). */
  public static List<Label> inSlices(List<Label> labels, Set<String> slices) {
    return labels.stream().filter(l -> l.slice() != null && slices.contains(l.slice())).toList();
  }

  /** The slice names that occur in {@code labels}, sorted. */
  public static List<String> slices(List<Label> labels) {
    return labels.stream().map(Label::slice).filter(java.util.Objects::nonNull).distinct().sorted().toList();
  }

  /** Evaluates the extractor on {@code labels}, reading texts from {@code sharedDir}. */
  public static Report evaluate(List<Label> labels, Path sharedDir) {
    Texts texts = new Texts(sharedDir);
    LinkExtractor extractor = new LinkExtractor();
    AbsPageLinks absPage = new AbsPageLinks();
    Map<Kind, int[]> counts = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      counts.put(k, new int[3]);
    }
    int officialRight = 0;
    int officialTotal = 0;
    int negatives = 0;
    List<String> errors = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Label label : labels) {
      String where = shortName(label.source()) + " " + label.id() + " " + label.field();
      List<ExtractedLink> got;
      try {
        if (label.field().equals("abs-page")) {
          got = absPage.extract(Files.readString(sharedDir.resolve(label.source()),
              StandardCharsets.UTF_8), "https://arxiv.org/abs/");
        } else {
          String text = texts.text(label.source(), label.id(), label.field());
          if (text == null) {
            missing.add(where);
            continue;
          }
          // as the pipeline does: the abstract plainly, the Comments field as comments
          got = extractor.extract(text, Source.OAI, label.field().equals("comments"));
        }
      } catch (IOException | FormatException | RuntimeException e) {
        missing.add(where + ": " + e.getMessage());
        continue;
      }
      negatives += label.links().isEmpty() ? 1 : 0;
      Map<String, GoldLink> gold = new HashMap<>();
      for (GoldLink g : label.links()) {
        gold.put(key(g.kind(), g.url()), g);
      }
      Set<String> seen = new LinkedHashSet<>();
      for (ExtractedLink l : got) {
        String k = key(l.kind(), l.url());
        if (!seen.add(k)) {
          continue;
        }
        GoldLink g = gold.get(k);
        if (g != null) {
          counts.get(l.kind())[0]++;
          if (l.kind() == Kind.CODE || l.kind() == Kind.DATASET) {
            officialTotal++;
            if (g.official() == l.official()) {
              officialRight++;
            } else {
              errors.add("OFFICIAL? " + where + " " + l.kind().label() + " " + l.url()
                  + " labelled " + g.official());
            }
          }
        } else {
          counts.get(l.kind())[1]++;
          if (l.kind() == Kind.CODE || l.kind() == Kind.DATASET) {
            errors.add("FP " + where + " " + l.kind().label() + " " + l.url());
          }
        }
      }
      for (GoldLink g : label.links()) {
        if (!seen.contains(key(g.kind(), g.url()))) {
          counts.get(g.kind())[2]++;
          if (g.kind() == Kind.CODE || g.kind() == Kind.DATASET) {
            errors.add("FN " + where + " " + g.kind().label() + " " + g.url());
          }
        }
      }
    }
    Map<Kind, Counts> out = new EnumMap<>(Kind.class);
    counts.forEach((k, c) -> out.put(k, new Counts(c[0], c[1], c[2])));
    return new Report(labels.size() - missing.size(), negatives, out, officialRight,
        officialTotal, List.copyOf(errors), List.copyOf(missing));
  }

  static String key(Kind kind, String url) {
    return kind.label() + " " + (kind == Kind.CODE ? url.toLowerCase(Locale.ROOT) : url);
  }

  private static String shortName(String source) {
    int slash = source.lastIndexOf('/');
    return slash < 0 ? source : source.substring(slash + 1);
  }

  /** Abstract and comments of every record of a recorded file, parsed once per file. */
  private static final class Texts {
    private final Path shared;
    private final Map<String, Map<String, String[]>> byFile = new HashMap<>();

    Texts(Path shared) {
      this.shared = shared;
    }

    String text(String source, String id, String field) throws IOException, FormatException {
      Map<String, String[]> records = byFile.get(source);
      if (records == null) {
        records = read(source);
        byFile.put(source, records);
      }
      String[] r = records.get(id);
      if (r == null) {
        return null;
      }
      return switch (field) {
        case "abstract" -> r[0];
        case "comments" -> r[1];
        default -> null;
      };
    }

    private Map<String, String[]> read(String source) throws IOException, FormatException {
      Path file = shared.resolve(source);
      String name = file.getFileName().toString();
      Map<String, String[]> out = new HashMap<>();
      if (name.endsWith(".jsonl") && source.contains("snapshot")) {
        KaggleSnapshotParser p = new KaggleSnapshotParser();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          try {
            put(out, p.parseLine(line));
          } catch (RecordFormatException e) {
            // a line the pipeline rejects has no text to evaluate; its labels show as missing
          }
        }
        return out;
      }
      if (name.endsWith(".jsonl")) {
        // the link set of corpus-b: {"id","title","abstract","comments"} lines, as `links extract` reads
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode n = JSON.readTree(line);
          out.put(n.get("id").asText(), new String[] {textOf(n, "abstract"), textOf(n, "comments")});
        }
        return out;
      }
      try (InputStream in = Files.newInputStream(file)) {
        if (source.contains("atom-api")) {
          new ArxivAtomParser().parse(in).papers().forEach(p -> put(out, p));
        } else if (source.contains("feeds")) {
          for (FeedItem item : new ArxivRssParser().parse(in).items()) {
            put(out, item.paper());
          }
        } else if (name.contains("oai_dc_fragment")) {
          put(out, OaiDcParser.parseFragment(in, null));
        } else {
          for (OaiRecord r : new OaiPmhParser().parse(in).records()) {
            if (r.paper() != null) {
              put(out, r.paper());
            }
          }
        }
      }
      return out;
    }

    private static void put(Map<String, String[]> out, Paper p) {
      out.putIfAbsent(p.id().toString(), new String[] {p.abstractText(), p.comments()});
    }

    private static String textOf(JsonNode n, String field) {
      JsonNode v = n.get(field);
      return v == null || v.isNull() ? null : v.asText();
    }
  }
}
