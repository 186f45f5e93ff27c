package org.paperindex.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parses every hand-written fixture under src/test/resources/fixtures/<format>/ and compares the
 * result, as JSON, with expected/<name>.json. Run with -Dpaperindex.golden.write=true to write
 * missing expectations (then read them before committing).
 */
class GoldenFileTest {

  private static final Path ROOT = Path.of("src/test/resources/fixtures");
  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  static Stream<Path> inputs() throws Exception {
    List<Path> out = new ArrayList<>();
    for (String format : List.of("oai-pmh", "oai-dc-fragment", "atom-api", "snapshot")) {
      try (Stream<Path> s = Files.list(ROOT.resolve(format))) {
        s.filter(Files::isRegularFile).sorted().forEach(out::add);
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void matchesExpectedJson(Path input) throws Exception {
    GoldenFiles.assertMatches(input, JSON.writeValueAsString(parse(input)));
  }

  private static Object parse(Path input) throws Exception {
    String format = input.getParent().getFileName().toString();
    if (format.equals("snapshot")) {
      List<Map<String, Object>> lines = new ArrayList<>();
      KaggleSnapshotParser parser = new KaggleSnapshotParser();
      for (String line : Files.readAllLines(input, StandardCharsets.UTF_8)) {
        Map<String, Object> row = new LinkedHashMap<>();
        try {
          row.put("paper", parser.parseLine(line));
        } catch (RecordFormatException e) {
          row.put("rejected", e.toRejected(line));
        }
        lines.add(row);
      }
      return lines;
    }
    try (InputStream in = Files.newInputStream(input)) {
      return switch (format) {
        case "oai-pmh" -> new OaiPmhParser().parseWithResumption(in);
        case "oai-dc-fragment" -> OaiDcParser.parseFragment(in, null);
        case "atom-api" -> new ArxivAtomParser().parse(in);
        default -> throw new IllegalStateException(format);
      };
    }
  }
}
