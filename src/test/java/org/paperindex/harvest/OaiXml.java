package org.paperindex.harvest;

import java.util.List;

/** Writes small synthetic OAI-PMH pages for tests (our own data, not copies of arXiv responses). */
final class OaiXml {

  private OaiXml() {}

  /** A record line: identifier number, datestamp, and deleted flag. */
  record Rec(String id, String datestamp, boolean deleted) {}

  static Rec rec(String id, String datestamp) {
    return new Rec(id, datestamp, false);
  }

  static Rec deleted(String id, String datestamp) {
    return new Rec(id, datestamp, true);
  }

  static String page(String responseDate, String token, Rec... recs) {
    StringBuilder sb = head(responseDate).append("<ListRecords>\n");
    for (Rec r : List.of(recs)) {
      sb.append("<record><header").append(r.deleted() ? " status=\"deleted\"" : "").append(">")
          .append("<identifier>oai:arXiv.org:").append(r.id()).append("</identifier>")
          .append("<datestamp>").append(r.datestamp()).append("</datestamp></header>");
      if (!r.deleted()) {
        sb.append("<metadata><paper><title>Paper ").append(r.id()).append("</title></paper></metadata>");
      }
      sb.append("</record>\n");
    }
    if (token != null) {
      sb.append("<resumptionToken>").append(token.replace("&", "&amp;")).append("</resumptionToken>\n");
    }
    return sb.append("</ListRecords>\n</OAI-PMH>\n").toString();
  }

  static String error(String responseDate, String code, String message) {
    return head(responseDate).append("<error code=\"").append(code).append("\">").append(message)
        .append("</error>\n</OAI-PMH>\n").toString();
  }

  private static StringBuilder head(String responseDate) {
    return new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">\n<responseDate>")
        .append(responseDate).append("</responseDate>\n");
  }
}
