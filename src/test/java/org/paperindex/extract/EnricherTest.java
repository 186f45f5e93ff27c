package org.paperindex.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Author;
import org.paperindex.model.Institution;
import org.paperindex.model.Link;
import org.paperindex.model.Paper;
import org.paperindex.model.Source;
import org.paperindex.store.PaperMerger;

/** The derived, indexed form of a stored paper: TeX to Unicode, links, ROR institutions. */
class EnricherTest {
  @TempDir static Path cache;
  static Institutions institutions;

  @BeforeAll
  static void registry() {
    institutions =
        new Institutions("src/test/resources/fixtures/ror/ror-v2.json", cache.resolve("ror-cache"));
  }

  private static Paper stored() {
    Paper raw =
        Paper.builder(ArxivId.parse("2403.00042"))
            .title("On Schr\\\"odinger bridges for $\\mathbb{R}^n$")
            .abstractText(
                "We solve it. Our code is available at https://github.com/quill/bridges and the"
                    + " data at \\url{https://zenodo.org/records/1234567}.")
            .comments("12 pages")
            .addAuthor(new Author("Ada Bal\\'azs", "Bal\\'azs", "Ada", null,
                List.of("Department of Physics, University of Testington, UK")))
            .addAuthor(new Author("Tom Brook", null, null, null,
                List.of("University Hospital")))
            .categories(List.of("math.PR"))
            .source(Source.OAI)
            .build();
    return PaperMerger.merge(null, raw);
  }

  @Test
  void tex_in_title_and_names_becomes_unicode_and_math_stays() {
    Paper p = Enricher.withoutInstitutions().apply(stored());
    assertThat(p.title()).isEqualTo("On Schrödinger bridges for $\\mathbb{R}^n$");
    assertThat(p.authors().get(0).name()).isEqualTo("Ada Balázs");
    assertThat(p.institutions()).isEmpty();
    // raw affiliations are still shown without a registry
    assertThat(p.authors().get(0).affiliations()).hasSize(1);
  }

  @Test
  void code_and_dataset_links_are_found_in_the_raw_text() {
    Paper p = Enricher.withoutInstitutions().apply(stored());
    assertThat(p.links())
        .extracting(Link::url, Link::kind, Link::official, Link::source)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "https://github.com/quill/bridges", Link.CODE, true, Source.OAI),
            org.assertj.core.groups.Tuple.tuple(
                "https://zenodo.org/records/1234567", Link.DATASET, true, Source.OAI));
  }

  @Test
  void affiliations_resolve_to_ror_institutions_with_score_and_sources() {
    assertThat(institutions.configured()).isTrue();
    Paper p = new Enricher(institutions).apply(stored());
    assertThat(p.institutions()).hasSize(1); // "University Hospital" is generic: no match
    Institution i = p.institutions().get(0);
    assertThat(i.rorId()).isEqualTo("https://ror.org/0aaaaaa01");
    assertThat(i.name()).isEqualTo("University of Testington");
    assertThat(i.countryCode()).isEqualTo("GB");
    assertThat(i.score()).isBetween(0.0, 1.0);
    assertThat(i.sources()).containsExactly(Source.OAI);
    assertThat(i.affiliations()).containsExactly("Department of Physics, University of Testington, UK");
  }

  @Test
  void withdrawn_stubs_pass_through() {
    Paper stub = Paper.builder(ArxivId.parse("2403.00043")).withdrawn(true).build();
    assertThat(new Enricher(Optional::empty).apply(stub)).isSameAs(stub);
  }
}
