package org.paperindex.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.paperindex.model.Author;

/**
 * Extracts authors and their raw affiliation strings from the front matter of arXiv's LaTeXML
 * HTML full text (arxiv.org/html/&lt;id&gt;). Handles structured {@code ltx_contact} affiliations
 * and the common unstructured layouts (names, affiliations and e-mails in one {@code
 * ltx_personname} split by {@code <br class="ltx_break">}, superscript markers, {@code \AND}
 * error spans, "&amp;" column separators, affiliations only in author-note prose). E-mails and
 * footnote marks are dropped. Never throws on odd markup; reads only up to the end of the front
 * matter.
 */
public final class LatexmlAffiliationParser {

  /** Stop reading after this many characters even if the front matter never ended. */
  static final int MAX_CHARS = 4_000_000;

  private static final Pattern AUTHORS_DIV =
      Pattern.compile("class\\s*=\\s*\"(?:[^\"]*\\s)?ltx_authors(?:\\s[^\"]*)?\"");
  // the first thing LaTeXML emits after the author block
  private static final Pattern FRONT_MATTER_END = Pattern.compile(
      "<section|class\\s*=\\s*\"(?:[^\"]*\\s)?ltx_(?:abstract|dates|para|keywords|classification)\\b");
  private static final Pattern EMAIL = Pattern.compile("\\S*[\\w}]@[\\w.-]+\\.[A-Za-z]{2,}\\S*");
  private static final Pattern NAME_SEPARATORS = Pattern.compile("\\s*(?:,|;|&|\\band\\b)\\s*");
  private static final Pattern MARK_SYMBOLS = Pattern.compile("[*\u2020\u2021\u00a7\u00b6\u2217\u22c6\u2726\u2605]");
  private static final Pattern SUPERSCRIPT = Pattern.compile("^\\s*(?:\\{\\})?\\^\\{?([^{}]*)\\}?\\s*$");
  private static final Pattern AND_MACRO = Pattern.compile("\\\\(?:AND|And|and)");
  // "... were with the Aeronautics Institute of Technology, Brazil." in author-note prose
  private static final Pattern WITH_AFFILIATION =
      Pattern.compile("\\b(?:is|are|was|were) (?:with|at) (?:the )?");

  /** Reads only the front matter of a LaTeXML page; empty when there is no author block. */
  public List<Author> parse(InputStream in) throws IOException {
    return parseFrontMatter(frontMatter(new InputStreamReader(in, StandardCharsets.UTF_8)));
  }

  /** Same as {@link #parse(InputStream)} for a page held as text. */
  public List<Author> parse(String html) {
    try {
      return parseFrontMatter(frontMatter(new java.io.StringReader(html)));
    } catch (IOException e) {
      throw new IllegalStateException(e); // a StringReader does not fail
    }
  }

  /** The HTML from the author block's opening tag to the start of whatever follows it, or "". */
  static String frontMatter(Reader reader) throws IOException {
    StringBuilder buf = new StringBuilder();
    char[] chunk = new char[16_384];
    int start = -1;
    int n;
    while (buf.length() < MAX_CHARS && (n = reader.read(chunk)) > 0) {
      int scanFrom = Math.max(0, buf.length() - 200); // a marker may straddle two chunks
      buf.append(chunk, 0, n);
      if (start < 0) {
        Matcher m = AUTHORS_DIV.matcher(buf).region(scanFrom, buf.length());
        if (m.find()) {
          start = Math.max(0, buf.lastIndexOf("<", m.start()));
          scanFrom = m.end();
        }
      }
      if (start >= 0) {
        Matcher end = FRONT_MATTER_END.matcher(buf).region(Math.max(scanFrom, start + 1), buf.length());
        if (end.find()) {
          return buf.substring(start, Math.max(start, buf.lastIndexOf("<", end.start())));
        }
      }
    }
    return start < 0 ? "" : buf.substring(start);
  }

  private static List<Author> parseFrontMatter(String html) {
    if (html.isEmpty()) {
      return List.of();
    }
    Document doc = Jsoup.parseBodyFragment(html);
    List<Author> out = new ArrayList<>();
    for (Element creator : doc.select(".ltx_creator.ltx_role_author")) {
      try {
        out.addAll(creator(creator));
      } catch (RuntimeException e) {
        // odd markup in one creator must not cost the others
      }
    }
    return out;
  }

