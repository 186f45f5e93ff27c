package org.paperindex.extract;

import org.junit.jupiter.api.Assumptions;
import org.paperindex.SharedData;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.paperindex.extract.ExtractedLink.Kind;
import org.paperindex.model.Source;

/** Runs the extractors over the real recorded arXiv text in ../shared (only with -Pacceptance). */
@Tag("acceptance")
class LinkAcceptanceTest {

  private static Path shared;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LinkExtractor X = new LinkExtractor();
  // an independent, deliberately simple notion of "a link a reader cannot miss": an unwrapped
  // github repository, a Zenodo DOI or a Hugging Face dataset written in one piece
  private static final Pattern KNOWN = Pattern.compile(
      "(?i)(?<![\\w./])(?:https?://)?(?:www\\.)?(github\\.com/[\\w.-]+/[\\w.-]+|"
          + "huggingface\\.co/datasets/[\\w.-]+/[\\w.-]+)|\\b(10\\.5281/zenodo\\.\\d+)");
  private static final Pattern XML_FIELD = Pattern.compile(
      "<(summary|arxiv:comment|abstract|comments)[^>]*>(.*?)</\\1>", Pattern.DOTALL);

  @BeforeAll
  static void locate() {
    shared = SharedData.dir("fixtures");
  }

  private static List<Path> files(String sub) throws IOException {
    Path d = shared.resolve(sub);
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(d)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void fixtureTextsExtractWithoutErrorsAndTexKeepsMath() throws IOException {
    int texts = 0;
    int links = 0;
    for (Path p : files("fixtures/snapshot")) {
      for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
        JsonNode n = JSON.readTree(line);
        for (String f : new String[] {"abstract", "comments", "title", "authors"}) {
          String text = n.path(f).isTextual() ? n.get(f).asText() : null;
          if (text == null) {
            continue;
          }
          texts++;
          links += X.extract(text, Source.SNAPSHOT, f.equals("comments")).size();
          assertMathKept(text, TexToUnicode.convert(text));
        }
      }
    }
    List<Path> xml = new ArrayList<>(files("fixtures/atom-api"));
    xml.addAll(files("fixtures/oai-pmh"));
    for (Path p : xml) {
      Matcher m = XML_FIELD.matcher(Files.readString(p, StandardCharsets.UTF_8));
      while (m.find()) {
        String text = m.group(2).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        texts++;
        boolean comments = m.group(1).contains("comment");
        links += X.extract(text, Source.API, comments).size();
        assertMathKept(text, TexToUnicode.convert(text));
      }
    }
    System.out.printf("fixtures: %d texts, %d links extracted%n", texts, links);
    assertThat(texts).isGreaterThan(300);
  }

  @Test
  void absPagesGiveOnlyAbstractAndCommentLinks() throws IOException {
    for (Path p : files("fixtures/abs-html")) {
      List<ExtractedLink> got = new AbsPageLinks().extract(Files.readString(p, StandardCharsets.UTF_8),
          "https://arxiv.org/abs/");
      System.out.println(p.getFileName() + ": " + got);
      for (ExtractedLink l : got) {
        assertThat(l.source()).isEqualTo(Source.ABS);
        // page boilerplate links (labs, tools, footer) must never show up
        assertThat(l.host()).isNotIn("info.arxiv.org", "paperswithcode.com", "huggingface.co",
            "catalyzex.com", "dagshub.com", "litmaps.co", "scite.ai", "cornell.edu",
            "ui.adsabs.harvard.edu", "scholar.google.com", "semanticscholar.org", "creativecommons.org");
      }
      if (p.getFileName().toString().contains("1902.02534")) {
        assertThat(got).extracting(ExtractedLink::url).contains("https://opencitations.net/index/coci");
      }
    }
  }

  @Test
  void corpusBKnownLinksAreFound() throws IOException {
    Path records = shared.resolve("corpus-b/links/records.jsonl");
    Assumptions.assumeTrue(Files.isRegularFile(records), "corpus-b links not present");
    int papers = 0;
    int withLinks = 0;
    int known = 0;
    int found = 0;
    int official = 0;
    Map<Kind, Integer> byKind = new EnumMap<>(Kind.class);
    List<String> missed = new ArrayList<>();
    // links the simple pattern does not know about, printed for review
    List<String> beyond = new ArrayList<>();
    for (String line : Files.readAllLines(records, StandardCharsets.UTF_8)) {
      JsonNode n = JSON.readTree(line);
      papers++;
      List<ExtractedLink> got = new ArrayList<>();
      Set<String> expected = new HashSet<>();
      for (String f : new String[] {"abstract", "comments"}) {
        String text = n.path(f).isTextual() ? n.get(f).asText() : null;
        if (text == null) {
          continue;
        }
        got.addAll(X.extract(text, Source.API, f.equals("comments")));
        Matcher m = KNOWN.matcher(text);
        while (m.find()) {
          expected.add(m.group(1) != null
              ? "https://" + m.group(1).replaceAll("(?i)(\\.git)?[.,;:)]*$", "")
              : "https://doi.org/" + m.group(2));
        }
      }
      Set<String> urls = new HashSet<>();
      Set<String> expectedLower = new HashSet<>();
      expected.forEach(e -> expectedLower.add(e.toLowerCase(Locale.ROOT)));
      for (ExtractedLink l : got) {
        if (l.kind() != Kind.OTHER && !expectedLower.contains(l.url().toLowerCase(Locale.ROOT))) {
          beyond.add(n.get("id").asText() + " " + l.kind().label() + " " + l.url());
        }
        urls.add(l.url().toLowerCase(Locale.ROOT));
        byKind.merge(l.kind(), 1, Integer::sum);
        official += l.official() ? 1 : 0;
      }
      withLinks += got.isEmpty() ? 0 : 1;
      for (String e : expected) {
        known++;
        if (urls.contains(e.toLowerCase(Locale.ROOT))) {
          found++;
        } else {
          missed.add(n.get("id").asText() + " " + e);
        }
      }
    }
    double recall = known == 0 ? 1 : (double) found / known;
    System.out.printf("corpus-b: %d papers, %d with extracted links, kinds %s, %d official; "
        + "known one-piece links found %d/%d (recall %.3f)%n", papers, withLinks, byKind, official,
        found, known, recall);
    missed.forEach(m -> System.out.println("  missed " + m));
    beyond.forEach(m -> System.out.println("  beyond " + m));
    assertThat(papers).isGreaterThan(600);
    assertThat(recall).isGreaterThanOrEqualTo(0.95);
  }

  // every $...$ span of the input appears unchanged in the output
  private static void assertMathKept(String in, String out) {
    Matcher m = Pattern.compile("\\$[^$]{1,400}\\$").matcher(in);
    while (m.find()) {
      assertThat(out).contains(m.group());
    }
  }
}
