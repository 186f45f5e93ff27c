package org.paperindex.parse;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Author;
import org.paperindex.model.Paper;
import org.paperindex.model.Source;

/** Interprets Dublin Core ({@code oai_dc}) arXiv records, inside an OAI envelope or as a bare fragment. */
public final class OaiDcParser {

  static final String NS = "http://www.openarchives.org/OAI/2.0/oai_dc/";

  private static final Pattern JOURNAL_LIKE = Pattern.compile(".*\\d.*");
  // arXiv writes archive names, not codes, into dc:subject; only unambiguous archive-level
  // names are mapped, everything else is ignored (categories may end up empty)
  private static final Map<String, String> ARCHIVE_NAMES = Map.ofEntries(
      Map.entry("High Energy Physics - Theory", "hep-th"),
      Map.entry("High Energy Physics - Phenomenology", "hep-ph"),
      Map.entry("High Energy Physics - Experiment", "hep-ex"),
      Map.entry("High Energy Physics - Lattice", "hep-lat"),
      Map.entry("General Relativity and Quantum Cosmology", "gr-qc"),
      Map.entry("Quantum Physics", "quant-ph"),
      Map.entry("Nuclear Theory", "nucl-th"),
      Map.entry("Nuclear Experiment", "nucl-ex"),
      Map.entry("Mathematical Physics", "math-ph"),
      Map.entry("Astrophysics", "astro-ph"));

  private OaiDcParser() {}

  /**
   * Parses a bare {@code <oai_dc:dc>} document (no OAI-PMH envelope). The id comes from the
   * caller when given, else from the {@code http://arxiv.org/abs/...} dc:identifier.
   */
  public static Paper parseFragment(InputStream in, ArxivId id) throws FormatException {
    XmlNode dc;
    try {
      XMLStreamReader r = XmlNode.safeFactory().createXMLStreamReader(in);
      try {
        while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
          // skip prolog
        }
        if (r.getEventType() != XMLStreamConstants.START_ELEMENT || !"dc".equals(r.getLocalName())) {
          throw new FormatException("not an oai_dc fragment: no <dc> root element");
        }
        dc = XmlNode.read(r);
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw new FormatException("oai_dc fragment is not well-formed XML: " + e.getMessage(), e);
    }
    try {
      return parse(dc, id, null);
    } catch (IllegalArgumentException e) {
      throw new FormatException("invalid oai_dc record: " + e.getMessage(), e);
    }
  }

  /** {@code id} may be null: then it is read from the abs-URL dc:identifier. */
  static Paper parse(XmlNode dc, ArxivId id, LocalDate datestamp) {
    List<String> identifiers = texts(dc, "identifier");
    ArxivId paperId = id;
    String doi = null;
    String journalRef = null;
    for (String ident : identifiers) {
      if (ident.matches("(?i)https?://(www\\.)?arxiv\\.org/abs/.*")) {
        ArxivId fromUrl = ArxivId.parse(ident);
        if (paperId == null) {
          paperId = fromUrl;
        }
      } else if (ident.regionMatches(true, 0, "doi:", 0, 4)) {
        doi = doi == null ? Fields.firstDoi(ident) : doi;
      } else if (journalRef == null && JOURNAL_LIKE.matcher(ident).matches()) {
        journalRef = TextNormalizer.inline(ident);
      }
    }
    if (paperId == null) {
      throw new IllegalArgumentException("no arXiv identifier in dc:identifier");
    }
    Paper.Builder b = Paper.builder(paperId).source(Source.OAI).datestamp(datestamp);
    b.title(TextNormalizer.inline(dc.childText("title")));
    for (String creator : texts(dc, "creator")) {
      b.addAuthor(creator(creator));
    }
    List<String> cats = new ArrayList<>();
    for (String subject : texts(dc, "subject")) {
      String s = subject.strip();
      if (Fields.isCategoryCode(s)) {
        cats.add(s);
      } else if (ARCHIVE_NAMES.containsKey(s)) {
        cats.add(ARCHIVE_NAMES.get(s));
      }
    }
    b.categories(cats);
    boolean hasAbstract = false;
    for (String description : texts(dc, "description")) {
      if (description.strip().startsWith("Comment:")) {
        b.comments(TextNormalizer.inline(description.strip().substring("Comment:".length())));
      } else if (!hasAbstract) {
        hasAbstract = true;
        b.abstractText(TextNormalizer.paragraphs(description));
      }
    }
    List<String> dates = texts(dc, "date");
    if (!dates.isEmpty()) {
      b.submitted(Fields.date(dates.get(0)));
      if (dates.size() > 1) {
        b.updated(Fields.date(dates.get(dates.size() - 1)));
      }
    }
    b.doi(doi).journalRef(journalRef);
    return b.build();
  }

  /** "Keyname, Forenames" (the comma splits once: "Yuan, C. -P."); a single name stays whole. */
  private static Author creator(String raw) {
    String s = TextNormalizer.inline(raw);
    int comma = s.indexOf(',');
    if (comma < 0) {
      return Author.named(s);
    }
    String keyname = s.substring(0, comma).strip();
    String forenames = s.substring(comma + 1).strip();
    return keyname.isEmpty() ? Author.named(s) : Author.split(keyname, forenames, null, List.of());
  }

  private static List<String> texts(XmlNode parent, String local) {
    List<String> out = new ArrayList<>();
    for (XmlNode n : parent.all(local)) {
      String t = n.text();
      if (!t.isBlank()) {
        out.add(t.strip());
      }
    }
    return out;
  }
}