  private static List<Author> creator(Element creator) {
    List<String> contacts = new ArrayList<>();
    for (Element c : creator.select(".ltx_contact.ltx_role_affiliation, .ltx_contact.ltx_role_address")) {
      String t = clean(textWithoutNotes(c));
      if (t != null) {
        contacts.add(t);
      }
    }
    Element personname = creator.selectFirst(".ltx_personname");
    List<Pending> people = new ArrayList<>();
    if (personname != null) {
      Walker w = new Walker();
      w.walk(personname);
      for (List<List<Seg>> block : w.blocks) {
        people.addAll(block(block));
      }
    }
    if (!contacts.isEmpty()) {
      for (Pending p : people) {
        p.affiliations.addAll(contacts);
      }
    }
    Element notes = creator.selectFirst(".ltx_author_notes");
    if (notes != null) {
      fromNotes(textWithoutNotes(notes, ".ltx_contact"), people);
    }
    List<Author> out = new ArrayList<>();
    for (Pending p : people) {
      out.add(new Author(p.name, null, null, null, p.affiliations));
    }
    return out;
  }

  /** One author block: line 0 holds the name(s), later lines affiliations (maybe marker-keyed). */
  private static List<Pending> block(List<List<Seg>> lines) {
    int first = 0;
    while (first < lines.size() && clean(joined(lines.get(first))) == null) {
      first++;
    }
    if (first >= lines.size()) {
      return List.of();
    }
    List<Pending> names = names(lines.get(first));
    Map<String, String> keyed = new LinkedHashMap<>();
    List<String> shared = new ArrayList<>();
    String lastKey = null;
    for (List<Seg> line : lines.subList(first + 1, lines.size())) {
      int lead = 0;
      while (lead < line.size() && !line.get(lead).mark && line.get(lead).text.isBlank()) {
        lead++; // pretty-printed markup puts whitespace before the marker
      }
      String key = lead < line.size() && line.get(lead).mark ? line.get(lead).text : null;
      String text = clean(joined(key == null ? line : line.subList(lead + 1, line.size())));
      if (text == null) {
        continue;
      }
      if (key != null) {
        keyed.merge(key, text, (a, b) -> a + ", " + b);
        lastKey = key;
      } else if (lastKey != null) {
        keyed.merge(lastKey, text, (a, b) -> a + ", " + b); // a wrapped address
      } else {
        shared.add(text);
      }
    }
    for (Pending p : names) {
      boolean found = false;
      for (String m : p.marks) {
        for (String ref : m.split("[,\\s]+")) {
          String aff = keyed.get(ref);
          if (aff != null) {
            p.affiliations.add(aff);
            found = true;
          }
        }
      }
      if (!found) {
        p.affiliations.addAll(shared);
      }
    }
    return names;
  }

  private static List<Pending> names(List<Seg> line) {
    List<Pending> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    List<String> marks = new ArrayList<>();
    for (Seg s : line) {
      if (s.mark) {
        marks.add(s.text);
        continue;
      }
      String[] pieces = NAME_SEPARATORS.split(s.text, -1);
      for (int i = 0; i < pieces.length; i++) {
        if (i > 0) {
          flushName(cur, marks, out);
        }
        cur.append(pieces[i]);
      }
    }
    flushName(cur, marks, out);
    return out;
  }

  private static void flushName(StringBuilder cur, List<String> marks, List<Pending> out) {
    String name = clean(cur.toString());
    if (name != null) {
      name = name.replaceAll("\\s*\\d+(?:,\\d+)*$", "").replaceAll("^and\\s+", "").strip();
    }
    if (name != null && !name.isEmpty() && name.chars().anyMatch(Character::isLetter)) {
      Pending p = new Pending(name);
      p.marks.addAll(marks);
      out.add(p);
      marks.clear();
    } else if (!marks.isEmpty() && !out.isEmpty()) {
      out.get(out.size() - 1).marks.addAll(marks); // "Name $^1$ ," - the mark came after the name
      marks.clear();
    }
    cur.setLength(0);
  }

  /** Affiliations stated in author-note prose, for authors that have none yet. */
  private static void fromNotes(String notes, List<Pending> people) {
    String text = TextNormalizer.inline(notes);
    // prose is the weakest evidence: only for authors the markup gave no affiliation
    List<Pending> eligible = people.stream().filter(p -> p.affiliations.isEmpty()).toList();
    if (text == null || eligible.isEmpty()) {
      return;
    }
    Matcher m = WITH_AFFILIATION.matcher(text);
    int subjectStart = 0;
    while (m.find()) {
      String aff = clean(sentenceHead(text.substring(m.end())));
      String subject = text.substring(subjectStart, m.start());
      subjectStart = m.end();
      if (aff == null) {
        continue;
      }
      List<Pending> named = new ArrayList<>();
      for (Pending p : eligible) {
        String[] parts = p.name.split("\\s+");
        if (subject.contains(parts[parts.length - 1])) {
          named.add(p);
        }
      }
      // "A and B were with X": the named authors; an impersonal "were with X": everyone eligible
      for (Pending p : named.isEmpty() ? eligible : named) {
        if (!p.affiliations.contains(aff)) {
          p.affiliations.add(aff);
        }
      }
    }
  }

