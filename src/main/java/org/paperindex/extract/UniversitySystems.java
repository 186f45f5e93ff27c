package org.paperindex.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * University systems ("University of Northland System"): registry records that group campuses
 * with names of their own. Authors are affiliated with a campus, so a string that names only
 * the system ("Department of Physics, University of Northland") is resolved to the campus its
 * address names, or else left unanswered rather than given the umbrella record.
 */
final class UniversitySystems {

  private final AffiliationIndex ix;
  /** Per record: its campuses (education children) when it is a system, else null. */
  private final int[][] campuses;

  UniversitySystems(AffiliationIndex ix) {
    this.ix = ix;
    int n = ix.recs.length;
    List<List<Integer>> kids = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      kids.add(null);
    }
    for (int r = 0; r < n; r++) {
      for (int p : ix.parents[r]) {
        if (isSystem(ix.recs[p]) && ix.recs[r].types().contains("education") && p != r) {
          if (kids.get(p) == null) {
            kids.set(p, new ArrayList<>());
          }
          kids.get(p).add(r);
        }
      }
    }
    campuses = new int[n][];
    for (int r = 0; r < n; r++) {
      if (kids.get(r) != null) {
        campuses[r] = kids.get(r).stream().mapToInt(Integer::intValue).toArray();
      }
    }
  }

  // A university system named without the word "system" ("Department of Physics, University of
  // California"): authors mean a campus. The campus whose city the string names, else a score
  // below the threshold unless other evidence lifts it (on the tuning set such answers were
  // right 6 times in 100, and naming the campus the system's city holds, 5 in 28).
  void resolve(Map<Integer, Double> best, Map<String, List<Integer>> present) {
    for (int rec : new ArrayList<>(best.keySet())) {
      if (!isSystem(rec)) {
        continue;
      }
      double s = best.get(rec);
      int campus = campusNamedBy(rec, present);
      if (campus >= 0) {
        best.remove(rec);
        best.merge(campus, s, Math::max);
      } else if (!present.containsKey("system")) {
        best.put(rec, s - 0.25);
      }
    }
  }

  // The registry names such umbrellas "... System" ("University of Hawaii System").
  private static boolean isSystem(RorRecord r) {
    return r.types().contains("education")
        && AffiliationText.key(r.name()).endsWith(" system");
  }

  boolean isSystem(int rec) {
    return campuses[rec] != null;
  }

  /**
   * The campus of the system whose city the string names, or -1. {@code present} holds the
   * string's word spans.
   */
  int campusNamedBy(int system, Map<String, List<Integer>> present) {
    int found = -1;
    for (int c : campuses[system]) {
      if (!ix.cityKey[c].isEmpty() && present.containsKey(ix.cityKey[c])) {
        if (found >= 0 && !ix.cityKey[found].equals(ix.cityKey[c])) {
          return -1; // two campuses' cities: the address does not decide
        }
        found = found < 0 || ix.prominence[c] > ix.prominence[found] ? c : found;
      }
    }
    return found;
  }
}
