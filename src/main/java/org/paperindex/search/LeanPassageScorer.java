package org.paperindex.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's {@link PassageScorer} with the same formula and the same order of sums, without the
 * {@code BytesRefHash} it builds for every candidate passage to find the passage's distinct
 * terms. That hash allocates a 32 KiB block each time: for a page of ten abstracts, a few
 * hundred KiB to a few MiB of fresh memory per search, most of highlighting's page faults.
 * A passage holds a handful of matches, so a pairwise scan finds the distinct terms faster.
 * {@code LeanPassageScorerTest} checks that both give the same float for the same passage.
 */
final class LeanPassageScorer extends PassageScorer {

  /** Beyond this many matches in one passage the pairwise scan is left to Lucene's hash. */
  static final int MAX_SCANNED = 64;

  @Override
  public float score(Passage passage, int contentLength) {
    int n = passage.getNumMatches();
    if (n > MAX_SCANNED) {
      return super.score(passage, contentLength);
    }
    BytesRef[] terms = passage.getMatchTerms();
    int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
    double score = 0;
    // distinct terms in order of first match, as the hash numbers them; a term's frequency in
    // the document is that of its first match, its frequency in the passage its match count
    for (int i = 0; i < n; i++) {
      if (seenBefore(terms, i)) {
        continue;
      }
      int inPassage = 1;
      for (int j = i + 1; j < n; j++) {
        if (terms[j].bytesEquals(terms[i])) {
          inPassage++;
        }
      }
      score += tf(inPassage, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
    }
    score *= norm(passage.getStartOffset());
    return (float) score;
  }

  private static boolean seenBefore(BytesRef[] terms, int i) {
    for (int j = 0; j < i; j++) {
      if (terms[j].bytesEquals(terms[i])) {
        return true;
      }
    }
    return false;
  }
}
