package org.paperindex.parse;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.XMLOutputter;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Author;
import org.paperindex.model.Paper;
import org.paperindex.model.PaperVersion;
import org.paperindex.model.Source;

/**
 * Parses export.arxiv.org/api/query Atom responses (old 2016-2019 and new 2025+ backends) into an
 * {@link AtomPage}: Rome for the standard Atom fields, the DOM for arXiv extensions by namespace URI.
 */
public final class ArxivAtomParser {

  static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
  static final Namespace ARXIV = Namespace.getNamespace("http://arxiv.org/schemas/atom");
  static final Namespace OPENSEARCH = Namespace.getNamespace("http://a9.com/-/spec/opensearch/1.1/");

  /** Parses one response; throws when it is not a well-formed Atom feed. */
  public AtomPage parse(InputStream in) throws FormatException {
    Document doc = SafeJdom.read(in, "Atom response");
    Element root = doc.getRootElement();
    if (!"feed".equals(root.getName()) || !ATOM.equals(root.getNamespace())) {
      throw new FormatException("not an Atom feed: root element is <" + root.getQualifiedName() + ">");
    }
    List<Element> domEntries = new ArrayList<>(root.getChildren("entry", ATOM));
    SyndFeed feed;
    try {
      feed = new SyndFeedInput().build(doc);
    } catch (FeedException | IllegalArgumentException e) {
      throw new FormatException("Atom feed rejected by Rome: " + e.getMessage(), e);
    }
    List<SyndEntry> entries = feed.getEntries();
    if (entries.size() != domEntries.size()) {
      throw new FormatException("Rome saw " + entries.size() + " entries, the DOM "
          + domEntries.size());
    }
    List<Paper> papers = new ArrayList<>();
    List<RejectedRecord> rejected = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      SyndEntry e = entries.get(i);
      Element dom = domEntries.get(i);
      String id = e.getUri() == null ? dom.getChildTextTrim("id", ATOM) : e.getUri().strip();
      if (id != null && id.contains("api/errors")) {
        String summary = dom.getChildTextNormalize("summary", ATOM);
        errors.add(summary == null || summary.isEmpty() ? id : summary);
        continue;
      }
      try {
        papers.add(entry(id, e, dom));
      } catch (IllegalArgumentException ex) {
        rejected.add(new RejectedRecord(id, String.valueOf(ex.getMessage()),
            new XMLOutputter().outputString(dom)));
      }
    }
    return new AtomPage(count(root, "totalResults"), count(root, "startIndex"),
        count(root, "itemsPerPage"), papers, rejected, errors);
  }

  private static Paper entry(String rawId, SyndEntry e, Element dom) {
    ArxivId.Versioned vid = ArxivId.parseVersioned(rawId);
    Paper.Builder b = Paper.builder(vid.id()).source(Source.API).version(vid.version());
    b.title(TextNormalizer.inline(e.getTitle()));
    if (e.getDescription() != null) {
      b.abstractText(TextNormalizer.paragraphs(e.getDescription().getValue()));
    }
    Date published = e.getPublishedDate();
    Date updated = e.getUpdatedDate();
    if (published != null) {
      b.submitted(utcDate(published));
      b.addVersion(new PaperVersion("v1", published.toInstant(), null));
    }
    if (vid.version() > 1 && updated != null) {
      // the entry's <updated> is the date of the version it describes
      b.updated(utcDate(updated));
      b.addVersion(new PaperVersion("v" + vid.version(), updated.toInstant(), null));
    }
    for (Element a : dom.getChildren("author", ATOM)) {
      String name = a.getChildTextNormalize("name", ATOM);
      if (name == null || name.isEmpty()) {
        continue;
      }
      List<String> affs = new ArrayList<>();
      for (Element aff : a.getChildren("affiliation", ARXIV)) {
        affs.add(aff.getTextNormalize());
      }
      b.addAuthor(new Author(name, null, null, null, affs));
    }
    List<String> cats = new ArrayList<>();
    Element primary = dom.getChild("primary_category", ARXIV);
    if (primary != null && primary.getAttributeValue("term") != null) {
      String p = primary.getAttributeValue("term").strip();
      if (Fields.isCategoryCode(p)) {
        b.primaryCategory(p);
      }
    }
    for (SyndCategory c : e.getCategories()) {
      if (c.getName() != null && Fields.isCategoryCode(c.getName().strip())) {
        cats.add(c.getName().strip());
      }
    }
    b.categories(cats);
    b.comments(TextNormalizer.inline(dom.getChildText("comment", ARXIV)));
    b.journalRef(TextNormalizer.inline(dom.getChildText("journal_ref", ARXIV)));
    String doi = Fields.firstDoi(dom.getChildText("doi", ARXIV));
    if (doi == null) {
      for (SyndLink l : e.getLinks()) {
        if ("doi".equals(l.getTitle())) {
          doi = Fields.firstDoi(l.getHref());
        }
      }
    }
    b.doi(doi);
    return b.build();
  }

  private static LocalDate utcDate(Date d) {
    return d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
  }

  private static int count(Element root, String name) {
    String t = root.getChildTextTrim(name, OPENSEARCH);
    if (t == null || t.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

}
