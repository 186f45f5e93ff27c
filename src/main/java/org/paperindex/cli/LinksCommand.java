package org.paperindex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperindex.api.Json;
import org.paperindex.extract.ExtractedLink;
import org.paperindex.extract.LinkExtractor;
import org.paperindex.model.Source;
import picocli.CommandLine.Command;

/** {@code links extract}: code and dataset links of papers given as JSON lines. */
@Command(name = "links", description = "Link tools.", subcommands = LinksCommand.Extract.class)
final class LinksCommand implements Runnable {
  @Override
  public void run() {
    throw new CommandFailure("missing subcommand: links extract", 2);
  }

  /** Reads {"id","title","abstract","comments"} lines; writes {"id","links":[...]} lines. */
  @Command(
      name = "extract",
      description = {
        "Read JSON lines {\"id\",\"title\",\"abstract\",\"comments\"} on stdin; write one JSON",
        "object per line: {\"id\", \"links\": [{\"url\",\"kind\",\"official\"}]}. A line that is",
        "not JSON gets {\"error\": ...} in its place, and the rest continue."
      })
  static final class Extract implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      LinkExtractor extractor = new LinkExtractor();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      PrintWriter out =
          new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8));
      String line;
      int bad = 0;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = Json.mapper().readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          bad++;
          out.println(Json.write(Map.of("error", "not a JSON object: " + e.getOriginalMessage())));
          continue;
        }
        if (!n.isObject()) {
          bad++;
          out.println(Json.write(Map.of("error", "not a JSON object")));
          continue;
        }
        ObjectNode o = Json.mapper().createObjectNode();
        o.set("id", n.get("id"));
        ArrayNode links = o.putArray("links");
        Map<String, ExtractedLink> byUrl = new LinkedHashMap<>();
        for (ExtractedLink l : extractor.extract(text(n, "title"), Source.OAI, false)) {
          byUrl.putIfAbsent(l.url(), l);
        }
        for (ExtractedLink l : extractor.extract(text(n, "abstract"), Source.OAI, false)) {
          byUrl.merge(l.url(), l, (a, b) -> a.official() ? a : b);
        }
        for (ExtractedLink l : extractor.extract(text(n, "comments"), Source.OAI, true)) {
          byUrl.merge(l.url(), l, (a, b) -> a.official() ? a : b);
        }
        for (ExtractedLink l : byUrl.values()) {
          links.addObject().put("url", l.url()).put("kind", l.kind().label()).put("official", l.official());
        }
        out.println(Json.write(o));
      }
      out.flush();
      return bad == 0 ? 0 : 1;
    }

    private static String text(JsonNode n, String field) {
      JsonNode v = n.get(field);
      return v == null || v.isNull() ? null : v.asText();
    }
  }
}
