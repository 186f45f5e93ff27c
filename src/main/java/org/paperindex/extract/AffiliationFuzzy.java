package org.paperindex.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fallback stage of {@link AffiliationMatcher}: IDF-weighted word overlap between a piece of
 * the string and registry names, for pieces that no name matches exactly.
 */
final class AffiliationFuzzy {

  private final AffiliationIndex ix;

  AffiliationFuzzy(AffiliationIndex ix) {
    this.ix = ix;
  }

  // A chunk word that is neither generic, nor in the name, nor the record's place names.
  private boolean extraSpecific(Set<Integer> chunkToks, int name, int rec) {
    outer:
    for (int t : chunkToks) {
      if (ix.genericTok[t] || ix.placeTok(rec, t)) {
        continue;
      }
      for (int u : ix.nameToks[name]) {
        if (u == t) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private boolean fieldSwapped(Set<Integer> chunkToks, int name) {
    boolean nameOnly = false;
    for (int t : ix.nameToks[name]) {
      nameOnly |= !chunkToks.contains(t) && ix.genericTok[t] && !ix.orgTok[t];
    }
    if (!nameOnly) {
      return false;
    }
    outer:
    for (int t : chunkToks) {
      if (ix.genericTok[t] && !ix.orgTok[t]) {
        for (int u : ix.nameToks[name]) {
          if (u == t) {
            continue outer;
          }
        }
        return true;
      }
    }
    return false;
  }

  // Whether the name shares with the chunk a word that is neither generic nor a qualifier.
  private boolean distinctiveShared(Set<Integer> chunkToks, int name) {
    for (int t : ix.nameToks[name]) {
      if (chunkToks.contains(t) && !ix.genericTok[t] && !ix.qualifierTok[t]) {
        return true;
      }
    }
    return false;
  }

  // Weighted token overlap for chunks that no registry name matches exactly.
  void match(List<AffiliationText.Chunk> chunks, Set<String> countries,
      Map<String, List<Integer>> present, Map<Integer, Double> best) {
    for (int c = 0; c < chunks.size(); c++) {
      List<String> toks = new ArrayList<>(chunks.get(c).tokens());
      fuzzyChunk(toks, countries, present, best);
      if (c + 1 < chunks.size()) {
        toks.addAll(chunks.get(c + 1).tokens());
        fuzzyChunk(toks, countries, present, best);
      }
    }
  }

  private void fuzzyChunk(List<String> toks, Set<String> countries, Map<String, List<Integer>> present,
      Map<Integer, Double> best) {
    if (toks.size() < 2 || toks.size() > 20) {
      return;
    }
    double chunkWeight = 0;
    Map<Integer, Double> shared = new HashMap<>();
    Set<Integer> seen = new HashSet<>();
    for (String t : toks) {
      chunkWeight += ix.idf(t);
      Integer id = ix.vocab.get(t);
      if (id == null || !seen.add(id) || AffiliationIndex.GENERIC.contains(t)) {
        continue;
      }
      if (ix.df[id] > 3000) {
        continue;
      }
      for (int n : ix.postings[id]) {
        shared.merge(n, (double) ix.idf[id], Double::sum);
      }
    }
    for (Map.Entry<Integer, Double> e : shared.entrySet()) {
      int n = e.getKey();
      int rec = ix.nameRec[n];
      double common = e.getValue();
      double nameWeight = 0;
      int missing = 0;
      boolean sharedOrgWord = false;
      for (int t : ix.nameToks[n]) {
        boolean in = seen.contains(t);
        if (!in && ix.placeTok(rec, t)) {
          continue; // "Imperial College" for "Imperial College London"
        }
        nameWeight += ix.idf[t];
        if (!in) {
          missing++;
        } else if (ix.genericTok[t]) {
          common += ix.idf[t];
          sharedOrgWord |= ix.orgTok[t];
        }
      }
      if (!distinctiveShared(seen, n) || fieldSwapped(seen, n)) {
        continue;
      }
      double nameCov = common / nameWeight;
      double chunkCov = common / chunkWeight;
      if (!sharedOrgWord || missing > 1 || nameCov < 0.8 || chunkCov < 0.5
          || extraSpecific(seen, n, rec)) {
        continue;
      }
      RorRecord r = ix.recs[rec];
      double s = 0.55 + 0.25 * nameCov + 0.15 * chunkCov;
      if (!countries.isEmpty() && !r.countryCode().isEmpty()) {
        s += AffiliationMatcher.countryFits(countries, r.countryCode()) ? 0.03 : -0.35;
      }
      if (!ix.cityKey[rec].isEmpty() && present.containsKey(ix.cityKey[rec])) {
        s += 0.03;
      }
      if (!r.active()) {
        s -= 0.06;
      }
      best.merge(rec, s, Math::max);
    }
  }
}
