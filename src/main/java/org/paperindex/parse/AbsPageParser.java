package org.paperindex.parse;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Author;
import org.paperindex.model.Paper;
import org.paperindex.model.PaperVersion;
import org.paperindex.model.Source;

/**
 * Parses an arxiv.org/abs page (old XHTML and current HTML5 browse templates) into a {@link Paper}:
 * Highwire {@code citation_*} meta tags first, the page body for what they lack (authors beyond
 * the first 100, comments, journal-ref, DOI, report number, subjects, version history, license).
 */
public final class AbsPageParser {

  private static final Pattern CATEGORY_IN_PARENS =
      Pattern.compile("\\(([a-z][a-z-]*(?:\\.[A-Za-z][A-Za-z-]*)?)\\)");
  private static final Pattern VERSION_MARK = Pattern.compile("\\[v(\\d{1,3})\\]");
  // "Mon, 2 Apr 2007 19:18:42 UTC": the weekday and zone are decoration, arXiv prints UTC
  private static final Pattern HISTORY_DATE =
      Pattern.compile("(\\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2})");
  private static final DateTimeFormatter HISTORY_FORMAT =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.ENGLISH);
  private static final Pattern SIZE = Pattern.compile("\\(([\\d,]+)\\s*KB\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SUBMITTER = Pattern.compile("From:\\s*(.+?)\\s*\\[");
  // arXiv's own DataCite DOI is shown on every page; it is not the publisher DOI
  private static final String ARXIV_DOI_PREFIX = "10.48550/";

  /** Parses a page from bytes (charset from the page, else UTF-8). */
  public Paper parse(InputStream in, String baseUri) throws FormatException {
    try {
      return parse(Jsoup.parse(in, null, baseUri == null ? "https://arxiv.org/" : baseUri));
    } catch (IOException e) {
      throw new FormatException("abs page could not be read: " + e.getMessage(), e);
    }
  }

  /** Parses a page held as text. */
  public Paper parse(String html) throws FormatException {
    return parse(Jsoup.parse(html, "https://arxiv.org/"));
  }

  private Paper parse(Document doc) throws FormatException {
    ArxivId.Versioned vid = identifier(doc)
        .orElseThrow(() -> new FormatException("not an arXiv abs page: no citation_arxiv_id"));
    try {
      return paper(doc, vid);
    } catch (IllegalArgumentException e) {
      throw new FormatException("abs page for " + vid.id() + " unusable: " + e.getMessage(), e);
    }
  }

  private static Paper paper(Document doc, ArxivId.Versioned vid) {
    Paper.Builder b = Paper.builder(vid.id()).source(Source.ABS).version(vid.version());
    String title = meta(doc, "citation_title");
    if (title == null) {
      title = withoutDescriptor(doc.selectFirst("h1.title"));
    }
    b.title(TextNormalizer.inline(title));
    String abs = meta(doc, "citation_abstract");
    b.abstractText(TextNormalizer.paragraphs(
        abs != null ? abs : withoutDescriptor(doc.selectFirst("blockquote.abstract"))));
    b.authors(authors(doc));
    b.submitted(slashDate(meta(doc, "citation_date")));
    String doi = Fields.firstDoi(meta(doc, "citation_doi"));

    List<String> cats = new ArrayList<>();
    for (Element label : doc.select("td.label")) {
      Element value = label.nextElementSibling();
      if (value == null) {
        continue;
      }
      // match rows by label: the template reuses classes (DOI is "msc_classes", report no. "jref")
      String key = label.text().replace('\u00a0', ' ').replace(":", "").strip().toLowerCase(Locale.ROOT);
      String text = TextNormalizer.inline(value.text());
      switch (key) {
        case "comments" -> b.comments(text);
        case "journal reference", "journal-ref" -> b.journalRef(text);
        case "report number", "report-no" -> b.reportNo(text);
        case "doi" -> doi = doi != null ? doi : Fields.firstDoi(text);
        case "subjects" -> subjects(value, b, cats);
        default -> { }
      }
    }
    if (doi != null && doi.startsWith(ARXIV_DOI_PREFIX)) {
      doi = null;
    }
    b.doi(doi);
    b.categories(cats);

    Element history = doc.selectFirst("div.submission-history");
    List<PaperVersion> versions = new ArrayList<>();
    boolean lastWithdrawn = history != null && history(history.text(), versions);
    b.versions(versions).withdrawn(lastWithdrawn);
    if (versions.isEmpty() && vid.version() > 1) {
      b.updated(slashDate(meta(doc, "citation_online_date")));
    }
    if (history != null) {
      Matcher m = SUBMITTER.matcher(history.text());
      if (m.find()) {
        b.submitter(m.group(1));
      }
    }
    Element license = doc.selectFirst("div.abs-license a[href]");
    if (license != null) {
      b.license(license.attr("href"));
    }
    return b.build();
  }

  /** citation_arxiv_id, then the canonical/og:url links and the page title for the version. */
  private static Optional<ArxivId.Versioned> identifier(Document doc) {
    List<String> candidates = new ArrayList<>();
    Element crumb = doc.selectFirst(".header-breadcrumbs-mobile strong");
    if (crumb != null) {
      candidates.add(crumb.text());
    }
    Element og = doc.selectFirst("meta[property=og:url]");
    if (og != null) {
      candidates.add(og.attr("content"));
    }
    Matcher t = Pattern.compile("^\\s*\\[([^\\]]+)\\]").matcher(doc.title());
    if (t.find()) {
      candidates.add(t.group(1));
    }
    Element canonical = doc.selectFirst("link[rel=canonical]");
    if (canonical != null) {
      candidates.add(canonical.attr("href"));
    }
    String metaId = meta(doc, "citation_arxiv_id");
    ArxivId id = metaId == null ? null : ArxivId.tryParse(metaId).orElse(null);
    int version = 0;
    for (String c : candidates) {
      try {
        ArxivId.Versioned v = ArxivId.parseVersioned(c);
        if (id == null) {
          id = v.id();
        }
        if (v.id().equals(id) && v.version() > 0) {
          version = v.version();
          break;
        }
      } catch (IllegalArgumentException ignored) {
        // a relative canonical link or an odd title: try the next candidate
      }
    }
    return id == null ? Optional.empty() : Optional.of(new ArxivId.Versioned(id, version));
  }

  /**
   * The full author list from the body (the meta tags stop at 100); names that match a meta tag
   * keep its "Keyname, Forenames" split. Parenthesised affiliations in the line are kept.
   */
  private static List<Author> authors(Document doc) {
    List<Author> fromMeta = new ArrayList<>();
    for (Element m : doc.select("meta[name=citation_author]")) {
      String v = TextNormalizer.inline(m.attr("content"));
      if (v != null) {
        int comma = v.indexOf(',');
        fromMeta.add(comma < 0 ? Author.named(v)
            : Author.split(v.substring(0, comma), v.substring(comma + 1), null, List.of()));
      }
    }
    Element div = doc.selectFirst("div.authors");
    List<String> linked = new ArrayList<>();
    if (div != null) {
      for (Element a : div.select("a")) {
        // skip "et al. (N additional authors not shown)" toggles and other non-author links
        if (a.attr("href").contains("searchtype=author") || a.attr("href").contains("/a/")) {
          String n = TextNormalizer.inline(a.text());
          if (n != null) {
            linked.add(n);
          }
        }
      }
    }
    if (linked.isEmpty()) {
      return fromMeta;
    }
    List<Author> parsed = AuthorListParser.parse(withoutDescriptor(div));
    boolean lineUsable = parsed.size() == linked.size();
    List<Author> out = new ArrayList<>();
    for (int i = 0; i < linked.size(); i++) {
      String name = linked.get(i);
      List<String> affs = lineUsable ? parsed.get(i).affiliations() : List.of();
      Author meta = i < fromMeta.size() ? fromMeta.get(i) : null;
      if (meta != null && meta.name().equals(name)) {
        out.add(new Author(name, meta.keyname(), meta.forenames(), null, affs));
      } else {
        out.add(new Author(name, null, null, null, affs));
      }
    }
    return out;
  }

  private static void subjects(Element cell, Paper.Builder b, List<String> cats) {
    Element primary = cell.selectFirst("span.primary-subject");
    if (primary != null) {
      Matcher m = CATEGORY_IN_PARENS.matcher(primary.text());
      if (m.find() && Fields.isCategoryCode(m.group(1))) {
        b.primaryCategory(m.group(1));
      }
    }
    Matcher m = CATEGORY_IN_PARENS.matcher(cell.text());
    while (m.find()) {
      if (Fields.isCategoryCode(m.group(1))) {
        cats.add(m.group(1));
      }
    }
  }

  /** Fills {@code out} from "[v1] Thu, 11 Jun 2009 14:09:14 UTC (20 KB) [v2] ..."; true if the last is withdrawn. */
  static boolean history(String text, List<PaperVersion> out) {
    Matcher v = VERSION_MARK.matcher(text);
    List<int[]> marks = new ArrayList<>();
    while (v.find()) {
      marks.add(new int[] {v.start(), v.end(), Integer.parseInt(v.group(1))});
    }
    boolean lastWithdrawn = false;
    for (int i = 0; i < marks.size(); i++) {
      int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : text.length();
      String entry = text.substring(marks.get(i)[1], end);
      int number = marks.get(i)[2];
      if (number < 1) {
        continue;
      }
      Instant date = null;
      Matcher d = HISTORY_DATE.matcher(entry);
      if (d.find()) {
        try {
          date = LocalDateTime.parse(d.group(1), HISTORY_FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
          // keep the version without a date rather than lose it
        }
      }
      Matcher s = SIZE.matcher(entry);
      String size = s.find() ? s.group(1).replace(",", "") + "kb" : null;
      // arXiv shows a withdrawn version as "(withdrawn)"; older data as a 0 KB version
      boolean withdrawn = entry.toLowerCase(Locale.ROOT).contains("withdrawn") || "0kb".equals(size);
      out.add(new PaperVersion("v" + number, date, size));
      lastWithdrawn = withdrawn;
    }
    return lastWithdrawn;
  }

  private static String meta(Document doc, String name) {
    Element m = doc.selectFirst("meta[name=" + name + "]");
    return m == null || m.attr("content").isBlank() ? null : m.attr("content");
  }

  /** "2009/06/11" (Highwire) as a date; null when absent or odd. */
  static LocalDate slashDate(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip().replace('/', '-'));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String withoutDescriptor(Element e) {
    if (e == null) {
      return null;
    }
    Element copy = e.clone();
    copy.select("span.descriptor").remove();
    return copy.wholeText().replace('\u00a0', ' ');
  }
}
