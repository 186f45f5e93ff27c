package org.paperindex.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The lookup structures over a {@link RorRegistry} that {@link AffiliationMatcher} queries. */
final class AffiliationIndex {

  /**
   * Words that name a kind of organisation or a field; a name made only of these (plus stop
   * words) such as "University Hospital" or "Institute of Physics" identifies nothing alone.
   */
  static final Set<String> ORG_WORDS = AffiliationText.normSet("""
      university college institute institution school faculty department hospital clinic
      center centre research academy society foundation council agency ministry office unit
      group division program service association laboratory library museum observatory
      station graduate teaching affiliated key joint general main core facility
      co ltd limited inc incorporated srl gmbh llc plc spa corp corporation company bv ag""");

  /** Field-of-study and qualifier words that do not identify an organisation either. */
  static final Set<String> FIELD_WORDS = AffiliationText.normSet("""
      medical medicine health science sciences technology technological technical engineering
      physics chemistry biology biological mathematics mathematical applied advanced higher
      studies children women cancer heart eye dental veterinary agricultural agriculture
      economics management business law education pedagogical polytechnic open computer
      information communication electronics mechanical civil electrical industrial nuclear
      atomic molecular cell biomedical psychology social art arts music design surgery
      pediatrics oncology chemical environmental marine energy space earth life natural
      humanities history philosophy linguistics language languages literature geography
      geology statistics computing informatics neuroscience genetics microbiology
      biochemistry pharmacology pathology physiology anatomy immunology radiology cardiology
      neurology psychiatry nursing pharmacy public clinical experimental theoretical
      materials material food nutrition sport sports plant animal biotechnology
      bioinformatics ecology evolution astronomy astrophysics electronic electrical systems
      internal surgical obstetrics gynecology dermatology ophthalmology urology orthopedics
      anesthesiology emergency family community rehabilitation mechanics state""");

