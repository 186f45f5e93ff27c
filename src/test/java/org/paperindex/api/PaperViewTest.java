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
  void institutions_and_links_carry_provenance_and_attach_to_their_authors() throws Exception {
    String aff = "Dept. of Physics, University of Testington";
    Paper p =
        Paper.builder(ArxivId.parse("2403.00042"))
            .title("T")
            .addAuthor(new Author("Ada Quill", null, null, null, List.of(aff)))
            .addAuthor(Author.named("Tom Brook"))
            .addLink(new org.paperindex.model.Link("https://github.com/q/r", "github.com", "code", true, Source.ABS))
            .addLink(new org.paperindex.model.Link("https://zenodo.org/records/1", "zenodo.org", "dataset", false, Source.OAI))
            .addLink(new org.paperindex.model.Link("https://q.github.io/r", "q.github.io", "project", true, Source.OAI))
            .institutions(List.of(new org.paperindex.model.Institution("https://ror.org/0aaaaaa01",
                "University of Testington", "GB", "United Kingdom", 0.97321,
                java.util.Set.of(Source.OAI, Source.API), List.of(aff))))
            .build();
    JsonNode j = Json.mapper().readTree(Json.write(PaperView.of(p)));
    JsonNode inst = j.get("institutions").get(0);
    assertThat(inst.get("rorId").asText()).isEqualTo("https://ror.org/0aaaaaa01");
    assertThat(inst.get("country").asText()).isEqualTo("United Kingdom");
    assertThat(inst.get("score").asDouble()).isEqualTo(0.973);
    assertThat(inst.get("sources").toString()).isEqualTo("[\"api\",\"oai\"]");
    assertThat(j.get("authors").get(0).get("institutions").get(0).get("name").asText())
        .isEqualTo("University of Testington");
    assertThat(j.get("authors").get(1).get("institutions")).isEmpty();
    JsonNode code = j.get("codeLinks").get(0);
    assertThat(code.get("url").asText()).isEqualTo("https://github.com/q/r");
    assertThat(code.get("host").asText()).isEqualTo("github.com");
    assertThat(code.get("official").asBoolean()).isTrue();
    assertThat(code.get("source").asText()).isEqualTo("abs");
    assertThat(j.get("datasetLinks").get(0).get("kind").asText()).isEqualTo("dataset");
    assertThat(j.get("otherLinks").get(0).get("kind").asText()).isEqualTo("project");
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
