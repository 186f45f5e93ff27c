package org.paperindex.parse;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.XMLOutputter;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Paper;
import org.paperindex.model.Source;

/**
 * Parses rss.arxiv.org listing feeds (RSS 2.0 {@code /rss/<cat>} and Atom {@code /atom/<cat>}, the
 * 2024+ generator) into a {@link FeedPage}: Rome for the standard fields, the DOM for the arXiv and
 * Dublin Core extensions, matched by namespace URI so a different prefix does not matter.
 */
public final class ArxivRssParser {

  static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
  static final Namespace ARXIV = Namespace.getNamespace("http://arxiv.org/schemas/atom");
  static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");

  // "arXiv:2609.26811v1 Announce Type: new \nAbstract: ..." - the feed prepends this to every abstract
  private static final Pattern DESCRIPTION_HEAD = Pattern.compile(
      "^\\s*arXiv:(\\S+)\\s+Announce Type:\\s*(\\S+)\\s*(?:Abstract:)?", Pattern.CASE_INSENSITIVE);
  // the pre-2024 feed appended "(arXiv:2101.00001v1 [cs.LG] UPDATED)" to titles
  private static final Pattern OLD_TITLE_SUFFIX = Pattern.compile("\\s*\\(arXiv:[^)]*\\)\\s*$");

  /** Parses one feed document; throws when it is not well-formed XML or not an RSS/Atom feed. */
  public FeedPage parse(InputStream in) throws FormatException {
    Document doc = SafeJdom.read(in, "feed");
    Element root = doc.getRootElement();
    boolean atom = "feed".equals(root.getName()) && ATOM.equals(root.getNamespace());
    boolean rss = "rss".equals(root.getName()) && root.getChild("channel") != null;
    if (!atom && !rss) {
      throw new FormatException("not an RSS 2.0 or Atom feed: root element is <"
          + root.getQualifiedName() + ">");
    }
    Element channel = atom ? root : root.getChild("channel");
    List<Element> domItems = new ArrayList<>(atom
        ? root.getChildren("entry", ATOM) : channel.getChildren("item"));
    SyndFeed feed;
    try {
      feed = new SyndFeedInput().build(doc);
    } catch (FeedException | IllegalArgumentException e) {
      throw new FormatException("feed rejected by Rome: " + e.getMessage(), e);
    }
    List<SyndEntry> entries = feed.getEntries();
    if (entries.size() != domItems.size()) {
      throw new FormatException("Rome saw " + entries.size() + " items, the DOM " + domItems.size());
    }
    List<FeedItem> items = new ArrayList<>();
    List<RejectedRecord> rejected = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Element dom = domItems.get(i);
      String rawId = entries.get(i).getUri();
      try {
        items.add(item(entries.get(i), dom));
      } catch (IllegalArgumentException e) {
        rejected.add(new RejectedRecord(rawId, String.valueOf(e.getMessage()),
            new XMLOutputter().outputString(dom)));
      }
    }
    LocalDate announced = atom
        ? isoDate(channel.getChildTextTrim("updated", ATOM))
        : firstNonNull(rfcDate(channel.getChildTextTrim("pubDate")),
            rfcDate(channel.getChildTextTrim("lastBuildDate")));
    List<String> skipDays = new ArrayList<>();
    Element skip = atom ? null : channel.getChild("skipDays");
    if (skip != null) {
      for (Element d : skip.getChildren("day")) {
        String day = TextNormalizer.inline(d.getText());
        if (day != null) {
          skipDays.add(day);
        }
      }
    }
    return new FeedPage(items, announced, skipDays, rejected);
  }

  private static FeedItem item(SyndEntry e, Element dom) {
    String description = e.getDescription() == null ? null : e.getDescription().getValue();
    Matcher head = description == null ? null : DESCRIPTION_HEAD.matcher(description);
    boolean hasHead = head != null && head.lookingAt();
    // guid/id first; the description head and the abs link are fallbacks for hand-edited feeds
    String rawId = firstNonNull(blankToNull(e.getUri()), hasHead ? head.group(1) : null,
        blankToNull(e.getLink()));
    if (rawId == null) {
      throw new IllegalArgumentException("item has no guid, id or link");
    }
    ArxivId.Versioned vid = ArxivId.parseVersioned(rawId);
    String announce = text(dom, "announce_type", ARXIV);
    if (announce == null && hasHead) {
      announce = head.group(2);
    }
    announce = announce == null ? null : announce.toLowerCase(Locale.ROOT);

    Paper.Builder b = Paper.builder(vid.id()).source(Source.RSS).version(vid.version());
    String title = TextNormalizer.inline(e.getTitle());
    b.title(title == null ? null : OLD_TITLE_SUFFIX.matcher(title).replaceFirst(""));
    if (description != null) {
      String abs = hasHead ? description.substring(head.end()) : description;
      b.abstractText(TextNormalizer.paragraphs(abs));
    }
    List<String> creators = new ArrayList<>();
    for (Element c : dom.getChildren("creator", DC)) {
      String t = TextNormalizer.inline(c.getText());
      if (t != null) {
        creators.add(t);
      }
    }
    b.authors(AuthorListParser.parse(String.join(", ", creators)));
    b.license(text(dom, "rights", DC));
    b.doi(Fields.firstDoi(firstNonNull(text(dom, "DOI", ARXIV), text(dom, "doi", ARXIV))));
    b.journalRef(firstNonNull(text(dom, "journal_reference", ARXIV), text(dom, "journal_ref", ARXIV)));
    List<String> cats = new ArrayList<>();
    for (SyndCategory c : e.getCategories()) {
      // the feed lists the primary category first, which Paper takes as primary
      String name = c.getName();
      if (Fields.isCategoryCode(name)) {
        cats.add(name.strip());
      }
    }
    b.categories(cats);
    return new FeedItem(vid.id(), vid.version(), announce, b.build());
  }

  private static String text(Element parent, String name, Namespace ns) {
    return TextNormalizer.inline(parent.getChildText(name, ns));
  }

  /** "Thu, 24 Sep 2026 00:00:00 -0400" as the date in the feed's own offset (midnight ET stays that day). */
  static LocalDate rfcDate(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return ZonedDateTime.parse(s.strip().replaceAll("\\s+", " "),
          DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
    } catch (DateTimeParseException e) {
      return null; // a channel date is informative only; an odd one must not lose the items
    }
  }

  /** "2026-09-25T04:00:11.600500+00:00" (microseconds in the new Atom feed) in its own offset. */
  static LocalDate isoDate(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s.strip()).toLocalDate();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

}
