package org.paperindex.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Resolves raw author-affiliation strings to ROR institutions; thread-safe after construction. */
public final class AffiliationMatcher {

  /**
   * Scores below this are not returned. Chosen on the tuning sets (Crossref 2023, Springer 2023,
   * S2AFF, matching logs 2023, minus held-out strings) as the F1 optimum: precision there is
   * almost flat between 0.74 and 0.90 while recall falls, so 0.78 (was 0.80).
   */
  public static final double DEFAULT_THRESHOLD = 0.78;
  private static final int MAX_SPAN = 14;
  private static final int MAX_RESULTS = 5;
  /** How a hit was found: a span of one piece, a span across a comma, a university's core. */
  private static final int SPAN = 0;
  private static final int JOINED = 1;
  private static final int CORE = 2;

  private final AffiliationIndex ix;
  private final AffiliationFuzzy fuzzy;
  private final UniversitySystems systems;
  private final double threshold;

  /** Builds the matcher's index over the registry with the default threshold. */
  public AffiliationMatcher(RorRegistry registry) {
    this(registry, DEFAULT_THRESHOLD);
  }

  /** Builds the matcher's index over the registry with a custom threshold. */
  public AffiliationMatcher(RorRegistry registry, double threshold) {
    this.ix = new AffiliationIndex(registry);
    this.fuzzy = new AffiliationFuzzy(ix);
    this.systems = new UniversitySystems(ix);
    this.threshold = threshold;
  }

  /** One name occurrence found in the string. */
  record Hit(int rec, int kind, String key, int chunk, int start, int end,
      boolean wholeChunk, int sharing, String before, String after, int origin) {

    boolean joined() {
      return origin == JOINED;
    }
  }

  /** Candidate institutions, best first; empty when nothing is confident. */
  public List<InstitutionMatch> match(String affiliation) {
    String cleaned = AffiliationText.clean(affiliation);
    List<AffiliationText.Chunk> chunks = new ArrayList<>();
    for (AffiliationText.Chunk c : AffiliationText.chunks(cleaned)) {
      chunks.add(new AffiliationText.Chunk(c.tokens().stream().map(ix::correct).toList(),
          c.raw(), c.parenthesised()));
    }
    if (chunks.isEmpty()) {
      return List.of();
    }
    Set<String> countries = ix.countries.find(chunks);
    Map<String, List<Integer>> present = new HashMap<>();
    List<Hit> hits = exactHits(chunks, present);
    Map<Integer, Double> best = new HashMap<>();
    Map<Integer, Integer> bestSpan = new HashMap<>();
    Map<Integer, Hit> bestHit = new HashMap<>();
    int lastChunk = -1;
    for (Hit h : hits) {
      if (!AffiliationIndex.isGeneric(h.key()) && !contained(h, hits)) {
        lastChunk = Math.max(lastChunk, h.chunk());
      }
    }
    for (Hit h : hits) {
      if (contained(h, hits)) {
        continue;
      }
      double s = score(h, countries, present, hits, lastChunk);
      if (s > 0 && s > best.getOrDefault(h.rec(), 0.0)) {
        best.put(h.rec(), s);
        bestSpan.put(h.rec(), h.start() << 16 | h.end());
        bestHit.put(h.rec(), h);
      }
    }
    if (best.values().stream().noneMatch(s -> s >= threshold)) {
      fuzzy.match(chunks, countries, present, best);
    }
    AffiliationQualifiers.apply(hits, bestHit, best, ix.parents);
    dropChildren(best, bestSpan);
    systems.resolve(best, present);
    List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(best.entrySet());
    ranked.removeIf(e -> e.getValue() < threshold);
    if (ranked.size() > 1) {
      // "ICMM CSIC Madrid, ..., Universidad Autónoma": an acronym inside a longer piece yields
      // to any other confident answer (on the tuning set: 12 more right answers, 23 fewer wrong)
      ranked.removeIf(e -> {
        Hit h = bestHit.get(e.getKey());
        return h != null && h.kind() == RorRecord.KIND_ACRONYM && !h.wholeChunk();
      });
    }
    ranked.sort(Map.Entry.<Integer, Double>comparingByValue(Comparator.reverseOrder())
        // equal scores: the more widely known record (more names, more units) first
        .thenComparing(e -> -ix.prominence[e.getKey()]).thenComparing(Map.Entry::getKey));
    List<InstitutionMatch> out = new ArrayList<>();
    for (int i = 0; i < ranked.size() && i < MAX_RESULTS; i++) {
      RorRecord r = ix.recs[ranked.get(i).getKey()];
      out.add(new InstitutionMatch(r.id(), r.name(), r.countryCode(), r.countryName(),
          Math.min(1.0, Math.round(ranked.get(i).getValue() * 1000) / 1000.0)));
    }
    return out;
  }

