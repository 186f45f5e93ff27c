package org.paperindex.parse;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperindex.extract.AffiliationMatcher;
import org.paperindex.extract.LinkExtractor;
import org.paperindex.extract.RorRegistry;
import org.paperindex.extract.TexToUnicode;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Source;

/**
 * Deterministic mutations of the repository's own fixtures, plus hostile documents (100k-deep
 * nesting, 10 MB text nodes, entity expansion, external entities, invalid UTF-8, NUL bytes), fed
 * to every parser and extractor: each input ends within a time limit with a result or the
 * parser's declared exception, never another exception or an Error.
 */
class ParserFuzzTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final Duration LIMIT = Duration.ofSeconds(10);
  private static final int MUTATIONS_PER_FILE = 12;
  private static final byte[][] BAD_BYTES = {
    {(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {0}, {(byte) 0xF4, (byte) 0x90}
  };

  private static AffiliationMatcher matcher;

  @BeforeAll
  static void registry() throws IOException {
    matcher = new AffiliationMatcher(RorRegistry.load(List.of(FIXTURES.resolve("ror/ror-v2.json"))));
  }

  /** One parser: consumes bytes; checked exceptions it declares are allowed outcomes. */
  @FunctionalInterface
  interface Target {
    void accept(byte[] input) throws Exception;
  }

  private static Map<String, Target> targets() {
    Map<String, Target> t = new LinkedHashMap<>();
    t.put("OaiPmhParser", b -> new OaiPmhParser().parseWithResumption(in(b)));
    t.put("ArxivAtomParser", b -> new ArxivAtomParser().parse(in(b)));
    t.put("ArxivRssParser", b -> new ArxivRssParser().parse(in(b)));
    t.put("AbsPageParser", b -> new AbsPageParser().parse(in(b), "https://arxiv.org/abs/"));
    t.put("LatexmlAffiliationParser", b -> new LatexmlAffiliationParser().parse(in(b)));
    t.put("OaiDcParser", b -> OaiDcParser.parseFragment(in(b), ArxivId.parse("0704.9999")));
    t.put("KaggleSnapshotParser", b -> {
      for (String line : text(b).split("\n", -1)) {
        new KaggleSnapshotParser().parseLine(line);
      }
    });
    t.put("AuthorListParser", b -> AuthorListParser.parse(text(b)));
    t.put("TexToUnicode", b -> TexToUnicode.convert(text(b)));
    t.put("LinkExtractor", b -> new LinkExtractor().extract(text(b), Source.OAI, true));
    t.put("AffiliationMatcher", b -> matcher.match(text(b)));
    return t;
  }

  private static boolean allowed(Throwable e) {
    // the parsers' declared failures: a malformed document or record, or an I/O error
    return e instanceof FormatException || e instanceof IOException;
  }

  @Test
  void mutated_fixtures_never_crash_or_hang_any_parser() throws IOException {
    List<byte[]> inputs = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(20261124);
    try (Stream<Path> files = Files.walk(FIXTURES)) {
      for (Path f : files.filter(Files::isRegularFile).filter(ParserFuzzTest::textFixture).sorted().toList()) {
        byte[] original = Files.readAllBytes(f);
        inputs.add(original);
        for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
          inputs.add(mutate(original, rnd));
        }
      }
    }
    runAll(inputs);
  }

  @Test
  void hostile_documents_never_crash_or_hang_any_parser() {
    runAll(hostile());
  }

  /** Regression: 100k nested elements kept JDOM (Atom and RSS parsers) busy for minutes. */
  @Test
  void regression_atom_and_rss_refuse_100k_deep_nesting_quickly() {
    byte[] deep = bytes("<feed xmlns=\"http://www.w3.org/2005/Atom\">" + "<a>".repeat(100_000) + "</feed>");
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ArxivAtomParser().parse(in(deep)))
          .isInstanceOf(FormatException.class);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ArxivRssParser().parse(in(deep)))
          .isInstanceOf(FormatException.class);
    });
  }

  static List<byte[]> hostile() {
    List<byte[]> h = new ArrayList<>();
    h.add(new byte[0]);
    h.add(bytes(wrapOai("<a>".repeat(100_000) + "x" + "</a>".repeat(100_000))));
    h.add(bytes("<html><body>" + "<div>".repeat(100_000) + "x</body></html>"));
    h.add(bytes("{\"id\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"));
    h.add(bytes(wrapOai("<title>" + "x".repeat(10 << 20) + "</title>")));
    h.add(bytes("{\"id\":\"0704.0001\",\"title\":\"" + "\\\\alpha ".repeat(1 << 20) + "\"}"));
    h.add(bytes("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
        + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
        + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
        + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
        + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
        + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
        + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>"
        + "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>&lol9;</responseDate></OAI-PMH>"));
    h.add(bytes("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&xxe;</title></feed>"));
    h.add(bytes(wrapOai("<record><header><identifier>oai:arXiv.org:0704.0001</identifier></header>"
        + "<metadata>" + "<arXiv xmlns=\"http://arxiv.org/OAI/arXiv/\">".repeat(20_000) + "</metadata></record>")));
    h.add(bytes("\\" + "{".repeat(50_000) + "\\'e" + "}".repeat(50_000) + " $" + "^".repeat(100_000)));
    h.add(bytes("http://" + "a.".repeat(200_000) + "com/" + "(".repeat(50_000)));
    h.add(bytes(" and ".repeat(100_000) + ",".repeat(100_000)));
    byte[] garbage = new byte[1 << 16];
    new SplittableRandom(7).nextBytes(garbage);
    h.add(garbage);
    return h;
  }

  private static void runAll(List<byte[]> inputs) {
    for (Map.Entry<String, Target> t : targets().entrySet()) {
      for (int i = 0; i < inputs.size(); i++) {
        byte[] input = inputs.get(i);
        String what = t.getKey() + " on input #" + i + " (" + input.length + " bytes)";
        Throwable thrown = assertTimeoutPreemptively(LIMIT, () -> {
          try {
            t.getValue().accept(input);
            return null;
          } catch (Throwable e) {
            return e;
          }
        }, what + " took longer than " + LIMIT);
        if (thrown != null && !allowed(thrown)) {
          fail(what + " threw " + thrown, thrown);
        }
      }
    }
  }

  static byte[] mutate(byte[] in, SplittableRandom rnd) {
    if (in.length == 0) {
      return in;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 64);
    switch (rnd.nextInt(5)) {
      case 0 -> { // byte flips
        byte[] b = in.clone();
        for (int k = 0; k < 1 + rnd.nextInt(20); k++) {
          b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
        }
        return b;
      }
      case 1 -> out.write(in, 0, rnd.nextInt(in.length)); // truncation
      case 2 -> { // a slice duplicated in place
        int from = rnd.nextInt(in.length);
        int len = rnd.nextInt(Math.min(4096, in.length - from) + 1);
        out.write(in, 0, from + len);
        out.write(in, from, in.length - from);
      }
      case 3 -> { // invalid UTF-8 and NUL bytes spliced in
        int at = rnd.nextInt(in.length);
        out.write(in, 0, at);
        out.writeBytes(BAD_BYTES[rnd.nextInt(BAD_BYTES.length)]);
        out.write(in, at, in.length - at);
      }
      default -> { // a span deleted
        int from = rnd.nextInt(in.length);
        int to = Math.min(in.length, from + 1 + rnd.nextInt(256));
        out.write(in, 0, from);
        out.write(in, to, in.length - to);
      }
    }
    return out.toByteArray();
  }

  private static boolean textFixture(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".xml") || n.endsWith(".html") || n.endsWith(".jsonl") || n.endsWith(".json");
  }

  private static String wrapOai(String inner) {
    return "<?xml version=\"1.0\"?><OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords>"
        + inner + "</ListRecords></OAI-PMH>";
  }

  private static ByteArrayInputStream in(byte[] b) {
    return new ByteArrayInputStream(b);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
