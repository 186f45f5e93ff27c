package org.paperindex.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperindex.model.Author;

/**
 * Splits arXiv's free-text author line ("A. Smith (MIT), B. Jones and C. Lee", as in arXivRaw and
 * the Kaggle {@code authors} field) into {@link Author}s, keeping parenthesised affiliations.
 */
public final class AuthorListParser {

  private static final Pattern SUFFIX = Pattern.compile("(?i)(jr|sr)\\.?|ii|iii|iv");
  private static final Pattern ET_AL = Pattern.compile("(?i)et\\.? al\\.?");
  // "(1)", "(1,2)", "(1 and 3)": references into a trailing "((1) Univ A, (2) Univ B)" block
  private static final Pattern REFS = Pattern.compile("\\d+(\\s*(,|and|&)\\s*\\d+)*");
  private static final Pattern DEF_MARK = Pattern.compile("\\((\\d+)\\)");
  private static final Pattern FOR_THE = Pattern.compile("(?i)^(.+?)\\s+(?:for|on behalf of) the\\s+(.+)$");

  private AuthorListParser() {}

  /** Parses the whole author line; never null, possibly empty. */
  public static List<Author> parse(String line) {
    String s = TextNormalizer.inline(line);
    List<Pending> pending = new ArrayList<>();
    if (s == null) {
      return List.of();
    }
    Pending cur = new Pending();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '(') {
        int j = matchingParen(s, i);
        String inner = s.substring(i + 1, j).strip();
        Pending target = cur.name.toString().isBlank() && !pending.isEmpty()
            ? pending.get(pending.size() - 1) : cur;
        target.groups.add(inner);
        i = j + 1;
      } else if (c == ',' || c == ';' || c == ':') {
        // ':' separates a collaboration from its members: "ATLAS Collaboration: A, B"
        finish(cur, pending);
        cur = new Pending();
        i++;
      } else if (s.startsWith(" and ", i) || s.startsWith(" & ", i)) {
        finish(cur, pending);
        cur = new Pending();
        i += s.startsWith(" and ", i) ? 5 : 3;
      } else if (i == 0 && s.startsWith("and ")) {
        i += 4;
      } else {
        cur.name.append(c);
        i++;
      }
    }
    finish(cur, pending);
    return resolve(pending);
  }

  private static int matchingParen(String s, int open) {
    int depth = 0;
    for (int k = open; k < s.length(); k++) {
      if (s.charAt(k) == '(') {
        depth++;
      } else if (s.charAt(k) == ')' && --depth == 0) {
        return k;
      }
    }
    return s.length(); // unbalanced: the rest of the line is the group
  }

  private static void finish(Pending cur, List<Pending> out) {
    String name = TextNormalizer.inline(cur.name.toString());
    if (name != null && name.startsWith("and ")) {
      name = name.substring(4).strip(); // ", and C"
    }
    if (name == null || name.isEmpty() || ET_AL.matcher(name).matches()) {
      if (!cur.groups.isEmpty() && !out.isEmpty()) {
        out.get(out.size() - 1).groups.addAll(cur.groups);
      }
      return;
    }
    if (SUFFIX.matcher(name).matches() && !out.isEmpty()) {
      // "J. Smith, Jr., K. Lee": the suffix belongs to the previous author
      Pending prev = out.get(out.size() - 1);
      prev.name.append(' ').append(name);
      prev.groups.addAll(cur.groups);
      return;
    }
    Matcher forThe = FOR_THE.matcher(name);
    if (forThe.matches()) {
      Pending person = new Pending();
      person.name.append(forThe.group(1));
      person.groups.addAll(cur.groups);
      Pending group = new Pending();
      group.name.append(forThe.group(2));
      out.add(person);
      out.add(group);
      return;
    }
    cur.name.setLength(0);
    cur.name.append(name);
    out.add(cur);
  }

  private static List<Author> resolve(List<Pending> pending) {
    Map<String, String> footnotes = new HashMap<>();
    for (Pending p : pending) {
      for (String g : p.groups) {
        if (g.startsWith("(")) {
          collectFootnotes(g, footnotes);
        }
      }
    }
    List<Author> out = new ArrayList<>();
    for (Pending p : pending) {
      List<String> affs = new ArrayList<>();
      for (String g : p.groups) {
        if (g.startsWith("(") && DEF_MARK.matcher(g).lookingAt()) {
          continue; // the footnote block itself
        }
        if (REFS.matcher(g).matches()) {
          for (String ref : g.split("\\D+")) {
            String aff = footnotes.get(ref);
            if (aff != null) {
              affs.add(aff);
            }
          }
        } else if (!g.isBlank()) {
          affs.add(TextNormalizer.inline(g));
        }
      }
      out.add(new Author(p.name.toString(), null, null, null, affs));
    }
    return out;
  }

  private static void collectFootnotes(String block, Map<String, String> into) {
    Matcher m = DEF_MARK.matcher(block);
    String key = null;
    int start = 0;
    while (m.find()) {
      if (key != null) {
        put(into, key, block.substring(start, m.start()));
      }
      key = m.group(1);
      start = m.end();
    }
    if (key != null) {
      put(into, key, block.substring(start));
    }
  }

  private static void put(Map<String, String> into, String key, String text) {
    String t = TextNormalizer.inline(text.replaceAll("[,;\\s]+$", ""));
    if (t != null) {
      into.putIfAbsent(key, t);
    }
  }

  private static final class Pending {
    final StringBuilder name = new StringBuilder();
    final List<String> groups = new ArrayList<>();
  }
}