  // When a unit and the organisation it belongs to are both named, the organisation is the
  // affiliation that registries (and the gold data) record.
  // A unit and its parent found by the same words (a campus named like its system, through a
  // translated label of the system) are not "unit + organisation": the better-named one stays.
  private void dropChildren(Map<Integer, Double> best, Map<Integer, Integer> bestSpan) {
    if (best.size() < 2) {
      return;
    }
    List<Integer> drop = new ArrayList<>();
    for (int rec : best.keySet()) {
      if (best.get(rec) >= threshold && hasAncestorIn(rec, best, bestSpan, 0)) {
        drop.add(rec);
      }
    }
    for (int rec : drop) {
      double s = best.remove(rec);
      // keep the parent at least as confident as its matched child
      for (int p : ix.parents[rec]) {
        best.computeIfPresent(p, (k, v) -> Math.max(v, Math.min(s, v + 0.1)));
      }
    }
  }

  private boolean hasAncestorIn(int rec, Map<Integer, Double> best,
      Map<Integer, Integer> bestSpan, int depth) {
    Integer span = bestSpan.get(rec);
    for (int p : ix.parents[rec]) {
      boolean sameWords = span != null && span.equals(bestSpan.get(p));
      if (p != rec && (best.getOrDefault(p, 0.0) >= threshold - 0.1 && !sameWords
          || depth < 3 && hasAncestorIn(p, best, bestSpan, depth + 1))) {
        return true;
      }
    }
    return false;
  }

  // Every token span of every chunk (and a chunk joined with the next) looked up by hash.
  private List<Hit> exactHits(List<AffiliationText.Chunk> chunks, Map<String, List<Integer>> present) {
    List<Hit> hits = new ArrayList<>();
    int offset = 0;
    for (int c = 0; c < chunks.size(); c++) {
      AffiliationText.Chunk ch = chunks.get(c);
      List<String> t = ch.tokens();
      int n = t.size();
      for (int i = 0; i < n; i++) {
        StringBuilder sb = new StringBuilder();
        for (int j = i; j < n && j - i < MAX_SPAN; j++) {
          if (j > i) {
            sb.append(' ');
          }
          sb.append(t.get(j));
          String key = sb.toString();
          if (j - i < 3) {
            present.computeIfAbsent(key, k -> new ArrayList<>(1)).add(offset + i);
          }
          addHits(hits, ix.exact.get(key), key, c, offset + i, offset + j + 1, i == 0 && j == n - 1,
              i > 0 ? t.get(i - 1) : null, j + 1 < n ? t.get(j + 1) : null, SPAN);
        }
        if (c + 1 < chunks.size() && (i == 0 || n - i >= 2 && !specificWord(t.get(i - 1)))) {
          // "University of California, Berkeley": a name that itself contains a comma; the next
          // chunk may go on with an address or a footnote number ("..., San Diego 7"). Not from
          // the middle of a piece after a name word: "Guangdong University of Science and
          // Technology, China" is not "University of Science and Technology of China".
          List<String> next = chunks.get(c + 1).tokens();
          StringBuilder sb2 = new StringBuilder(String.join(" ", t.subList(i, n)));
          for (int k = 0; k < next.size() && n - i + k + 1 <= MAX_SPAN; k++) {
            sb2.append(' ').append(next.get(k));
            String key = sb2.toString();
            addHits(hits, ix.exact.get(key), key, c, offset + i, offset + n + k + 1,
                i == 0 && k == next.size() - 1, i > 0 ? t.get(i - 1) : null,
                k + 1 < next.size() ? next.get(k + 1) : null, JOINED);
          }
        }
        if (i == 0) {
          coreHits(hits, t, c, offset);
        }
        String raw = ch.raw().get(i);
        if ((AffiliationText.looksLikeAcronym(raw) || ch.parenthesised() && n == 1)
            && raw.length() >= 2) {
          String key = t.get(i);
          addHits(hits, ix.acronyms.get(key), key, c, offset + i, offset + i + 1, n == 1, null,
              null, SPAN);
        }
      }
      if (n >= 3 && n <= MAX_SPAN) {
        // "Medical University of Innsbruck" for "Innsbruck Medical University"
        String key = String.join(" ", t);
        int[] un = ix.unordered.get(AffiliationIndex.sortedKey(key));
        if (un != null && ix.exact.get(key) == null) {
          addHits(hits, un, key, c, offset, offset + n, true, null, null, SPAN);
        }
      }
      offset += n;
    }
    return hits;
  }

