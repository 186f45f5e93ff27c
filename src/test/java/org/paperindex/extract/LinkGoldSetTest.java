package org.paperindex.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paperindex.extract.ExtractedLink.Kind;
import org.paperindex.model.Source;

/** Precision and recall of code and dataset links over the hand-labelled snippets in links-gold/. */
class LinkGoldSetTest {

  record Snippet(String id, boolean comments, String text, Set<String> gold, Set<String> goldOfficial) {}

  static List<Snippet> load() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Snippet> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        LinkGoldSetTest.class.getResourceAsStream("/links-gold/links-gold.jsonl"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        Set<String> gold = new HashSet<>();
        Set<String> official = new HashSet<>();
        for (JsonNode l : n.get("links")) {
          String key = key(l.get("url").asText(), Kind.valueOf(l.get("kind").asText().toUpperCase()));
          gold.add(key);
          if (l.get("official").asBoolean()) {
            official.add(key);
          }
        }
        out.add(new Snippet(n.get("id").asText(), n.get("field").asText().equals("comments"),
            n.get("text").asText(), gold, official));
      }
    }
    return out;
  }

  static String key(String url, Kind kind) {
    return kind.label() + " " + url;
  }

  @Test
  void codeAndDatasetPrecisionAndRecallAtLeast95Percent() throws IOException {
    List<Snippet> snippets = load();
    assertThat(snippets).hasSizeGreaterThanOrEqualTo(60);
    LinkExtractor x = new LinkExtractor();
    int[][] counts = new int[2][3]; // [code|dataset][tp, fp, fn]
    int officialRight = 0;
    int officialTotal = 0;
    List<String> errors = new ArrayList<>();
    for (Snippet s : snippets) {
      Set<String> got = new HashSet<>();
      Set<String> gotOfficial = new HashSet<>();
      for (ExtractedLink l : x.extract(s.text(), Source.API, s.comments())) {
        got.add(key(l.url(), l.kind()));
        if (l.official()) {
          gotOfficial.add(key(l.url(), l.kind()));
        }
      }
      for (Kind k : List.of(Kind.CODE, Kind.DATASET)) {
        int[] c = counts[k == Kind.CODE ? 0 : 1];
        String prefix = k.label() + " ";
        for (String g : got) {
          if (g.startsWith(prefix)) {
            if (s.gold().contains(g)) {
              c[0]++;
            } else {
              c[1]++;
              errors.add(s.id() + " FP " + g);
            }
          }
        }
        for (String g : s.gold()) {
          if (g.startsWith(prefix) && !got.contains(g)) {
            c[2]++;
            errors.add(s.id() + " FN " + g);
          }
        }
      }
      for (String g : s.gold()) {
        if (got.contains(g)) {
          officialTotal++;
          if (s.goldOfficial().contains(g) == gotOfficial.contains(g)) {
            officialRight++;
          } else {
            errors.add(s.id() + " official? " + g);
          }
        }
      }
    }
    double[] p = new double[2];
    double[] r = new double[2];
    for (int i = 0; i < 2; i++) {
      int[] c = counts[i];
      p[i] = c[0] + c[1] == 0 ? 1 : (double) c[0] / (c[0] + c[1]);
      r[i] = c[0] + c[2] == 0 ? 1 : (double) c[0] / (c[0] + c[2]);
    }
    System.out.printf("links-gold: %d snippets; code P=%.3f R=%.3f (tp %d fp %d fn %d); "
            + "dataset P=%.3f R=%.3f (tp %d fp %d fn %d); official flag %d/%d%n",
        snippets.size(), p[0], r[0], counts[0][0], counts[0][1], counts[0][2],
        p[1], r[1], counts[1][0], counts[1][1], counts[1][2], officialRight, officialTotal);
    errors.forEach(e -> System.out.println("  " + e));
    assertThat(p[0]).as("code precision").isGreaterThanOrEqualTo(0.95);
    assertThat(r[0]).as("code recall").isGreaterThanOrEqualTo(0.95);
    assertThat(p[1]).as("dataset precision").isGreaterThanOrEqualTo(0.95);
    assertThat(r[1]).as("dataset recall").isGreaterThanOrEqualTo(0.95);
  }
}
