package org.paperindex.extract;

import java.util.List;
import java.util.Map;

/**
 * "NASA Goddard Institute for Space Studies", "CSIRO Australian Centre for Disease Preparedness",
 * "IBYME-CONICET": a parent organisation's acronym written right next to one of its own units, in
 * the same piece, qualifies that unit; the unit is the affiliation. On the tuning set the acronym
 * (the parent) was the top answer there and the unit the gold answer.
 */
final class AffiliationQualifiers {

  private AffiliationQualifiers() {
  }

  /**
   * Moves the confidence of a parent found only by such an acronym to the unit it qualifies.
   *
   * @param hits     every hit of the string
   * @param bestHit  the hit that gave each record its best score
   * @param best     record → score; updated in place
   * @param parents  each record's parent records
   */
  static void apply(List<AffiliationMatcher.Hit> hits, Map<Integer, AffiliationMatcher.Hit> bestHit,
      Map<Integer, Double> best, int[][] parents) {
    for (AffiliationMatcher.Hit a : List.copyOf(bestHit.values())) {
      if (a.kind() != RorRecord.KIND_ACRONYM || a.wholeChunk() || !best.containsKey(a.rec())) {
        continue;
      }
      for (AffiliationMatcher.Hit h : hits) {
        if (h.chunk() == a.chunk() && (h.start() == a.end() || h.end() == a.start())
            && best.getOrDefault(h.rec(), 0.0) > 0 && isChild(parents, h.rec(), a.rec())) {
          double s = best.remove(a.rec());
          best.merge(h.rec(), s, Math::max);
          break;
        }
      }
    }
  }

  private static boolean isChild(int[][] parents, int child, int parent) {
    for (int p : parents[child]) {
      if (p == parent) {
        return true;
      }
    }
    return false;
  }
}
