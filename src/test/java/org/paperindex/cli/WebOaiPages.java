package org.paperindex.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * One OAI-PMH page (arXiv metadata format) of invented papers that exercise the web pages: a
 * paper with affiliations, math and code and dataset links in its abstract; a hostile title; 60
 * authors and an unbreakable long word; an old-style id.
 */
final class WebOaiPages {
  private WebOaiPages() {}

  static final String HOSTILE_TITLE = "<img src=x onerror=alert(1)> lattice folding";
  static final String LONG_WORD = "Hyperconvolutionalsupercalifragilisticexpialidociouslatticefoldingtransformerarchitecture";

  static String page() {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">\n")
        .append("<responseDate>2024-03-05T10:00:00Z</responseDate>\n")
        .append("<request verb=\"ListRecords\">http://localhost/oai</request>\n<ListRecords>\n");
    record(sb, "2403.00011", "Folding of paper lattices with learned\n  creases",
        authors(List.of(
            new String[] {"Lindqvist", "Maja", "Department of Computing, University of Testington"},
            new String[] {"Okafor", "Chidi", "Springfield Institute of Technology"},
            new String[] {"Tanaka", "Yui", null})),
        "cs.CG math.CO cs.LG",
        "  We study lattice folding of paper with $\\alpha$-stable creases and show that the\n"
            + "energy is at most $O(n \\log n)$.\n\n  Code is available at\n"
            + "https://github.com/example/lattice-fold and the data at\n"
            + "https://zenodo.org/record/1234567 for everyone.\n",
        "<comments>12 pages, 3 figures</comments><doi>10.9999/fold.2024</doi>"
            + "<journal-ref>J. Folding 3 (2024) 1-12</journal-ref>",
        "2024-03-01");
    record(sb, "2403.00012", HOSTILE_TITLE.replace("<", "&lt;").replace(">", "&gt;"),
        authors(List.<String[]>of(new String[] {"Mallory", "Eve", "<b>Evil</b> Institute"})),
        "cs.CR",
        "  A lattice folding attack: &lt;script&gt;alert(2)&lt;/script&gt; must show as text.\n",
        "", "2024-03-02");
    List<String[]> many = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      many.add(new String[] {"Author" + i, "Member", i == 1 ? "University of Testington" : null});
    }
    record(sb, "2403.00013", "A large collaboration on lattice gauge folding: " + LONG_WORD,
        authors(many), "hep-lat hep-th",
        "  Sixty people fold a lattice together and measure the gauge folding\n"
            + "spectrum at https://example.org/" + LONG_WORD + "/" + LONG_WORD + ".\n",
        "", "2024-03-03");
    record(sb, "hep-th/9901001", "Strings on a\n  folded lattice",
        authors(List.<String[]>of(new String[] {"Quill", "Ada", "Lake Observatory"})),
        "hep-th",
        "  Old-style identifiers keep their slash; we fold strings on a lattice.\n",
        "", "1999-01-04");
    return sb.append("<resumptionToken/>\n</ListRecords>\n</OAI-PMH>\n").toString();
  }

  private static String authors(List<String[]> list) {
    StringBuilder sb = new StringBuilder("<authors>");
    for (String[] a : list) {
      sb.append("<author><keyname>").append(a[0]).append("</keyname><forenames>").append(a[1])
          .append("</forenames>");
      if (a[2] != null) {
        sb.append("<affiliation>").append(a[2].replace("<", "&lt;").replace(">", "&gt;"))
            .append("</affiliation>");
      }
      sb.append("</author>");
    }
    return sb.append("</authors>").toString();
  }

  private static void record(StringBuilder sb, String id, String title, String authors,
      String categories, String abstractText, String extra, String created) {
    sb.append("<record>\n<header>\n <identifier>oai:arXiv.org:").append(id)
        .append("</identifier>\n <datestamp>2024-03-04</datestamp>\n <setSpec>cs</setSpec>\n")
        .append("</header>\n<metadata>\n <arXiv xmlns=\"http://arxiv.org/OAI/arXiv/\">\n <id>")
        .append(id).append("</id><created>").append(created).append("</created>")
        .append(authors).append("<title>").append(title).append("</title><categories>")
        .append(categories).append("</categories>").append(extra)
        .append("<license>http://creativecommons.org/licenses/by/4.0/</license><abstract>")
        .append(abstractText).append("</abstract></arXiv>\n</metadata>\n</record>\n");
  }
}