  private static final Set<String> SCHOOL = AffiliationText.normSet(
      "school college faculty graduate");

  // "Harvard Medical School", "Yale School of Public Health": a chunk that starts with the core
  // of a university's name and goes on to one of its schools names the university.
  private void coreHits(List<Hit> hits, List<String> t, int c, int offset) {
    for (int k = 1; k <= 2 && k < t.size(); k++) {
      int[] e = ix.cores.get(String.join(" ", t.subList(0, k)));
      if (e == null) {
        continue;
      }
      for (int j = k; j < t.size() && j <= k + 3; j++) {
        if (SCHOOL.contains(t.get(j))) {
          addHits(hits, e, String.join(" ", t.subList(0, k)), c, offset, offset + k, false, null,
              t.get(k), CORE);
          return;
        }
      }
    }
  }

  private static void addHits(List<Hit> hits, int[] entries, String key, int chunk, int start,
      int end, boolean whole, String before, String after, int origin) {
    if (entries == null) {
      return;
    }
    for (int e : entries) {
      hits.add(new Hit(e >> 2, e & 3, key, chunk, start, end, whole, entries.length, before,
          after, origin));
    }
  }

  // A name inside a longer matched name ("Oxford University" in "Oxford University Hospitals").
  private boolean contained(Hit h, List<Hit> hits) {
    for (Hit o : hits) {
      if (o.start() <= h.start() && o.end() >= h.end() && o.end() - o.start() > h.end() - h.start()
          && o.kind() != RorRecord.KIND_ACRONYM && !AffiliationIndex.isGeneric(o.key())
          && !(o.joined() && h.wholeChunk() && h.chunk() > o.chunk())) {
        return true;
      }
    }
    return false;
  }

  private boolean displayUnique(Hit h, List<Hit> hits) {
    for (Hit o : hits) {
      if (o.rec() != h.rec() && o.key().equals(h.key()) && o.kind() == RorRecord.KIND_DISPLAY) {
        return false;
      }
    }
    return true;
  }

