package org.paperindex.cli;

import java.util.List;

/**
 * Writes OAI-PMH ListRecords pages in arXiv's {@code arXiv} metadata format for end-to-end tests.
 * The papers are invented; the markup follows arXiv's (wrapped titles and abstracts, split
 * authors with affiliations, space-separated categories).
 */
final class OaiPages {
  private OaiPages() {}

  /** One invented paper. */
  record P(String id, String datestamp, String title, String category, boolean deleted) {
    static P of(String id, String datestamp, String title, String category) {
      return new P(id, datestamp, title, category, false);
    }

    static P deleted(String id, String datestamp) {
      return new P(id, datestamp, null, null, true);
    }
  }

  static String page(String responseDate, String token, List<P> papers) {
    StringBuilder sb =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">\n<responseDate>")
            .append(responseDate)
            .append("</responseDate>\n<request verb=\"ListRecords\">http://localhost/oai</request>\n")
            .append("<ListRecords>\n");
    for (P p : papers) {
      sb.append("<record>\n<header").append(p.deleted() ? " status=\"deleted\"" : "").append(">\n")
          .append(" <identifier>oai:arXiv.org:").append(p.id()).append("</identifier>\n")
          .append(" <datestamp>").append(p.datestamp()).append("</datestamp>\n")
          .append(" <setSpec>cs</setSpec>\n</header>\n");
      if (!p.deleted()) {
        sb.append("<metadata>\n <arXiv xmlns=\"http://arxiv.org/OAI/arXiv/\">\n <id>")
            .append(p.id())
            .append("</id><created>2024-01-15</created><authors><author><keyname>Lindqvist</keyname>")
            .append("<forenames>Maja</forenames><affiliation>Department of Computing, Northfield")
            .append(" University</affiliation></author><author><keyname>Okafor</keyname>")
            .append("<forenames>Chidi</forenames></author></authors><title>")
            .append(p.title().replace(" of ", " of\n  "))
            .append("</title><categories>")
            .append(p.category())
            .append("</categories><license>http://creativecommons.org/licenses/by/4.0/</license>")
            .append("<abstract>  We study lattice folding with a new method and report on\n")
            .append("its behaviour in practice.\n</abstract></arXiv>\n</metadata>\n");
      }
      sb.append("</record>\n");
    }
    if (token != null) {
      sb.append("<resumptionToken>").append(token).append("</resumptionToken>\n");
    } else {
      sb.append("<resumptionToken/>\n");
    }
    return sb.append("</ListRecords>\n</OAI-PMH>\n").toString();
  }

  static String error(String code, String message) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">\n"
        + "<responseDate>2024-03-05T10:00:00Z</responseDate>\n"
        + "<error code=\"" + code + "\">" + message + "</error>\n</OAI-PMH>\n";
  }
}
