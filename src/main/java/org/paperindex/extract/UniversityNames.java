package org.paperindex.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Short forms of university names that authors write and the registry does not list. */
final class UniversityNames {

  private UniversityNames() {
  }

  // The distinctive words of "Harvard University" / "University of Tulane" (one or two words,
  // not a place, not generic), kept only when a single registry record yields them and no
  // record is named by them alone.
  static Map<String, int[]> cores(RorRecord[] recs, String[] cityKey, int[][] parents,
      Set<String> names) {
    Map<String, Integer> found = new HashMap<>();
    for (int r = 0; r < recs.length; r++) {
      if (parents[r].length > 0 || !recs[r].types().contains("education")) {
        continue;
      }
      String country = AffiliationText.key(recs[r].countryName());
      for (int n = 0; n < recs[r].names().size(); n++) {
        if (recs[r].nameKinds()[n] == RorRecord.KIND_ACRONYM) {
          continue;
        }
        String key = AffiliationText.key(recs[r].names().get(n));
        String core = key.startsWith("university ") ? key.substring(11)
            : key.endsWith(" university") ? key.substring(0, key.length() - 11) : null;
        if (core != null && core.split(" ").length <= 2 && !AffiliationIndex.qualifiersOnly(core)
            && !core.equals(cityKey[r]) && !core.equals(country) && !names.contains(core)) {
          for (String t : core.split(" ")) {
            if (AffiliationIndex.QUALIFIERS.contains(t) || AffiliationIndex.GENERIC.contains(t)) {
              core = null;
              break;
            }
          }
          if (core != null) {
            int rr = r;
            found.merge(core, r, (a, b) -> a == rr ? a : -1);
          }
        }
      }
    }
    Map<String, int[]> cores = new HashMap<>();
    found.forEach((k, r) -> {
      if (r >= 0) {
        cores.put(k, new int[] {r << 2 | RorRecord.KIND_ALIAS});
      }
    });
    return cores;
  }

  // "University of Marburg" for "Philipps University of Marburg": when exactly one university
  // record of a city carries the city in a name, "University of <city>" names it.
  // Returns the added keys with their record.
  static Map<String, Integer> addUniversityOfCity(RorRecord[] recs, String[] cityKey,
      Map<String, List<Integer>> ex) {
    Map<String, Integer> added = new HashMap<>();
    Map<String, List<Integer>> byCity = new HashMap<>();
    for (int r = 0; r < recs.length; r++) {
      if (cityKey[r].isEmpty() || !recs[r].types().contains("education")) {
        continue;
      }
      boolean uni = false;
      boolean named = false;
      for (int n = 0; n < recs[r].names().size(); n++) {
        if (recs[r].nameKinds()[n] == RorRecord.KIND_ACRONYM) {
          continue;
        }
        String key = " " + AffiliationText.key(recs[r].names().get(n)) + " ";
        if (key.contains(" university ")) {
          uni = true;
          named |= key.contains(" " + cityKey[r] + " ");
        }
      }
      if (uni) {
        byCity.computeIfAbsent(cityKey[r], k -> new ArrayList<>()).add(named ? r : -1);
      }
    }
    byCity.forEach((city, rs) -> {
      String alias = "university " + city;
      if (rs.size() == 1 && rs.get(0) >= 0 && !ex.containsKey(alias)) {
        ex.put(alias, new ArrayList<>(List.of(rs.get(0) << 2 | RorRecord.KIND_ALIAS)));
        added.put(alias, rs.get(0));
      }
    });
    return added;
  }
}