  private double score(Hit h, Set<String> countries, Map<String, List<Integer>> present,
      List<Hit> hits, int lastChunk) {
    RorRecord r = ix.recs[h.rec()];
    double s = h.kind() == RorRecord.KIND_DISPLAY ? 0.90 : h.kind() == RorRecord.KIND_LABEL
        ? 0.89 : h.kind() == RorRecord.KIND_ALIAS ? 0.87 : 0.80;
    if (h.chunk() == lastChunk) {
      s += 0.03; // "Unit, Institute, University": the last named organisation is the main one
    }
    if (h.wholeChunk()) {
      s += 0.04;
    } else if (specific(h.before(), h.rec()) || specific(h.after(), h.rec())) {
      // "University of Milan Bicocca": the name found is only part of a longer, other name.
      s -= 0.15;
      if (ix.foreignPlace(h.before(), h.rec())) {
        s -= 0.2; // "Guangzhou City University": a namesake elsewhere, not "City University"
      }
    }
    if (!h.wholeChunk() && h.end() - h.start() == 1 && h.kind() != RorRecord.KIND_ACRONYM) {
      s -= 0.1; // a one-word name inside a longer phrase is usually an ordinary word
    }
    boolean countryOk = countryFits(countries, r.countryCode());
    if (!countries.isEmpty() && !r.countryCode().isEmpty()) {
      s += countryOk ? 0.04 : -0.35;
    }
    boolean cityOk = present.containsKey(ix.cityKey[h.rec()]);
    if (cityOk) {
      s += 0.03;
    }
    boolean parentOk = false;
    for (int p : ix.parents[h.rec()]) {
      // by other words: a branch named like its parent ("European Molecular Biology
      // Laboratory" in Grenoble and in Heidelberg) is not confirmed by that same name
      for (Hit o : hits) {
        parentOk |= o.rec() == p && (o.start() != h.start() || o.end() != h.end());
      }
    }
    if (parentOk) {
      s += 0.02;
    }
    if (!r.active()) {
      s -= 0.06;
    }
    if (h.sharing() > 1 && !uniqueAmong(h, hits, countries, present)) {
      // Several institutions carry this name and nothing in the string separates them.
      // The record whose display name it is wins over records that carry it as a label/alias.
      s -= h.sharing() > 2 && h.kind() != RorRecord.KIND_DISPLAY ? 0.5
          : h.kind() == RorRecord.KIND_DISPLAY && displayUnique(h, hits) ? 0.02 : 0.12;
    }
    boolean generic = h.origin() == CORE ? AffiliationIndex.isGeneric(h.key())
        : ix.isGenericKey(h.key());
    if (generic && !(parentOk || cityOk)) {
      return 0;
    }
    if (h.chunk() > 0 && h.key().equals(ix.cityKey[h.rec()])) {
      return 0; // "Sherbrooke, QC, Canada": the address, not the city's government
    }
    if (h.kind() == RorRecord.KIND_ACRONYM && h.chunk() > 0
        && AffiliationCountries.regionCode(h.key(), countries)) {
      return 0; // "Iowa City, IA, USA": a state in an address, not an organisation's acronym
    }
    if (h.kind() == RorRecord.KIND_ACRONYM && !(h.wholeChunk() || countryOk || cityOk)) {
      s -= 0.1;
    }
    return s;
  }

  // Territories that registries list on their own but authors often file under another country:
  // "Macau University of Science and Technology, Macau, China", "San Juan, Puerto Rico, USA".
  private static final Map<String, String> ALSO_WRITTEN_AS = Map.of("HK", "CN", "MO", "CN",
      "TW", "CN", "PR", "US", "GU", "US", "VI", "US");

  static boolean countryFits(Set<String> countries, String code) {
    if (countries.contains(code)) {
      return true;
    }
    String alt = ALSO_WRITTEN_AS.get(code);
    return alt != null && countries.contains(alt);
  }

  // Whether the place key occurs in the string outside the name span [start, end): the city in
  // "University of Newcastle" does not say that the university is in that city.
  private static boolean outside(Map<String, List<Integer>> present, String key, int start,
      int end) {
    List<Integer> at = key.isEmpty() ? null : present.get(key);
    if (at == null) {
      return false;
    }
    int len = 1;
    for (int i = 0; i < key.length(); i++) {
      len += key.charAt(i) == ' ' ? 1 : 0;
    }
    for (int p : at) {
      if (p + len <= start || p >= end) {
        return true;
      }
    }
    return false;
  }

  private static boolean specificWord(String token) {
    return !AffiliationIndex.GENERIC.contains(token) && !token.chars().allMatch(Character::isDigit);
  }

  private boolean specific(String token, int rec) {
    return token != null && !AffiliationIndex.GENERIC.contains(token)
        && !token.chars().allMatch(Character::isDigit) && !ix.cityKey[rec].contains(token);
  }

  // True when this record is the only one of its name that fits the string's country and city.
  private boolean uniqueAmong(Hit h, List<Hit> hits, Set<String> countries, Map<String, List<Integer>> present) {
    int fitting = 0;
    boolean self = false;
    for (Hit o : hits) {
      if (o.key().equals(h.key()) && o.start() == h.start() && o.end() == h.end()) {
        RorRecord r = ix.recs[o.rec()];
        // a city that is also a word of the name itself ("Newcastle University", "Newcastle
        // Fibrosis Group") does not tell same-named institutions apart
        boolean city = outside(present, ix.cityKey[o.rec()], o.start(), o.end())
            && !(" " + o.key() + " ").contains(" " + ix.cityKey[o.rec()] + " ");
        if (city || countryFits(countries, r.countryCode())) {
          fitting++;
          self |= o.rec() == h.rec();
        }
      }
    }
    return self && fitting == 1;
  }
}
