package org.paperindex.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.paperindex.SharedData;
import org.paperindex.extract.ExtractedLink.Kind;

/**
 * Code and dataset link precision and recall on the hand labels of real records
 * (links-gold/real-labels.jsonl; texts read from ../shared at run time, only with -Pacceptance).
 */
@Tag("acceptance")
class RealLinkGoldTest {

  @Test
  void codeAndDatasetPrecisionAndRecallAtLeast95PercentOnRealRecords() throws IOException {
    Path shared = SharedData.dir("fixtures");
    List<LinkEvaluation.Label> labels = LinkEvaluation.classpathLabels();
    boolean corpusB = shared.resolve("corpus-b/links/records.jsonl").toFile().isFile();
    if (!corpusB) {
      labels = labels.stream().filter(l -> l.source().startsWith("fixtures/")).toList();
    }
    LinkEvaluation.Report r = LinkEvaluation.evaluate(labels, shared);
    System.out.print(r.summary());
    assertThat(r.missing()).as("labelled texts not found in ../shared").isEmpty();
    assertThat(r.texts()).isGreaterThan(700);
    for (Kind k : List.of(Kind.CODE, Kind.DATASET)) {
      assertThat(r.of(k).precision()).as(k.label() + " precision").isGreaterThanOrEqualTo(0.95);
      assertThat(r.of(k).recall()).as(k.label() + " recall").isGreaterThanOrEqualTo(0.95);
    }
    if (corpusB) {
      assertThat(r.of(Kind.CODE).tp() + r.of(Kind.CODE).fn()).isGreaterThanOrEqualTo(60);
      assertThat(r.of(Kind.DATASET).tp() + r.of(Kind.DATASET).fn()).isGreaterThanOrEqualTo(45);
      // the slices labelled after the last label-prompted extractor change, reported apart
      List<LinkEvaluation.Label> heldOut = LinkEvaluation.inSlices(labels, LinkEvaluation.HELD_OUT);
      LinkEvaluation.Report h = LinkEvaluation.evaluate(heldOut, shared);
      System.out.println("held out " + LinkEvaluation.HELD_OUT + ": " + h.scoreLine());
      assertThat(h.texts()).isGreaterThanOrEqualTo(800);
      assertThat(h.of(Kind.CODE).tp() + h.of(Kind.CODE).fn()).isGreaterThanOrEqualTo(180);
      assertThat(h.of(Kind.CODE).precision()).as("held-out code precision").isGreaterThanOrEqualTo(0.95);
      assertThat(h.of(Kind.CODE).recall()).as("held-out code recall").isGreaterThanOrEqualTo(0.95);
    }
  }
}
