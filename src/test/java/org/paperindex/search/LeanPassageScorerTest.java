package org.paperindex.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The lean passage scorer gives exactly the float Lucene's scorer gives, passage by passage. */
class LeanPassageScorerTest {

  private static final String[] TERMS = {"graph", "neural", "network", "graphs", "net", "a"};

  @Test
  void scores_equal_lucenes_for_random_passages() {
    PassageScorer lucene = new PassageScorer();
    LeanPassageScorer lean = new LeanPassageScorer();
    SplittableRandom rnd = new SplittableRandom(7);
    int withRepeats = 0;
    for (int round = 0; round < 20_000; round++) {
      // up to twice the scanned limit, so the fallback to Lucene's hash is covered too
      Passage p = passage(rnd, rnd.nextInt(1 + 2 * LeanPassageScorer.MAX_SCANNED));
      int contentLength = p.getEndOffset() + rnd.nextInt(2_000);
      float expected = lucene.score(p, contentLength);
      assertThat(lean.score(p, contentLength)).as(p.toString()).isEqualTo(expected);
      if (p.getNumMatches() > 1 && p.getNumMatches() < TERMS.length * 3) {
        withRepeats++;
      }
    }
    assertThat(withRepeats).as("passages with repeated terms").isGreaterThan(1_000);
  }

  @Test
  void a_repeated_term_scores_once_with_its_passage_count() {
    // the distinct terms, not the matches, are summed: two matches of one term are not two terms
    PassageScorer lucene = new PassageScorer();
    Passage twice = new Passage();
    twice.setStartOffset(100);
    twice.setEndOffset(180); // Passage asserts that matches lie inside it
    twice.addMatch(100, 105, new BytesRef("graph"), 4);
    twice.addMatch(120, 125, new BytesRef("graph"), 4);
    float oneTermTwice = lucene.tf(2, 80) * lucene.weight(1_000, 4) * lucene.norm(100);
    assertThat(new LeanPassageScorer().score(twice, 1_000)).isEqualTo(oneTermTwice);
  }

  private static Passage passage(SplittableRandom rnd, int matches) {
    Passage p = new Passage();
    int start = rnd.nextInt(3_000);
    p.setStartOffset(start);
    p.setEndOffset(start + 31 * matches + 1 + rnd.nextInt(200)); // matches must lie inside
    int at = start;
    for (int i = 0; i < matches; i++) {
      at += 1 + rnd.nextInt(30);
      String t = TERMS[rnd.nextInt(TERMS.length)];
      // a fresh BytesRef each time, with the term at an offset: equal bytes, never the same object
      byte[] padded = ("xx" + t).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      p.addMatch(at, at + t.length(), new BytesRef(padded, 2, padded.length - 2),
          1 + (t.hashCode() & 7));
    }
    return p;
  }
}
