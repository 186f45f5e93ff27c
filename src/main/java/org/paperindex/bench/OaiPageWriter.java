package org.paperindex.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Renders generated records as OAI-PMH ListRecords pages in arXiv's {@code arXiv} metadata format,
 * with a resumption token naming the next page, the way oaipmh.arxiv.org answers.
 */
public final class OaiPageWriter {

  private OaiPageWriter() {}

  /** The resumption token for the page that starts at record {@code from}. */
  public static String token(long from) {
    return "bench|" + from;
  }

  /** Parses {@link #token}; -1 when it is not one of ours. */
  public static long tokenStart(String token) {
    if (token == null || !token.startsWith("bench|")) {
      return -1;
    }
    try {
      return Long.parseLong(token.substring(6));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The page holding records {@code from..min(from+size,total)-1}, as UTF-8 XML. */
  public static byte[] page(SyntheticArxiv gen, long from, int size, long total, Instant responseDate) {
    long to = Math.min(total, from + size);
    StringBuilder sb = new StringBuilder((int) (to - from) * 2_600 + 1_024);
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">\n")
        .append("<responseDate>").append(responseDate.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append("</responseDate>\n")
        .append("<request verb=\"ListRecords\" metadataPrefix=\"arXiv\">http://127.0.0.1/oai</request>\n")
        .append("<ListRecords>\n");
    for (long i = from; i < to; i++) {
      record(gen.paper(i), sb);
    }
    sb.append("<resumptionToken cursor=\"").append(from).append("\" completeListSize=\"").append(total)
        .append("\">");
    if (to < total) {
      sb.append(token(to));
    }
    sb.append("</resumptionToken>\n</ListRecords>\n</OAI-PMH>\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void record(SyntheticPaper p, StringBuilder sb) {
    sb.append("<record><header><identifier>oai:arXiv.org:").append(p.id()).append("</identifier><datestamp>")
        .append(p.updateDate()).append("</datestamp><setSpec>")
        .append(setSpec(p.categories().get(0))).append("</setSpec></header>\n<metadata>\n")
        .append("<arXiv xmlns=\"http://arxiv.org/OAI/arXiv/\">\n<id>").append(p.id()).append("</id>");
    List<Instant> vs = p.versions();
    element(sb, "created", vs.get(0).atOffset(ZoneOffset.UTC).toLocalDate().toString());
    if (vs.size() > 1) {
      element(sb, "updated", vs.get(vs.size() - 1).atOffset(ZoneOffset.UTC).toLocalDate().toString());
    }
    sb.append("<authors>");
    for (List<String> a : p.authors()) {
      sb.append("<author>");
      element(sb, "keyname", a.get(0));
      element(sb, "forenames", a.get(1));
      element(sb, "suffix", a.get(2));
      for (int k = 3; k < a.size(); k++) {
        element(sb, "affiliation", a.get(k));
      }
      sb.append("</author>");
    }
    sb.append("</authors>");
    element(sb, "title", p.title());
    element(sb, "categories", String.join(" ", p.categories()));
    element(sb, "comments", p.comments());
    element(sb, "report-no", p.reportNo());
    element(sb, "journal-ref", p.journalRef());
    element(sb, "doi", p.doi());
    element(sb, "license", p.license());
    element(sb, "abstract", p.abstractText());
    sb.append("</arXiv>\n</metadata>\n</record>\n");
  }

  private static String setSpec(String category) {
    int dot = category.indexOf('.');
    String archive = dot < 0 ? category : category.substring(0, dot);
    return archive.equals("cs") || archive.equals("math") || archive.equals("stat")
        || archive.startsWith("q-") || archive.equals("eess") || archive.equals("econ")
        ? archive : "physics:" + archive;
  }

  private static void element(StringBuilder sb, String name, String text) {
    if (text == null || text.isEmpty()) {
      return;
    }
    sb.append('<').append(name).append('>');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> sb.append(c);
      }
    }
    sb.append("</").append(name).append('>');
  }
}
