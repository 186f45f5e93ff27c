package org.paperindex.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Matching behaviour on a tiny invented registry. */
class AffiliationMatcherTest {

  private static AffiliationMatcher m;

  @BeforeAll
  static void load() throws Exception {
    m = new AffiliationMatcher(RorRegistry.load(List.of(RorRegistryTest.fixture("ror-v2.json.gz"),
        RorRegistryTest.fixture("ror-v1.zip"))));
  }

  private static String top(String affiliation) {
    List<InstitutionMatch> r = m.match(affiliation);
    return r.isEmpty() ? null : r.get(0).rorId().replace("https://ror.org/", "");
  }

  @Test
  void exactNameAcronymAliasAndOtherLanguageLabel() {
    assertThat(top("University of Testington")).isEqualTo("0aaaaaa01");
    assertThat(top("UoT")).isEqualTo("0aaaaaa01");
    assertThat(top("Testington University")).isEqualTo("0aaaaaa01");
    assertThat(top("Université de Testington")).isEqualTo("0aaaaaa01");
    assertThat(top("Northern Light Research Centre")).isEqualTo("0bbbbbbb1");
    InstitutionMatch x = m.match("University of Testington").get(0);
    assertThat(x.name()).isEqualTo("University of Testington");
    assertThat(x.countryCode()).isEqualTo("GB");
    assertThat(x.countryName()).isEqualTo("United Kingdom");
    assertThat(x.score()).isBetween(0.8, 1.0);
  }

  @Test
  void departmentPrefixedAndAddressSuffixedStrings() {
    assertThat(top("Dept. of Physics, Univ. of Testington, Parks Road, Testington TT1 3PU, UK"))
        .isEqualTo("0aaaaaa01");
    assertThat(top("Department of Chemistry and Université de Testington")).isEqualTo("0aaaaaa01");
  }

  @Test
  void countryDisambiguatesSameNamedInstitutions() {
    assertThat(top("Springfield Institute of Technology, Springfield, USA")).isEqualTo("0aaaaaa02");
    assertThat(top("Springfield Institute of Technology, Winnipeg, Canada"))
        .isEqualTo("0aaaaaa03");
  }

  @Test
  void wrongCountryIsNotMatched() {
    assertThat(m.match("University of Testington, Paris, France")).isEmpty();
  }

  @Test
  void genericStringsAreNotMatched() {
    assertThat(m.match("University Hospital")).isEmpty();
    assertThat(m.match("Department of Physics")).isEmpty();
    assertThat(m.match("Institute of Physics")).isEmpty();
    assertThat(m.match("Institute of Physics, Mars")).isEmpty();
  }

  @Test
  void genericUnitNameMatchesWithItsCityOrParent() {
    assertThat(top("Institute of Physics, Beijing, China")).isEqualTo("0aaaaaa05");
    // a unit named with its parent resolves to the parent, as registries record it
    assertThat(top("Institute of Physics, Academy of Imaginary Sciences, Beijing"))
        .isEqualTo("0aaaaaa06");
  }

  @Test
  void abbreviationsAndTypos() {
    assertThat(top("Toyohashi Univ. of Tech.")).isEqualTo("0aaaaaa08");
    assertThat(top("Toyohashi University of Technolgy, Japan")).isEqualTo("0aaaaaa08");
    assertThat(top("Dept. of EE, Toyohashi Univ of Technology, Toyohashi, Japan"))
        .isEqualTo("0aaaaaa08");
  }

  @Test
  void htmlEntitiesAndAccentsAreNormalised() {
    assertThat(top("Universit&#xe9; de Testington")).isEqualTo("0aaaaaa01");
    assertThat(top("UNIVERSITE DE TESTINGTON")).isEqualTo("0aaaaaa01");
  }

  @Test
  void hostileInputReturnsQuickly() {
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      assertThat(m.match("")).isEmpty();
      assertThat(m.match(null)).isEmpty();
      assertThat(m.match(",,,;;;()[]")).isEmpty();
      assertThat(m.match("\u0000\u0001\u001f\u007f")).isEmpty();
      String big = "University of Testington ".repeat(45_000); // ~1 MB
      assertThat(big.length()).isGreaterThan(1_000_000);
      m.match(big);
      m.match("(".repeat(1_000_000));
      m.match("x".repeat(1_000_000));
      m.match("a b ".repeat(250_000));
    });
  }

  @Test
  void matchLinesWritesOneJsonObjectPerLine() throws Exception {
    StringWriter out = new StringWriter();
    AffiliationEvaluation.matchLines(new BufferedReader(new StringReader(
        "Univ. of Testington, UK\nUniversity Hospital\n\"quoted\" \\ text\n")), out, m);
    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(3);
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(lines[0]);
    assertThat(first.get("affiliation").asText()).isEqualTo("Univ. of Testington, UK");
    JsonNode match = first.get("matches").get(0);
    assertThat(match.get("rorId").asText()).isEqualTo("https://ror.org/0aaaaaa01");
    assertThat(match.get("name").asText()).isEqualTo("University of Testington");
    assertThat(match.get("country").asText()).isEqualTo("GB");
    assertThat(match.get("score").isNumber()).isTrue();
    assertThat(json.readTree(lines[1]).get("matches")).isEmpty();
    assertThat(json.readTree(lines[2]).get("affiliation").asText()).isEqualTo("\"quoted\" \\ text");
  }
}
