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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for the page/feed sources (feeds, abs-html, fulltext-html): parses each hand-written
 * fixture and compares the JSON with expected/<name>.json. Run with -Dpaperindex.golden.write=true
 * to write missing expectations (then read them before committing).
 */
class SourcesGoldenFileTest {

  private static final Path ROOT = Path.of("src/test/resources/fixtures");
  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  static Stream<Path> inputs() throws Exception {
    List<Path> out = new ArrayList<>();
    for (String format : List.of("feeds", "abs-html", "fulltext-html")) {
      Path dir = ROOT.resolve(format);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.list(dir)) {
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
    try (InputStream in = Files.newInputStream(input)) {
      return switch (format) {
        case "feeds" -> new ArxivRssParser().parse(in);
        case "abs-html" -> new AbsPageParser().parse(in, "https://arxiv.org/abs/");
        case "fulltext-html" -> new LatexmlAffiliationParser().parse(in);
        default -> throw new IllegalStateException(format);
      };
    }
  }
}