  /**
   * Text up to the end of the sentence: ";", a period glued to a capitalised word (LaTeX runs
   * footnotes together: "Brazil.Manuscript"), or a period and space before a capital unless the
   * period ends a short abbreviation ("Univ. Of", "Dept. Of").
   */
  static String sentenceHead(String s) {
    Matcher end = Pattern.compile(";|\\.(?=[A-Z][a-z])|\\.(?=\\s+[A-Z])|\\.\\s*$").matcher(s);
    while (end.find()) {
      if (end.group().startsWith(".") && s.length() > end.end() && Character.isWhitespace(s.charAt(end.end()))) {
        int wordStart = end.start();
        while (wordStart > 0 && Character.isLetter(s.charAt(wordStart - 1))) {
          wordStart--;
        }
        String word = s.substring(wordStart, end.start());
        if (word.length() <= 4 && !word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
          continue;
        }
      }
      return s.substring(0, end.start());
    }
    return s;
  }

  /** Trimmed text without e-mails, footnote symbols and stray separators; null when nothing is left. */
  static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = EMAIL.matcher(s).replaceAll(" ");
    t = MARK_SYMBOLS.matcher(t).replaceAll(" ");
    t = t.replace('\u00a0', ' ');
    t = TextNormalizer.inline(t);
    if (t == null) {
      return null;
    }
    t = t.replaceAll("\\(\\s*\\)", " ").replaceAll("(?i)\\be-?mails?\\s*:?\\s*$", "");
    t = t.replaceAll("^[\\s,;:&]+|[\\s,;:&]+$", "").strip();
    return t.isEmpty() ? null : t;
  }

  private static String textWithoutNotes(Element e, String... alsoDrop) {
    Element copy = e.clone();
    copy.select(".ltx_note, .ltx_role_email, a[href^=mailto:], .ltx_ERROR").remove();
    for (String sel : alsoDrop) {
      copy.select(sel).remove();
    }
    return copy.text();
  }

  private static String joined(List<Seg> line) {
    StringBuilder b = new StringBuilder();
    for (Seg s : line) {
      if (!s.mark) {
        b.append(s.text);
      }
    }
    return b.toString();
  }

  /** Flattens an {@code ltx_personname} into author blocks of lines of text/marker segments. */
  private static final class Walker {
    final List<List<List<Seg>>> blocks = new ArrayList<>();
    List<List<Seg>> block = new ArrayList<>();
    List<Seg> line = new ArrayList<>();

    Walker() {
      block.add(line);
      blocks.add(block);
    }

    void walk(Node node) {
      for (Node child : node.childNodes()) {
        if (child instanceof TextNode t) {
          text(t.getWholeText());
        } else if (child instanceof Element e) {
          element(e);
        }
      }
    }

    private void element(Element e) {
      String tag = e.normalName();
      if (tag.equals("br")) {
        newLine();
      } else if (e.hasClass("ltx_ERROR")) {
        // an unexpanded \AND from a conference style separates authors; other errors are noise
        if (AND_MACRO.matcher(e.text()).find()) {
          newBlock();
        }
      } else if (e.hasClass("ltx_note") || e.hasClass("ltx_role_email") || e.hasClass("ltx_contact")
          || (tag.equals("a") && e.attr("href").toLowerCase(Locale.ROOT).startsWith("mailto:"))) {
        return; // footnotes, e-mails and structured contacts are handled elsewhere or dropped
      } else if (tag.equals("math")) {
        Matcher sup = SUPERSCRIPT.matcher(e.attr("alttext"));
        if (sup.matches()) {
          mark(sup.group(1));
        } else {
          text(" " + e.attr("alttext") + " ");
        }
      } else if (tag.equals("sup")) {
        mark(e.text());
      } else {
        walk(e);
      }
    }

    private void text(String s) {
      // "&Name" at the start of a chunk is a LaTeX tabular column break between authors
      int from = 0;
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) == '&' && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))
            && i + 1 < s.length() && !Character.isWhitespace(s.charAt(i + 1))) {
          line.add(new Seg(s.substring(from, i), false));
          newBlock();
          from = i + 1;
        }
      }
      line.add(new Seg(s.substring(from), false));
    }

    private void mark(String m) {
      String t = TextNormalizer.inline(MARK_SYMBOLS.matcher(m).replaceAll(" "));
      if (t != null) {
        line.add(new Seg(t, true));
      }
    }

    private void newLine() {
      line = new ArrayList<>();
      block.add(line);
    }

    private void newBlock() {
      block = new ArrayList<>();
      line = new ArrayList<>();
      block.add(line);
      blocks.add(block);
    }
  }

  private record Seg(String text, boolean mark) {}

  private static final class Pending {
    final String name;
    final List<String> marks = new ArrayList<>();
    final List<String> affiliations = new ArrayList<>();

    Pending(String name) {
      this.name = name;
    }
  }
}
