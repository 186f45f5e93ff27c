package org.paperindex.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.paperindex.model.Source;

/**
 * The links an arxiv.org abs page shows as the paper's own text: the abstract block and the
 * Comments cell, never page boilerplate (header, footer, bibliographic tools, arXivLabs, the
 * third-party "Code, Data, Media" tab).
 */
public final class AbsPageLinks {

  private final LinkExtractor extractor = new LinkExtractor();

  /** Links on the abs page in {@code html}; {@code baseUri} resolves relative hrefs. */
  public List<ExtractedLink> extract(String html, String baseUri) {
    if (html == null || html.isEmpty()) {
      return List.of();
    }
    return extract(Jsoup.parse(html, baseUri == null ? "https://arxiv.org/" : baseUri));
  }

  /** Links on an already parsed abs page. */
  public List<ExtractedLink> extract(Document doc) {
    Map<String, ExtractedLink> found = new LinkedHashMap<>();
    Element abs = doc.selectFirst("blockquote.abstract");
    if (abs != null) {
      add(found, extractor.extract(visibleText(abs), Source.ABS, false));
    } else {
      // the head-only page variant carries the abstract in a citation meta tag, URLs in full
      Element meta = doc.selectFirst("meta[name=citation_abstract]");
      if (meta != null) {
        add(found, extractor.extract(meta.attr("content"), Source.ABS, false));
      }
    }
    for (Element cell : doc.select("td.tablecell.comments")) {
      add(found, extractor.extract(visibleText(cell), Source.ABS, true));
    }
    return List.copyOf(found.values());
  }

  // arXiv shortens long URLs to "this https URL": the href is the real link, so it replaces
  // the anchor text and the wording around it is kept for the official/third-party decision
  private static String visibleText(Element block) {
    Element copy = block.clone();
    copy.select("span.descriptor").remove();
    for (Element a : copy.select("a[href]")) {
      String href = a.absUrl("href");
      if (href.isEmpty()) {
        href = a.attr("href");
      }
      a.replaceWith(new TextNode(" " + href + " "));
    }
    return copy.wholeText();
  }

  private static void add(Map<String, ExtractedLink> found, List<ExtractedLink> links) {
    for (ExtractedLink l : links) {
      found.merge(l.url(), l, (a, b) -> a.official() ? a : a.withOfficial(b.official()));
    }
  }
}
