package org.paperindex.parse;

import java.time.LocalDate;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Paper;
import org.paperindex.model.PaperVersion;
import org.paperindex.model.Source;

/** Interprets the OAI-PMH {@code arXivRaw} format (version history, one-string author list). */
final class ArxivRawParser {

  static final String NS = "http://arxiv.org/OAI/arXivRaw/";

  private ArxivRawParser() {}

  static Paper parse(XmlNode raw, LocalDate datestamp) {
    ArxivId id = ArxivId.parse(ArxivFormatParser.required(raw, "id"));
    Paper.Builder b = Paper.builder(id).source(Source.OAI).datestamp(datestamp);
    b.submitter(TextNormalizer.inline(raw.childText("submitter")));
    String newestSize = null;
    int newest = 0;
    for (XmlNode v : raw.all("version")) {
      String label = v.attrs.get("version");
      if (label == null) {
        throw new IllegalArgumentException("<version> without version attribute");
      }
      // Paper derives submitted (v1) and updated (newest, if > v1) from these dates
      PaperVersion pv = new PaperVersion(label.strip(), Fields.rfc1123(v.childText("date")),
          TextNormalizer.inline(v.childText("size")));
      b.addVersion(pv);
      if (pv.number() > newest) {
        newest = pv.number();
        newestSize = pv.size();
      }
    }
    // arXiv replaces a withdrawn paper by an empty newest version ("0kb")
    b.withdrawn("0kb".equalsIgnoreCase(newestSize));
    b.title(TextNormalizer.inline(raw.childText("title")));
    b.authors(AuthorListParser.parse(raw.childText("authors")));
    b.categories(Fields.categories(raw.childText("categories")));
    b.comments(TextNormalizer.inline(raw.childText("comments")));
    b.reportNo(TextNormalizer.inline(raw.childText("report-no")));
    b.journalRef(TextNormalizer.inline(raw.childText("journal-ref")));
    b.doi(Fields.firstDoi(raw.childText("doi")));
    b.license(TextNormalizer.inline(raw.childText("license")));
    b.abstractText(TextNormalizer.paragraphs(raw.childText("abstract")));
    return b.build();
  }
}
