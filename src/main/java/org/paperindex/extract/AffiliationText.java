package org.paperindex.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text normalisation shared by the registry index and the affiliation strings (ICU-free). */
final class AffiliationText {

  /** Longest input considered; real affiliations are far shorter, and this bounds the work. */
  static final int MAX_INPUT = 2_000;

  /** A comma/semicolon/parenthesis-delimited piece of an affiliation string. */
  record Chunk(List<String> tokens, List<String> raw, boolean parenthesised) {
  }

  private static final Pattern ENTITY = Pattern.compile("&(#[xX]?[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Pattern INITIALS = Pattern.compile("(?<=\\b\\p{L})\\.(?=\\p{L}\\b)");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Map<String, String> NAMED = Map.of("amp", "&", "quot", "\"", "apos", "'",
      "lt", "<", "gt", ">", "nbsp", " ", "ndash", "-", "mdash", "-");

  // Common abbreviations in affiliations; applied to both sides, so only the key matters.
  private static final Map<String, String> ABBREV = Map.ofEntries(
      Map.entry("univ", "university"), Map.entry("uni", "university"),
      Map.entry("inst", "institute"), Map.entry("instit", "institute"),
      Map.entry("dept", "department"), Map.entry("dep", "department"),
      Map.entry("lab", "laboratory"), Map.entry("labs", "laboratory"),
      Map.entry("laboratories", "laboratory"), Map.entry("natl", "national"),
      Map.entry("nat", "national"), Map.entry("tech", "technology"),
      Map.entry("technol", "technology"), Map.entry("sci", "science"),
      Map.entry("coll", "college"), Map.entry("ctr", "center"), Map.entry("cntr", "center"),
      Map.entry("centre", "center"), Map.entry("centres", "center"), Map.entry("hosp", "hospital"),
      Map.entry("acad", "academy"), Map.entry("res", "research"), Map.entry("sch", "school"),
      Map.entry("engn", "engineering"), Map.entry("eng", "engineering"),
      Map.entry("st", "saint"), Map.entry("ste", "sainte"), Map.entry("mt", "mount"),
      Map.entry("intl", "international"), Map.entry("int", "international"),
      Map.entry("med", "medical"), Map.entry("fac", "faculty"), Map.entry("assoc", "association"),
      Map.entry("govt", "government"), Map.entry("fed", "federal"), Map.entry("polytech", "polytechnic"),
      Map.entry("u", "university"), Map.entry("bus", "business"), Map.entry("adv", "advanced"),
      Map.entry("mgmt", "management"), Map.entry("engg", "engineering"),
      Map.entry("agric", "agricultural"), Map.entry("biol", "biology"),
      Map.entry("chem", "chemistry"), Map.entry("phys", "physics"),
      Map.entry("environ", "environmental"),
      Map.entry("universitatea", "university"), Map.entry("univerzita", "university"),
      Map.entry("universitaet", "university"),
      // Same word in other languages, so "Humboldt University of Berlin" meets its German label.
      Map.entry("universita", "university"), Map.entry("universite", "university"),
      Map.entry("universidad", "university"), Map.entry("universidade", "university"),
      Map.entry("universitat", "university"), Map.entry("universiteit", "university"),
      Map.entry("universitas", "university"), Map.entry("uniwersytet", "university"),
      Map.entry("universitet", "university"), Map.entry("universiti", "university"),
      Map.entry("institut", "institute"), Map.entry("instituto", "institute"),
      Map.entry("istituto", "institute"), Map.entry("hopital", "hospital"),
      Map.entry("ospedale", "hospital"), Map.entry("hospitale", "hospital"),
      Map.entry("centro", "center"), Map.entry("zentrum", "center"),
      Map.entry("nacional", "national"), Map.entry("nazionale", "national"),
      Map.entry("nationale", "national"), Map.entry("naples", "napoli"),
      Map.entry("technische", "technical"), Map.entry("tecnica", "technical"),
      Map.entry("politecnico", "polytechnic"), Map.entry("polytechnique", "polytechnic"));

  private static final Set<String> STOP = Set.of("of", "the", "for", "and", "at", "in", "on", "de",
      "di", "du", "des", "del", "della", "da", "do", "dos", "das", "der", "die", "und", "et", "y",
      "e", "la", "le", "les", "el", "van", "von", "fur", "an", "a", "zu", "degli", "studi", "dello", "delle", "los", "las");

  private AffiliationText() {
  }

