package org.paperindex.parse;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Paper;

/**
 * Streams an OAI-PMH response (ListRecords, GetRecord or an error) into an {@link OaiPage}; only one
 * {@code <record>} is held in memory at a time, and a bad record is rejected without failing the page.
 */
public final class OaiPmhParser {

  private static final XMLInputFactory FACTORY = XmlNode.safeFactory();

  /** A parsed page together with the resumption token's attributes (null when there was none). */
  public record Result(OaiPage page, ResumptionToken resumption) {}

  /** Parses a whole response; throws when the document is not a well-formed OAI-PMH response. */
  public OaiPage parse(InputStream in) throws FormatException {
    return parseWithResumption(in).page();
  }

  /** Like {@link #parse} but also returns cursor/completeListSize of the resumption token. */
  public Result parseWithResumption(InputStream in) throws FormatException {
    Instant responseDate = null;
    List<OaiRecord> records = new ArrayList<>();
    List<RejectedRecord> rejected = new ArrayList<>();
    List<OaiError> errors = new ArrayList<>();
    ResumptionToken token = null;
    XMLStreamReader r = null;
    try {
      r = FACTORY.createXMLStreamReader(in);
      boolean rootSeen = false;
      while (r.hasNext()) {
        if (r.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String name = r.getLocalName();
        if (!rootSeen) {
          rootSeen = true;
          if (!"OAI-PMH".equals(name)) {
            throw new FormatException("not an OAI-PMH response: root element is <" + name + ">");
          }
          continue;
        }
        switch (name) {
          case "responseDate" -> responseDate = responseDate(r.getElementText());
          case "error" -> errors.add(new OaiError(attr(r, "code", "unknown"), r.getElementText()));
          case "record" -> record(XmlNode.read(r), records, rejected);
          case "resumptionToken" -> {
            Long cursor = number(r.getAttributeValue(null, "cursor"));
            Long size = number(r.getAttributeValue(null, "completeListSize"));
            token = new ResumptionToken(r.getElementText(), cursor, size);
          }
          default -> { }
        }
      }
      if (!rootSeen) {
        throw new FormatException("empty document: no OAI-PMH root element");
      }
    } catch (XMLStreamException e) {
      throw new FormatException("OAI-PMH response is not well-formed XML" + where(e.getLocation())
          + ": " + e.getMessage(), e);
    } finally {
      close(r);
    }
    OaiPage page = new OaiPage(responseDate, records, rejected,
        token == null ? null : token.value(), errors);
    return new Result(page, token);
  }

  private static void record(XmlNode rec, List<OaiRecord> records, List<RejectedRecord> rejected) {
    XmlNode header = rec.first("header");
    String identifier = header == null ? null : trimmed(header.childText("identifier"));
    try {
      if (header == null) {
        throw new IllegalArgumentException("record without <header>");
      }
      ArxivId id = ArxivId.parse(identifier);
      LocalDate datestamp = Fields.date(header.childText("datestamp"));
      List<String> sets = new ArrayList<>();
      for (XmlNode s : header.all("setSpec")) {
        sets.add(s.text().strip());
      }
      if ("deleted".equals(header.attrs.get("status"))) {
        records.add(new OaiRecord(id, datestamp, sets, true, null));
        return;
      }
      Paper paper = metadata(rec.first("metadata"), datestamp);
      if (!paper.id().equals(id)) {
        throw new IllegalArgumentException(
            "metadata id " + paper.id() + " differs from header id " + id);
      }
      records.add(new OaiRecord(id, datestamp, sets, false, paper));
    } catch (IllegalArgumentException | DateTimeException e) {
      rejected.add(new RejectedRecord(identifier, String.valueOf(e.getMessage()), rec.toXml()));
    }
  }

  /** Dispatches on the payload element: namespace first, local name as fallback. */
  private static Paper metadata(XmlNode metadata, LocalDate datestamp) {
    if (metadata == null || metadata.elements().isEmpty()) {
      throw new IllegalArgumentException("record has no metadata");
    }
    XmlNode m = metadata.elements().get(0);
    if (ArxivFormatParser.NS.equals(m.ns) || "arXiv".equals(m.local)) {
      return ArxivFormatParser.parse(m, datestamp);
    }
    if (ArxivRawParser.NS.equals(m.ns) || "arXivRaw".equals(m.local)) {
      return ArxivRawParser.parse(m, datestamp);
    }
    if (OaiDcParser.NS.equals(m.ns) || "dc".equals(m.local)) {
      return OaiDcParser.parse(m, null, datestamp);
    }
    throw new IllegalArgumentException("unknown metadata format <" + m.local + "> in " + m.ns);
  }

  private static Instant responseDate(String s) throws FormatException {
    try {
      String t = s.strip();
      return t.isEmpty() ? null : t.length() == 10 ? LocalDate.parse(t).atStartOfDay().toInstant(
          java.time.ZoneOffset.UTC) : Instant.parse(t);
    } catch (DateTimeException e) {
      throw new FormatException("bad responseDate: " + Fields.abbreviate(s.strip()), e);
    }
  }

  private static String attr(XMLStreamReader r, String name, String fallback) {
    String v = r.getAttributeValue(null, name);
    return v == null || v.isBlank() ? fallback : v.strip();
  }

  private static Long number(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return null; // informational only: a bad count must not fail the page
    }
  }

  private static String trimmed(String s) {
    return s == null ? null : s.strip();
  }

  private static String where(Location loc) {
    return loc == null ? "" : " at line " + loc.getLineNumber() + ", column " + loc.getColumnNumber();
  }

  private static void close(XMLStreamReader r) {
    if (r != null) {
      try {
        r.close();
      } catch (XMLStreamException ignored) {
        // closing a reader that already failed tells us nothing new
      }
    }
  }
}
