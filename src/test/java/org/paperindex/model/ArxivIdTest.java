package org.paperindex.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArxivIdTest {

  @ParameterizedTest
  @CsvSource({
    "2101.00001, 2101.00001, 0",
    "2101.00001v2, 2101.00001, 2",
    "arXiv:2101.00001, 2101.00001, 0",
    "ARXIV:2101.00001v12, 2101.00001, 12",
    "0704.0001, 0704.0001, 0",
    "hep-th/9901001, hep-th/9901001, 0",
    "hep-th/9901001v3, hep-th/9901001, 3",
    "math.AG/0601001, math/0601001, 0",
    "oai:arXiv.org:hep-th/9901001, hep-th/9901001, 0",
    "oai:arXiv.org:2101.00001, 2101.00001, 0",
    "https://arxiv.org/abs/2101.00001v2, 2101.00001, 2",
    "http://arxiv.org/abs/hep-th/9901001, hep-th/9901001, 0",
    "https://arxiv.org/pdf/2101.00001v1.pdf, 2101.00001, 1",
    "https://export.arxiv.org/abs/2101.00001?context=cs, 2101.00001, 0",
    "arxiv.org/html/2101.00001v3/, 2101.00001, 3",
    "'  2101.00001  ', 2101.00001, 0"
  })
  void accepts_every_form_users_paste(String raw, String id, int version) {
    ArxivId.Versioned v = ArxivId.parseVersioned(raw);
    assertThat(v.id().value()).isEqualTo(id);
    assertThat(v.version()).isEqualTo(version);
    // the digit count that lets tryParse skip search text must let every real form through
    assertThat(ArxivId.tryParse(raw)).contains(v.id());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", " ", "bogus", "2101.001", "2113.00001", "2101.00001v0", "2101.00001v", "2101.00001x",
        "hep-th/99010", "../../etc/passwd", "2101.00001/related", "<script>"
      })
  void rejects_what_is_not_an_arxiv_id_with_a_clear_message(String raw) {
    assertThatThrownBy(() -> ArxivId.parse(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("arXiv");
    assertThat(ArxivId.tryParse(raw)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2101.00001", "hep-th/9901001"})
  void old_style_is_recognised(String raw) {
    assertThat(ArxivId.parse(raw).oldStyle()).isEqualTo(raw.contains("/"));
  }

  @org.junit.jupiter.api.Test
  void overlong_input_is_rejected_quickly() {
    assertThatThrownBy(() -> ArxivId.parse("2101.00001" + "v1".repeat(10_000)))
        .hasMessageContaining("too long");
  }
}