  /** Organisation words, then field words: a name made only of these identifies nothing. */
  static final Set<String> GENERIC = union(ORG_WORDS, FIELD_WORDS);

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new java.util.HashSet<>(a);
    u.addAll(b);
    return Set.copyOf(u);
  }

  final RorRecord[] recs;
  final String[] cityKey;
  final int[][] parents;
  /** Per record, registry standing then names: how widely known it is, to break exact ties. */
  final int[] prominence;
  /** Normalised name key → entries {@code record << 2 | kind}, one per record. */
  final Map<String, int[]> exact = new HashMap<>();
  /** Sorted tokens of names of 3+ words → entries, for word-order variants of a whole piece. */
  final Map<String, int[]> unordered = new HashMap<>();
  /** "harvard" for Harvard University: the core of a university name → entry, when unique. */
  final Map<String, int[]> cores;
  /** Normalised acronym → entries {@code record << 2 | kind}. */
  final Map<String, int[]> acronyms = new HashMap<>();
  /** Token → id, document frequency (names containing it) and postings (name entry ids). */
  final Map<String, Integer> vocab = new HashMap<>();
  int[] df;
  int[][] postings;
  float[] idf;
  boolean[] genericTok;
  boolean[] orgTok;
  boolean[] qualifierTok;
  /** Per record, the token ids of its city and country names. */
  int[][] placeToks;
  /** Name entries for the fuzzy stage. */
  int[] nameRec;
  int[][] nameToks;
  float[] nameWeight;
  final AffiliationCountries countries;
  /** One-word city names of the registry → the countries they lie in. */
  final Map<String, Set<String>> placeCountries = new HashMap<>();
  /** Single-character deletions of long vocabulary words → the word, for one-typo repair. */
  private final Map<String, String> deletions = new HashMap<>();

  AffiliationIndex(RorRegistry registry) {
    recs = registry.records().toArray(new RorRecord[0]);
    cityKey = new String[recs.length];
    parents = new int[recs.length][];
    Map<String, Integer> idx = new HashMap<>(recs.length * 2);
    for (int i = 0; i < recs.length; i++) {
      idx.put(recs[i].id(), i);
    }
    Map<String, List<Integer>> ex = new HashMap<>();
    Map<String, List<Integer>> ac = new HashMap<>();
    List<int[]> names = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    for (int r = 0; r < recs.length; r++) {
      RorRecord rec = recs[r];
      cityKey[r] = AffiliationText.key(rec.city());
      parents[r] = rec.parents().stream().map(idx::get).filter(x -> x != null)
          .mapToInt(Integer::intValue).toArray();
      for (int n = 0; n < rec.names().size(); n++) {
        byte kind = rec.nameKinds()[n];
        for (String variant : variants(rec.names().get(n), rec)) {
          List<String> toks = AffiliationText.tokens(variant);
          String key = String.join(" ", toks);
          if (key.isEmpty()) {
            continue;
          }
          if (kind == RorRecord.KIND_ACRONYM) {
            add(ac, key, r << 2 | kind);
            continue;
          }
          add(ex, key, r << 2 | kind);
          int[] ids = new int[toks.size()];
          for (int t = 0; t < ids.length; t++) {
            ids[t] = vocab.computeIfAbsent(toks.get(t), k -> vocab.size());
          }
          names.add(ids);
          owners.add(r);
        }
      }
    }
    addCityless(ex, names, owners);
    cores = UniversityNames.cores(recs, cityKey, parents, ex.keySet());
    UniversityNames.addUniversityOfCity(recs, cityKey, ex).forEach((key, r) -> {
      String[] toks = key.split(" ");
      int[] ids = new int[toks.length];
      for (int t = 0; t < ids.length; t++) {
        ids[t] = vocab.computeIfAbsent(toks[t], x -> vocab.size());
      }
      names.add(ids);
      owners.add(r);
    });
    prominence = new int[recs.length];
    for (int r = 0; r < recs.length; r++) {
      // the registry's own standing first (Northeastern University in Boston has more
      // relationships and ids than its namesake in Shenyang), then the number of names
      prominence[r] = recs[r].standing() * 64 + Math.min(63, recs[r].names().size());
    }
    ex.forEach((k, v) -> exact.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    Map<String, List<Integer>> un = new HashMap<>();
    ex.forEach((k, v) -> {
      String sk = sortedKey(k);
      if (sk != null) {
        for (int e : v) {
          add(un, sk, e >> 2 << 2 | RorRecord.KIND_ALIAS);
        }
      }
    });
    un.forEach((k, v) -> unordered.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    ac.forEach((k, v) -> acronyms.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    buildPostings(names, owners);
    countries = new AffiliationCountries(Arrays.asList(recs));
    for (int r = 0; r < recs.length; r++) {
      String city = cityKey[r];
      if (!city.isEmpty() && city.indexOf(' ') < 0 && !GENERIC.contains(city)) {
        placeCountries.computeIfAbsent(city, k -> new java.util.HashSet<>())
            .add(recs[r].countryCode());
      }
    }
    for (String tok : vocab.keySet()) {
      if (tok.length() >= 6) {
        for (int i = 0; i < tok.length(); i++) {
          deletions.putIfAbsent(tok.substring(0, i) + tok.substring(i + 1), tok);
        }
      }
    }
  }

  /** The vocabulary word one edit away from an unknown long token, or the token itself. */
  String correct(String tok) {
    if (tok.length() < 6 || vocab.containsKey(tok) || !tok.chars().allMatch(Character::isLetter)) {
      return tok;
    }
    String hit = deletions.get(tok); // a letter missing: "technolgy"
    for (int i = 0; hit == null && i < tok.length(); i++) {
      String del = tok.substring(0, i) + tok.substring(i + 1);
      hit = vocab.containsKey(del) ? del : deletions.get(del); // extra or wrong letter
    }
    return hit == null ? tok : hit;
  }

  // ROR appends "(Country)" or "(ACRONYM)" to some names; authors often leave it out. A longer
  // bracketed part ("Indian Institute of Technology (Banaras Hindu University)") is what tells
  // the record apart, so it stays.
  private static List<String> variants(String name, RorRecord rec) {
    List<String> out = new ArrayList<>(2);
    out.add(name);
    String n = name.trim();
    if (n.endsWith(")") && n.lastIndexOf('(') > 0) {
      String inner = AffiliationText.key(n.substring(n.lastIndexOf('(') + 1, n.length() - 1));
      if (inner.indexOf(' ') < 0 || inner.equals(AffiliationText.key(rec.countryName()))
          || inner.equals(AffiliationText.key(rec.city()))) {
        out.add(n.substring(0, n.lastIndexOf('(')));
      }
    }
    return out;
  }

  // "Indian Institute of Science Bangalore", "University of California, Merced": authors often
  // leave a trailing city out. The name without it is added as an alias only when no record
  // carries that name already (else "University of California" would become Merced's name).
  private void addCityless(Map<String, List<Integer>> ex, List<int[]> names, List<Integer> owners) {
    Map<String, List<Integer>> extra = new HashMap<>();
    for (int r = 0; r < recs.length; r++) {
      if (cityKey[r].isEmpty()) {
        continue;
      }
      for (int n = 0; n < recs[r].names().size(); n++) {
        if (recs[r].nameKinds()[n] == RorRecord.KIND_ACRONYM) {
          continue;
        }
        // "German Cancer Research Center Dresden" is a branch, not the centre; "... Medical
        // Branch at Galveston" is the campus the name without its city means
        if (parents[r].length > 0 && !recs[r].names().get(n).toLowerCase(java.util.Locale.ROOT)
            .endsWith(" at " + recs[r].city().toLowerCase(java.util.Locale.ROOT))) {
          continue;
        }
        String key = AffiliationText.key(recs[r].names().get(n));
        if (key.endsWith(" " + cityKey[r])) {
          String rest = key.substring(0, key.length() - cityKey[r].length() - 1);
          if (rest.indexOf(' ') > 0 && !qualifiersOnly(rest) && !ex.containsKey(rest)) {
            add(extra, rest, r << 2 | RorRecord.KIND_ALIAS);
          }
        }
      }
    }
    extra.forEach((k, v) -> {
      ex.put(k, v);
      for (int e : v) {
        String[] toks = k.split(" ");
        int[] ids = new int[toks.length];
        for (int t = 0; t < ids.length; t++) {
          ids[t] = vocab.computeIfAbsent(toks[t], x -> vocab.size());
        }
        names.add(ids);
        owners.add(e >> 2);
      }
    });
  }

  /** Words that qualify an organisation kind without naming one ("Federal University"). */
  static final Set<String> QUALIFIERS = AffiliationText.normSet("""
      federal national state royal catholic free autonomous normal central regional municipal
      provincial city metropolitan new international pontifical islamic christian public
      private people peoples popular republic republican imperial county district""");

  // Whether a key is made only of generic and qualifier words: not a name without its city.
  static boolean qualifiersOnly(String key) {
    for (String t : key.split(" ")) {
      if (!GENERIC.contains(t) && !QUALIFIERS.contains(t)
          && !t.chars().allMatch(Character::isDigit)) {
        return false;
      }
    }
    return true;
  }

  /** The tokens of a key sorted, for keys of three or more tokens; else null. */
  static String sortedKey(String key) {
    String[] t = key.split(" ");
    if (t.length < 3) {
      return null;
    }
    Arrays.sort(t);
    return String.join(" ", t);
  }

  private static void add(Map<String, List<Integer>> m, String key, int entry) {
    List<Integer> l = m.computeIfAbsent(key, k -> new ArrayList<>(1));
    for (int i = 0; i < l.size(); i++) {
      if (l.get(i) >> 2 == entry >> 2) {
        if ((entry & 3) < (l.get(i) & 3)) {
          l.set(i, entry); // keep the strongest name kind per record
        }
        return;
      }
    }
    l.add(entry);
  }

  private void buildPostings(List<int[]> names, List<Integer> owners) {
    int v = vocab.size();
    df = new int[v];
    nameRec = owners.stream().mapToInt(Integer::intValue).toArray();
    nameToks = names.toArray(new int[0][]);
    for (int[] toks : nameToks) {
      for (int t : Arrays.stream(toks).distinct().toArray()) {
        df[t]++;
      }
    }
    postings = new int[v][];
    int[] fill = new int[v];
    for (int t = 0; t < v; t++) {
      postings[t] = new int[df[t]];
    }
    for (int n = 0; n < nameToks.length; n++) {
      for (int t : Arrays.stream(nameToks[n]).distinct().toArray()) {
        postings[t][fill[t]++] = n;
      }
    }
    idf = new float[v];
    genericTok = new boolean[v];
    orgTok = new boolean[v];
    qualifierTok = new boolean[v];
    vocab.forEach((tok, id) -> {
      qualifierTok[id] = QUALIFIERS.contains(tok);
      genericTok[id] = GENERIC.contains(tok);
      orgTok[id] = ORG_WORDS.contains(tok);
    });
    placeToks = new int[recs.length][];
    for (int r = 0; r < recs.length; r++) {
      placeToks[r] = AffiliationText.tokens(recs[r].city() + " " + recs[r].countryName()).stream()
          .map(vocab::get).filter(x -> x != null).mapToInt(Integer::intValue).toArray();
    }
    for (int t = 0; t < v; t++) {
      idf[t] = (float) Math.log(1.0 + nameToks.length / (double) df[t]);
    }
    nameWeight = new float[nameToks.length];
    for (int n = 0; n < nameToks.length; n++) {
      float w = 0;
      for (int t : nameToks[n]) {
        w += idf[t];
      }
      nameWeight[n] = w;
    }
  }

  /** Whether the token is a place name that lies only in countries other than the record's. */
  boolean foreignPlace(String token, int rec) {
    if (token == null) {
      return false;
    }
    String country = countries.code(token); // a country or a US state
    Set<String> in = placeCountries.get(token);
    return country != null ? !country.equals(recs[rec].countryCode())
        : in != null && !in.contains(recs[rec].countryCode());
  }

  /** Whether the token is part of the record's city or country name. */
  boolean placeTok(int rec, int tok) {
    for (int t : placeToks[rec]) {
      if (t == tok) {
        return true;
      }
    }
    return false;
  }

  /** IDF of a normalised token; unseen tokens weigh as much as the rarest ones. */
  float idf(String token) {
    Integer id = vocab.get(token);
    return id == null ? (float) Math.log(1.0 + nameToks.length) : idf[id];
  }

  /** Whether every token of the key is a generic organisation/field word. */
  boolean isGenericKey(String key) {
    if (key.indexOf(' ') < 0) {
      // A one-word name that is also a word of many other names ("State", "Way").
      Integer id = vocab.get(key);
      if (id != null && df[id] > 20) {
        return true;
      }
    }
    return isGeneric(key);
  }

  /** Whether every token of the key is a generic organisation/field word. */
  static boolean isGeneric(String key) {
    for (String t : key.split(" ")) {
      if (!GENERIC.contains(t) && !t.chars().allMatch(Character::isDigit)) {
        return false;
      }
    }
    return true;
  }
}
