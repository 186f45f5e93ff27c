package org.paperindex.extract;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Recognises the countries named in an affiliation string (names, common variants, US states). */
final class AffiliationCountries {

  // Variants authors write that differ from the registry's GeoNames country names.
  private static final String[][] VARIANTS = {
      {"US", "usa", "us", "united states america", "america", "u s a"},
      {"GB", "uk", "united kingdom", "england", "scotland", "wales", "northern ireland",
          "great britain", "britain"},
      {"CN", "pr china", "prc", "peoples republic china", "p r china", "china"},
      {"KR", "korea", "south korea", "republic korea", "korea republic", "korea south", "rok"},
      {"KP", "north korea"}, {"RU", "russia", "russian federation"},
      {"IR", "iran", "islamic republic iran"}, {"VN", "vietnam", "viet nam"},
      {"TW", "taiwan", "taiwan roc", "roc", "republic china"}, {"HK", "hong kong"},
      {"NL", "netherland", "holland"}, {"CZ", "czech republic", "czechia"},
      {"TR", "turkey", "turkiye"}, {"DE", "germany", "deutschland"},
      {"CH", "switzerland", "suisse", "schweiz"}, {"IT", "italy", "italia"},
      {"ES", "spain", "espana"}, {"BR", "brazil", "brasil"}, {"MX", "mexico"},
      {"JP", "japan"}, {"IN", "india"}, {"FR", "france"}, {"SA", "saudi arabia", "ksa"},
      {"AE", "uae", "united arab emirate"}, {"CI", "ivory coast", "cote divoire"},
      {"TZ", "tanzania"}, {"SY", "syria"}, {"LA", "lao", "lao pdr", "lao"},
      {"MK", "macedonia", "north macedonia"}, {"CD", "dr congo", "drc"}, {"BO", "bolivia"},
      {"VE", "venezuela"}, {"MD", "moldova"}, {"PS", "palestine"}};

  private static final String[] US_STATES = {"alabama", "alaska", "arizona", "arkansas",
      "california", "colorado", "connecticut", "delaware", "florida", "georgia", "hawaii",
      "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
      "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana",
      "nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york",
      "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania",
      "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont",
      "virginia", "washington", "west virginia", "wisconsin", "wyoming", "district columbia"};

  private static final Set<String> US_CODES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT",
      "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI",
      "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
      "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR");
  private static final String[] CA_PROVINCES = {"ontario", "quebec", "british columbia",
      "alberta", "manitoba", "saskatchewan", "nova scotia", "new brunswick", "newfoundland",
      "newfoundland labrador", "prince edward island"};
  private static final Set<String> CA_CODES = Set.of("AB", "BC", "MB", "NB", "NL", "NS", "NT",
      "NU", "ON", "PE", "QC", "SK", "YT");
  private static final Set<String> AU_CODES = Set.of("NSW", "VIC", "QLD", "WA", "SA", "TAS",
      "ACT", "NT");

  /**
   * Whether a token is a state/province code of one of the string's countries; with no country
   * named, of the United States ("Saint Joseph, MI").
   */
  static boolean regionCode(String token, Set<String> countries) {
    String t = token.toUpperCase(java.util.Locale.ROOT);
    return (countries.isEmpty() || countries.contains("US")) && US_CODES.contains(t)
        || countries.contains("CA") && CA_CODES.contains(t)
        || countries.contains("AU") && AU_CODES.contains(t);
  }

  private static final Pattern ZIP = Pattern.compile("\\d{5}");
  private static final Pattern CA_POST_1 = Pattern.compile("[A-Z]\\d[A-Z]");
  private static final Pattern CA_POST_2 = Pattern.compile("\\d[A-Z]\\d");
  private static final Pattern UK_POST_1 = Pattern.compile("[A-Z]{1,2}\\d[A-Z\\d]?");
  private static final Pattern UK_POST_2 = Pattern.compile("\\d[A-Z]{2}");

  private final Map<String, String> byKey = new HashMap<>();

  AffiliationCountries(Iterable<RorRecord> records) {
    for (RorRecord r : records) {
      if (!r.countryCode().isEmpty() && !r.countryName().isEmpty()) {
        byKey.putIfAbsent(AffiliationText.key(r.countryName()), r.countryCode());
      }
    }
    for (String[] v : VARIANTS) {
      for (int i = 1; i < v.length; i++) {
        byKey.put(AffiliationText.key(v[i]), v[0]);
      }
    }
    for (String s : US_STATES) {
      byKey.putIfAbsent(AffiliationText.key(s), "US");
    }
    for (String p : CA_PROVINCES) {
      byKey.putIfAbsent(AffiliationText.key(p), "CA");
    }
    byKey.remove(AffiliationText.key("georgia")); // a country and a US state: ambiguous
  }

  /** The country a normalised place key names (a country, a variant, a US state), or null. */
  String code(String key) {
    return byKey.get(key);
  }

  /** Country codes named by whole chunks or by the trailing words of the last chunks. */
  Set<String> find(List<AffiliationText.Chunk> chunks) {
    Set<String> out = new LinkedHashSet<>();
    for (int c = 0; c < chunks.size(); c++) {
      List<String> t = chunks.get(c).tokens();
      boolean tail = c >= chunks.size() - 2;
      // Whole chunk ("China"), or the tail of an address chunk ("Oxford OX1 3PU UK").
      for (int len = Math.min(4, t.size()); len >= 1; len--) {
        if (len < t.size() && !tail) {
          continue;
        }
        String code = byKey.get(String.join(" ", t.subList(t.size() - len, t.size())));
        if (code != null) {
          out.add(code);
          break;
        }
      }
      if (c >= chunks.size() - 3) {
        String code = postal(chunks.get(c).raw());
        if (code != null) {
          out.add(code);
        }
      }
    }
    return out;
  }

  // Address conventions: "CA 94305" (US state + ZIP), "M5S 1A8" (Canadian postcode),
  // "OX1 3PU" (UK postcode). Tokens are as written, so case tells codes from words.
  private static String postal(List<String> raw) {
    for (int i = 0; i + 1 < raw.size(); i++) {
      String a = raw.get(i);
      String b = raw.get(i + 1);
      if (US_CODES.contains(a) && ZIP.matcher(b).matches()) {
        return "US";
      }
      if (CA_POST_1.matcher(a).matches() && CA_POST_2.matcher(b).matches()) {
        return "CA";
      }
      if (UK_POST_1.matcher(a).matches() && UK_POST_2.matcher(b).matches()) {
        return "GB";
      }
    }
    return null;
  }
}
