package org.paperindex.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Author;
import org.paperindex.model.Paper;
import org.paperindex.model.Source;

/** Interprets the OAI-PMH {@code arXiv} metadata format (split author names with affiliations). */
final class ArxivFormatParser {

  static final String NS = "http://arxiv.org/OAI/arXiv/";

  private ArxivFormatParser() {}

  /**
   * Builds a paper from an {@code <arXiv>} element. Children are matched by local name only: one
   * recorded response has the element without (or in the wrong) namespace.
   */
  static Paper parse(XmlNode arxiv, LocalDate datestamp) {
    ArxivId id = ArxivId.parse(required(arxiv, "id"));
    Paper.Builder b = Paper.builder(id).source(Source.OAI).datestamp(datestamp);
    b.submitted(Fields.date(arxiv.childText("created")));
    b.updated(Fields.date(arxiv.childText("updated")));
    XmlNode authors = arxiv.first("authors");
    if (authors != null) {
      for (XmlNode a : authors.all("author")) {
        Author author = author(a);
        if (author != null) {
          b.addAuthor(author);
        }
      }
    }
    b.title(TextNormalizer.inline(arxiv.childText("title")));
    List<String> cats = Fields.categories(arxiv.childText("categories"));
    b.categories(cats);
    b.comments(TextNormalizer.inline(arxiv.childText("comments")));
    b.reportNo(TextNormalizer.inline(arxiv.childText("report-no")));
    b.journalRef(TextNormalizer.inline(arxiv.childText("journal-ref")));
    b.doi(Fields.firstDoi(arxiv.childText("doi")));
    b.license(TextNormalizer.inline(arxiv.childText("license")));
    b.abstractText(TextNormalizer.paragraphs(arxiv.childText("abstract")));
    return b.build();
  }

  /** Null for the ":" pseudo-authors that separate a collaboration from its members. */
  private static Author author(XmlNode a) {
    String keyname = TextNormalizer.inline(a.childText("keyname"));
    String forenames = TextNormalizer.inline(a.childText("forenames"));
    String suffix = TextNormalizer.inline(a.childText("suffix"));
    List<String> affs = new ArrayList<>();
    for (XmlNode aff : a.all("affiliation")) {
      String t = TextNormalizer.inline(aff.text());
      if (t != null) {
        affs.add(t);
      }
    }
    if (keyname == null && forenames == null) {
      return null;
    }
    if (forenames == null && keyname != null && keyname.matches("[:;,.]+")) {
      return null;
    }
    return Author.split(keyname, forenames, suffix, affs);
  }

  static String required(XmlNode n, String child) {
    String v = n.childText(child);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("missing <" + child + ">");
    }
    return v.strip();
  }
}
