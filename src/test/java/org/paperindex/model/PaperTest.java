package org.paperindex.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperTest {
  private static final ArxivId ID = ArxivId.parse("2101.00001");

  @Test
  void a_paper_needs_a_title_unless_it_is_a_withdrawn_stub() {
    assertThatThrownBy(() -> Paper.builder(ID).build()).hasMessageContaining("needs a title");
    Paper stub = Paper.builder(ID).withdrawn(true).build();
    assertThat(stub.isStub()).isTrue();
  }

  @Test
  void categories_are_validated_and_the_primary_comes_first() {
    Paper p = Paper.builder(ID).title("T").categories(List.of("cs.LG", "stat.ML")).primaryCategory("stat.ML").build();
    assertThat(p.categories()).containsExactly("stat.ML", "cs.LG");
    assertThatThrownBy(() -> Paper.builder(ID).title("T").categories(List.of("Not A Category")).build())
        .hasMessageContaining("not an arXiv category");
  }

  @Test
  void versions_give_version_submitted_and_updated() {
    Paper p =
        Paper.builder(ID)
            .title("T")
            .addVersion(new PaperVersion("v2", Instant.parse("2021-02-03T10:00:00Z"), "10kb"))
            .addVersion(new PaperVersion("v1", Instant.parse("2021-01-01T10:00:00Z"), "9kb"))
            .build();
    assertThat(p.version()).isEqualTo(2);
    assertThat(p.versions()).extracting(PaperVersion::version).containsExactly("v1", "v2");
    assertThat(p.submitted()).isEqualTo(LocalDate.of(2021, 1, 1));
    assertThat(p.updated()).isEqualTo(LocalDate.of(2021, 2, 3));
    assertThat(p.year()).isEqualTo(2021);
  }

  @Test
  void authors_get_display_names_from_split_parts() {
    Author a = Author.split("Quill", "Ada M.", "Jr", List.of(" Lake Observatory ", "Lake Observatory"));
    assertThat(a.name()).isEqualTo("Ada M. Quill Jr");
    assertThat(a.affiliations()).containsExactly("Lake Observatory");
    assertThatThrownBy(() -> Author.named("  ")).hasMessageContaining("empty");
  }

  @Test
  void collections_are_immutable() {
    Paper p = Paper.builder(ID).title("T").addAuthor(Author.named("A")).build();
    assertThatThrownBy(() -> p.authors().add(Author.named("B")))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