  /** Decodes HTML entities, drops control characters and bounds the length. */
  static String clean(String raw) {
    if (raw == null) {
      return "";
    }
    String s = raw.length() > MAX_INPUT ? raw.substring(0, MAX_INPUT) : raw;
    if (s.indexOf('&') >= 0) {
      Matcher m = ENTITY.matcher(s);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(sb, Matcher.quoteReplacement(entity(m.group(1), m.group())));
      }
      m.appendTail(sb);
      s = sb.toString();
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    return out.toString();
  }

  private static String entity(String body, String whole) {
    try {
      if (body.startsWith("#x") || body.startsWith("#X")) {
        return new String(Character.toChars(Integer.parseInt(body.substring(2), 16)));
      }
      if (body.startsWith("#")) {
        return new String(Character.toChars(Integer.parseInt(body.substring(1))));
      }
    } catch (IllegalArgumentException e) {
      return whole;
    }
    return NAMED.getOrDefault(body.toLowerCase(Locale.ROOT), whole);
  }

  /** Folds accents and special letters, keeping case (needed to recognise acronyms). */
  static String fold(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKD);
    n = MARKS.matcher(n).replaceAll("");
    StringBuilder sb = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      switch (c) {
        case 'ø', 'Ø' -> sb.append(c == 'ø' ? 'o' : 'O');
        case 'æ' -> sb.append("ae");
        case 'Æ' -> sb.append("AE");
        case 'œ' -> sb.append("oe");
        case 'ß' -> sb.append("ss");
        case 'ł' -> sb.append('l');
        case 'Ł' -> sb.append('L');
        case 'đ' -> sb.append('d');
        case 'ı' -> sb.append('i');
        case '\'', '’', '`', '´', 'ʼ' -> { }
        case '&' -> sb.append(" and ");
        default -> sb.append(c);
      }
    }
    return INITIALS.matcher(sb).replaceAll("");
  }

  /** Normalises one folded token: lower case, abbreviation expansion, light plural stemming. */
  static String normToken(String folded) {
    String t = folded.toLowerCase(Locale.ROOT);
    String a = ABBREV.get(t);
    if (a != null) {
      t = a;
    }
    if (STOP.contains(t)) {
      return null;
    }
    int n = t.length();
    if (n > 3 && t.charAt(n - 1) == 's' && "su".indexOf(t.charAt(n - 2)) < 0
        && t.charAt(n - 2) != 'i') {
      t = t.substring(0, n - 1);
    }
    return t;
  }

  /** Normalised tokens of a name or text (stop words dropped). */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String raw : SPLIT.split(fold(text))) {
      if (!raw.isEmpty()) {
        String t = normToken(raw);
        if (t != null) {
          out.add(t);
        }
      }
    }
    return out;
  }

  /** The lookup key of a name: its normalised tokens joined by single spaces. */
  static String key(String text) {
    return String.join(" ", tokens(text));
  }

  /** Splits a cleaned affiliation string into chunks at , ; ( ) [ ] | and line breaks. */
  static List<Chunk> chunks(String cleaned) {
    List<Chunk> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean paren = false;
    for (int i = 0; i <= cleaned.length(); i++) {
      char c = i < cleaned.length() ? cleaned.charAt(i) : ',';
      boolean open = c == '(' || c == '[';
      if (c == ',' || c == ';' || open || c == ')' || c == ']' || c == '|' || c == '\n') {
        addChunk(out, cur.toString(), paren);
        cur.setLength(0);
        paren = open;
      } else {
        cur.append(c);
      }
    }
    return out;
  }

  private static void addChunk(List<Chunk> out, String text, boolean paren) {
    List<String> toks = new ArrayList<>();
    List<String> raws = new ArrayList<>();
    for (String raw : SPLIT.split(fold(text))) {
      if (!raw.isEmpty()) {
        String t = normToken(raw);
        if (t != null) {
          toks.add(t);
          raws.add(raw);
        }
      }
    }
    if (!toks.isEmpty()) {
      out.add(new Chunk(toks, raws, paren));
    }
  }

  /** True when the raw token looks like an acronym as written (two or more capitals). */
  static boolean looksLikeAcronym(String raw) {
    int upper = 0;
    for (int i = 0; i < raw.length(); i++) {
      if (Character.isUpperCase(raw.charAt(i))) {
        upper++;
      }
    }
    return upper >= 2 && upper * 2 >= raw.length();
  }

  /** Normalises a fixed word list with the same pipeline, for vocabularies kept in code. */
  static Set<String> normSet(String words) {
    Set<String> out = new HashSet<>();
    for (String w : words.split("\\s+")) {
      String t = normToken(fold(w));
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }
}
