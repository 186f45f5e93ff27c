package org.paperindex.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.paperindex.model.Author;

class LatexmlAffiliationParserTest {

  private final LatexmlAffiliationParser parser = new LatexmlAffiliationParser();

  @Test
  void pagesWithoutAuthorBlockGiveNoAuthors() {
    assertThat(parser.parse("")).isEmpty();
    assertThat(parser.parse("<html><body><p>no front matter</p></body></html>")).isEmpty();
    // the article's own class "ltx_authors_1line" is not the author block
    assertThat(parser.parse("<article class=\"ltx_document ltx_authors_1line\"></article>")).isEmpty();
  }

  @Test
  void oddMarkupNeverThrows() {
    for (String html : new String[] {
        "<div class=\"ltx_authors\">",
        "<div class=\"ltx_authors\"><span class=\"ltx_creator ltx_role_author\"><span class=\"ltx_personname\">",
        "<div class=\"ltx_authors\"><span class=\"ltx_creator ltx_role_author\"><span class=\"ltx_personname\">"
            + "<br class=\"ltx_break\"><br class=\"ltx_break\">&amp;&amp;<sup></sup><math alttext=\"\"></math>",
        "<div class=\"ltx_authors\"><span class=\"ltx_creator ltx_role_author\"><span class=\"ltx_personname\">"
            + "a@b.example</span><span class=\"ltx_author_notes\">is with</span></span></div>"}) {
      assertThatCode(() -> parser.parse(html)).as(html).doesNotThrowAnyException();
    }
  }

  @Test
  void truncatedDocumentStillYieldsTheAuthorsSeen() {
    String html = "<div class=\"ltx_authors\"><span class=\"ltx_creator ltx_role_author\">"
        + "<span class=\"ltx_personname\">Kim Tran<br class=\"ltx_break\">Univ. of Somewhere";
    assertThat(parser.parse(html)).containsExactly(
        new Author("Kim Tran", null, null, null, java.util.List.of("Univ. of Somewhere")));
  }

  @Test
  void readingStopsAtTheEndOfTheFrontMatter() throws IOException {
    String head = "<html><body><div class=\"ltx_authors\"><span class=\"ltx_creator ltx_role_author\">"
        + "<span class=\"ltx_personname\">Kim Tran</span></span></div><section class=\"ltx_section\">";
    // a body that fails when read proves the parser never gets there
    Reader reader = new Reader() {
      final StringReader first = new StringReader(head + " ".repeat(20_000));
      boolean drained;

      @Override
      public int read(char[] buf, int off, int len) throws IOException {
        if (!drained) {
          int n = first.read(buf, off, len);
          if (n > 0) {
            return n;
          }
          drained = true;
        }
        throw new IOException("read past the front matter");
      }

      @Override
      public void close() {}
    };
    String front = LatexmlAffiliationParser.frontMatter(reader);
    assertThat(front).startsWith("<div class=\"ltx_authors\">").doesNotContain("<section");
  }

  @Test
  void cleanDropsEmailsAndFootnoteSymbols() {
    assertThat(LatexmlAffiliationParser.clean(" Jane Roe\u2020 ")).isEqualTo("Jane Roe");
    assertThat(LatexmlAffiliationParser.clean("{a,b}@x.example")).isNull();
    assertThat(LatexmlAffiliationParser.clean("Univ X, Email: x@y.example")).isEqualTo("Univ X");
  }

  @Test
  void sentenceHeadKeepsAbbreviations() {
    assertThat(LatexmlAffiliationParser.sentenceHead("Dept. of Math, Univ. of X.Manuscript received"))
        .isEqualTo("Dept. of Math, Univ. of X");
  }
}
