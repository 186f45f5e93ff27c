package org.paperindex.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.paperindex.model.Source;

class ArxivRssParserTest {

  private static FeedPage parse(String xml) throws FormatException {
    return new ArxivRssParser().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String rss(String channelExtra, String items) {
    return "<?xml version='1.0' encoding='UTF-8'?><rss version=\"2.0\""
        + " xmlns:arxiv=\"http://arxiv.org/schemas/atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        + "<channel><title>t</title><link>http://rss.arxiv.org/rss/cs.LG</link><description>d</description>"
        + channelExtra + items + "</channel></rss>";
  }

  @Test
  void notXmlIsAFormatException() {
    assertThatThrownBy(() -> parse("<html><body>Service Unavailable"))
        .isInstanceOf(FormatException.class);
    assertThatThrownBy(() -> parse("")).isInstanceOf(FormatException.class);
  }

  @Test
  void otherXmlRootIsAFormatException() {
    assertThatThrownBy(() -> parse("<OAI-PMH/>"))
        .isInstanceOf(FormatException.class).hasMessageContaining("OAI-PMH");
  }

  @Test
  void doctypeIsRefused() {
    String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>";
    assertThatThrownBy(() -> parse(xml)).isInstanceOf(FormatException.class);
  }

  @Test
  void emptyWeekendFeedHasNoItemsButKeepsTheDate() throws Exception {
    FeedPage page = parse(rss("<lastBuildDate>Sat, 07 Mar 2026 05:00:00 +0000</lastBuildDate>"
        + "<skipDays><day>Saturday</day><day>Sunday</day></skipDays>", ""));
    assertThat(page.items()).isEmpty();
    assertThat(page.rejected()).isEmpty();
    // no pubDate: lastBuildDate is the fallback
    assertThat(page.announced()).isEqualTo(LocalDate.of(2026, 3, 7));
    assertThat(page.skipDays()).containsExactly("Saturday", "Sunday");
  }

  @Test
  void pubDateKeepsItsOwnOffsetSoMidnightEasternIsThatDay() throws Exception {
    FeedPage page = parse(rss("<pubDate>Tue, 03 Mar 2026 00:00:00 -0500</pubDate>"
        + "<lastBuildDate>Mon, 02 Mar 2026 23:59:00 +0000</lastBuildDate>", ""));
    assertThat(page.announced()).isEqualTo(LocalDate.of(2026, 3, 3));
  }

  @Test
  void announceTypeMatchedByNamespaceUriAndDescriptionHeadStripped() throws Exception {
    String item = "<item xmlns:q=\"http://arxiv.org/schemas/atom\"><title>T</title>"
        + "<description>arXiv:2603.00001v2 Announce Type: replace \nAbstract: The abstract.</description>"
        + "<guid isPermaLink=\"false\">oai:arXiv.org:2603.00001v2</guid>"
        + "<q:announce_type>replace</q:announce_type>"
        // same local name, wrong namespace: must be ignored
        + "<x:DOI xmlns:x=\"urn:other\">10.9999/wrong</x:DOI><q:DOI>10.1000/right</q:DOI>"
        + "<dc:creator>A. One, B. Two</dc:creator><dc:rights>http://lic/</dc:rights>"
        + "<category>cs.LG</category></item>";
    FeedItem it = parse(rss("", item)).items().get(0);
    assertThat(it.announceType()).isEqualTo("replace");
    assertThat(it.version()).isEqualTo(2);
    assertThat(it.paper().abstractText()).isEqualTo("The abstract.");
    assertThat(it.paper().doi()).isEqualTo("10.1000/right");
    assertThat(it.paper().license()).isEqualTo("http://lic/");
    assertThat(it.paper().sources()).containsExactly(Source.RSS);
    assertThat(it.paper().authors()).extracting(a -> a.name()).containsExactly("A. One", "B. Two");
  }

  @Test
  void announceTypeFallsBackToTheDescriptionAndIdToTheLink() throws Exception {
    String item = "<item><title>T</title><link>https://arxiv.org/abs/2603.00002</link>"
        + "<description>arXiv:2603.00002v1 Announce Type: cross \nAbstract: A.</description></item>";
    FeedItem it = parse(rss("", item)).items().get(0);
    assertThat(it.id().value()).isEqualTo("2603.00002");
    assertThat(it.announceType()).isEqualTo("cross");
  }

  @Test
  void oldStyleTitleSuffixIsRemovedAndMscCodesAreNotCategories() throws Exception {
    String item = "<item><title>Old Feed Title. (arXiv:2101.00001v1 [math.CO] UPDATED)</title>"
        + "<guid>oai:arXiv.org:2101.00001v1</guid><description>Plain abstract.</description>"
        + "<category>math.CO</category><category>05A15</category></item>";
    FeedItem it = parse(rss("", item)).items().get(0);
    assertThat(it.paper().title()).isEqualTo("Old Feed Title.");
    assertThat(it.paper().abstractText()).isEqualTo("Plain abstract.");
    assertThat(it.paper().categories()).containsExactly("math.CO");
    assertThat(it.announceType()).isNull();
  }

  @Test
  void brokenItemIsRejectedAndTheRestSurvive() throws Exception {
    String items = "<item><title>No id at all</title><description>x</description></item>"
        + "<item><title>Good</title><guid>oai:arXiv.org:2603.00003v1</guid></item>";
    FeedPage page = parse(rss("", items));
    assertThat(page.items()).extracting(i -> i.id().value()).containsExactly("2603.00003");
    assertThat(page.rejected()).hasSize(1);
    assertThat(page.rejected().get(0).raw()).contains("No id at all");
  }
}
