package org.paperindex.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.paperindex.model.Author;

/**
 * Normalised "surname_initials" keys that let {@code au:"Hinton G"}, {@code au:"G. E. Hinton"}
 * and {@code au:"Geoffrey Hinton"} all find "Geoffrey E. Hinton": each author is indexed with
 * {@code hinton_g} and {@code hinton_ge}, and a quoted author query is turned into the keys it
 * can mean. Keys are accent- and TeX-folded and lower-cased.
 */
public final class AuthorKeys {

  // lower-case name particles that belong to the surname ("van der Waals", "de Broglie")
  private static final Set<String> PARTICLES = Set.of(
      "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "das", "la", "le",
      "ter", "ten", "zu", "af", "bin", "al", "el");
  private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");

  private AuthorKeys() {}

  /** The keys indexed for one author: for each surname form, surname plus 1..n initials. */
  public static List<String> indexKeys(Author a) {
    List<String> surnameWords;
    List<String> forenames;
    if (a.keyname() != null) {
      surnameWords = words(a.keyname());
      forenames = a.forenames() == null ? List.of() : words(a.forenames());
    } else {
      List<String> w = new ArrayList<>(words(a.name()));
      while (w.size() > 1 && SUFFIXES.contains(w.get(w.size() - 1))) {
        w.remove(w.size() - 1);
      }
      if (w.size() < 2) {
        return List.of(); // a collaboration or a mononym: no initials to match
      }
      int start = w.size() - 1;
      while (start > 1 && PARTICLES.contains(w.get(start - 1))) {
        start--;
      }
      surnameWords = w.subList(start, w.size());
      forenames = w.subList(0, start);
    }
    String initials = initials(forenames);
    if (surnameWords.isEmpty() || initials.isEmpty()) {
      return List.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    String first = firstForename(forenames);
    for (String surname : surnameForms(surnameWords)) {
      for (int i = 1; i <= initials.length(); i++) {
        keys.add(surname + "_" + initials.substring(0, i));
      }
      // "hinton_geoffrey" for a spelled-out forename, "hinton_g~" for one given as initial only:
      // a query "Geoffrey Hinton" matches both, but not "Gary Hinton"
      keys.add(surname + "_" + (first.length() > 1 ? first : first + "~"));
    }
    return List.copyOf(keys);
  }

  /**
   * The keys a quoted author query may mean: "Hinton, G. E." and "Hinton G E" (surname first,
   * then initials) and "G. E. Hinton" or "Geoffrey Hinton" (surname last). Empty when the text
   * has no forename part.
   */
  public static Set<String> queryKeys(String text) {
    Set<String> keys = new LinkedHashSet<>();
    int comma = text.indexOf(',');
    if (comma >= 0) {
      add(keys, words(text.substring(0, comma)), words(text.substring(comma + 1)));
      return keys;
    }
    List<String> w = words(text);
    if (w.size() < 2) {
      return keys;
    }
    // surname last, with its particles: "G. E. Hinton", "Johannes van der Waals"
    int start = w.size() - 1;
    while (start > 1 && PARTICLES.contains(w.get(start - 1))) {
      start--;
    }
    add(keys, w.subList(start, w.size()), w.subList(0, start));
    // surname first, only when everything after it is initials: "Hinton G E", "Hinton GE"
    int firstInitial = 1;
    while (firstInitial < w.size() - 1 && !isInitials(w.get(firstInitial))) {
      firstInitial++;
    }
    List<String> tail = w.subList(firstInitial, w.size());
    if (tail.stream().allMatch(AuthorKeys::isInitials)) {
      add(keys, w.subList(0, firstInitial), tail.stream().flatMap(t -> t.chars()
          .mapToObj(c -> String.valueOf((char) c))).toList());
    }
    return keys;
  }

  private static void add(Set<String> keys, List<String> surnameWords, List<String> forenames) {
    String initials = initials(forenames);
    if (surnameWords.isEmpty() || initials.isEmpty()) {
      return;
    }
    // the full surname form only: the index holds it and the last-word form
    String surname = String.join(" ", surnameWords);
    String first = firstForename(forenames);
    if (first.length() > 1) {
      // a spelled-out forename: that forename, or authors listed with its initial only
      keys.add(surname + "_" + first);
      keys.add(surname + "_" + first.charAt(0) + "~");
    } else {
      keys.add(surname + "_" + initials);
    }
  }

  private static String firstForename(List<String> forenames) {
    for (String f : forenames) {
      if (!PARTICLES.contains(f) && !SUFFIXES.contains(f)) {
        return f;
      }
    }
    return "";
  }

  private static boolean isInitials(String w) {
    // "g", "ge" (run-together initials) but not real words; an upper-case check is impossible
    // after folding, so two letters at most
    return w.length() <= 2;
  }

  private static List<String> surnameForms(List<String> surnameWords) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(String.join(" ", surnameWords));
    forms.add(surnameWords.get(surnameWords.size() - 1)); // "waals" for "van der Waals"
    return List.copyOf(forms);
  }

  private static String initials(List<String> forenames) {
    StringBuilder sb = new StringBuilder();
    for (String f : forenames) {
      if (!PARTICLES.contains(f) && !SUFFIXES.contains(f)) {
        sb.append(f.charAt(0));
      }
    }
    return sb.toString();
  }

  /** Folded, lower-cased words; dots, hyphens and other punctuation split words. */
  static List<String> words(String s) {
    String folded = fold(TexFolding.fold(s)).toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (String w : folded.split("[^\\p{L}\\p{N}']+")) {
      String t = w.replace("'", "");
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  private static String fold(String s) {
    char[] in = s.toCharArray();
    char[] out = new char[in.length * 4];
    int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
    return new String(out, 0, n);
  }
}
