package org.paperindex.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Author;
import org.paperindex.model.Paper;
import org.paperindex.model.PaperVersion;
import org.paperindex.model.Source;

class PaperViewTest {

  @Test
  void the_detail_json_has_every_contract_field() throws Exception {
    Paper p =
        Paper.builder(ArxivId.parse("hep-th/9901001"))
            .title("Strings on a lattice")
            .abstractText("We show that.\n\nThen more.")
            .addAuthor(Author.split("Quill", "Ada", null, List.of("Lake Observatory")))
            .categories(List.of("hep-th", "hep-lat"))
            .license("http://creativecommons.org/licenses/by/4.0/")
            .addVersion(new PaperVersion("v1", Instant.parse("1999-01-04T10:00:00Z"), "20kb"))
            .addVersion(new PaperVersion("v2", Instant.parse("1999-03-01T10:00:00Z"), "21kb"))
            .doi("10.9999/x")
            .source(Source.OAI)
            .build();
    JsonNode j = Json.mapper().readTree(Json.write(PaperView.of(p)));
    assertThat(j.get("id").asText()).isEqualTo("hep-th/9901001");
    assertThat(j.get("version").asText()).isEqualTo("v2");
    assertThat(j.get("abstract").asText()).isEqualTo("We show that.\n\nThen more.");
    assertThat(j.get("authors").get(0).get("name").asText()).isEqualTo("Ada Quill");
    assertThat(j.get("authors").get(0).get("affiliations").get(0).asText()).isEqualTo("Lake Observatory");
    assertThat(j.get("primaryCategory").asText()).isEqualTo("hep-th");
    assertThat(j.get("submitted").asText()).isEqualTo("1999-01-04");
    assertThat(j.get("updated").asText()).isEqualTo("1999-03-01");
    assertThat(j.get("year").asInt()).isEqualTo(1999);
    assertThat(j.get("openAccess").asBoolean()).isTrue();
    assertThat(j.get("withdrawn").asBoolean()).isFalse();
    assertThat(j.get("versions").get(1).get("date").asText()).isEqualTo("1999-03-01T10:00:00Z");
    assertThat(j.get("urls").get("abs").asText()).isEqualTo("https://arxiv.org/abs/hep-th/9901001");
    assertThat(j.get("urls").get("pdf").asText()).isEqualTo("https://arxiv.org/pdf/hep-th/9901001");
    assertThat(j.get("source").asText()).isEqualTo("arXiv");
    assertThat(j.get("type").asText()).isEqualTo("preprint");
    for (String f : List.of("journalRef", "comments", "doi", "license", "categories")) {
      assertThat(j.has(f)).as(f).isTrue();
    }
  }

  @Test
  void arxiv_default_licence_is_free_to_read_but_not_open_licensed() {
    assertThat(PaperView.isOpenLicense("http://arxiv.org/licenses/nonexclusive-distrib/1.0/")).isFalse();
    assertThat(PaperView.isOpenLicense("http://creativecommons.org/publicdomain/zero/1.0/")).isTrue();
    assertThat(PaperView.isOpenLicense(null)).isFalse();
  }

  @Test
  void errors_render_as_json_and_hide_internal_exceptions() {
    assertThat(ApiErrors.toView(ApiException.badRequest("size must be 1..100")))
        .isEqualTo(new ErrorView("size must be 1..100", 400));
    assertThat(ApiErrors.toView(new IllegalStateException("secret internals")).error())
        .doesNotContain("secret");
    assertThat(ApiErrors.toView(new RuntimeException(ApiException.notFound("no paper x"))).status())
        .isEqualTo(404);
  }
}
