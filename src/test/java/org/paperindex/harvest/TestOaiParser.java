package org.paperindex.harvest;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Paper;
import org.paperindex.parse.FormatException;
import org.paperindex.parse.OaiError;
import org.paperindex.parse.OaiPage;
import org.paperindex.parse.OaiRecord;
import org.paperindex.parse.RejectedRecord;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A minimal DOM parser for the pages {@link OaiXml} writes; a stand-in for the real OaiPmhParser. */
final class TestOaiParser implements OaiPageParser {

  @Override
  public OaiPage parse(InputStream in) throws FormatException {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // silent; fatal errors still throw
      doc = b.parse(in);
    } catch (Exception e) {
      throw new FormatException("not well-formed XML: " + e.getMessage(), e);
    }
    Element root = doc.getDocumentElement();
    if (!root.getLocalName().equals("OAI-PMH")) {
      throw new FormatException("root is " + root.getLocalName() + ", not OAI-PMH");
    }
    Instant responseDate = Instant.parse(text(root, "responseDate"));
    List<OaiError> errors = new ArrayList<>();
    NodeList errs = root.getElementsByTagNameNS("*", "error");
    for (int i = 0; i < errs.getLength(); i++) {
      Element e = (Element) errs.item(i);
      errors.add(new OaiError(e.getAttribute("code"), e.getTextContent()));
    }
    List<OaiRecord> records = new ArrayList<>();
    List<RejectedRecord> rejected = new ArrayList<>();
    NodeList recs = root.getElementsByTagNameNS("*", "record");
    for (int i = 0; i < recs.getLength(); i++) {
      Element r = (Element) recs.item(i);
      String identifier = text(r, "identifier");
      try {
        ArxivId id = ArxivId.parse(identifier);
        LocalDate datestamp = LocalDate.parse(text(r, "datestamp"));
        Element header = (Element) r.getElementsByTagNameNS("*", "header").item(0);
        boolean deleted = "deleted".equals(header.getAttribute("status"));
        Paper paper = deleted ? null
            : Paper.builder(id).title(text(r, "title")).datestamp(datestamp).build();
        records.add(new OaiRecord(id, datestamp, List.of(), deleted, paper));
      } catch (RuntimeException e) {
        rejected.add(new RejectedRecord(identifier, e.getMessage(), ""));
      }
    }
    String token = text(root, "resumptionToken");
    return new OaiPage(responseDate, records, rejected, token, errors);
  }

  private static String text(Element parent, String localName) {
    NodeList n = parent.getElementsByTagNameNS("*", localName);
    return n.getLength() == 0 ? null : n.item(0).getTextContent().strip();
  }
}
