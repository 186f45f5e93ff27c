package org.paperindex.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperindex.extract.ExtractedLink.Kind;
import org.paperindex.model.Source;

class AbsPageLinksTest {

  private static String fixture(String name) throws IOException {
    try (InputStream in = AbsPageLinksTest.class.getResourceAsStream("/fixtures/extract/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void abstractAndCommentsOnlyWithHrefsBehindShortenedText() throws IOException {
    List<ExtractedLink> links = new AbsPageLinks().extract(fixture("abs-page-2024.html"), "https://arxiv.org/abs/2501.99999");
    assertThat(links)
        .extracting(ExtractedLink::url, ExtractedLink::kind, ExtractedLink::official, ExtractedLink::source)
        .containsExactly(
            tuple("https://zenodo.org/records/111", Kind.DATASET, false, Source.ABS),
            tuple("https://github.com/toy/widgets", Kind.CODE, true, Source.ABS),
            tuple("https://huggingface.co/datasets/toy/widget-bench", Kind.DATASET, true, Source.ABS));
  }

  @Test
  void headOnlyTemplateFallsBackToCitationAbstract() throws IOException {
    List<ExtractedLink> links = new AbsPageLinks().extract(fixture("abs-page-head-only.html"), null);
    assertThat(links).extracting(ExtractedLink::url, ExtractedLink::official)
        .containsExactly(tuple("https://gitlab.com/toy/solver", true));
  }

  @Test
  void emptyOrJunkHtml() {
    assertThat(new AbsPageLinks().extract("", null)).isEmpty();
    assertThat(new AbsPageLinks().extract("<html><body>no abstract</body>", null)).isEmpty();
    assertThat(new AbsPageLinks().extract(null, null)).isEmpty();
  }
}
