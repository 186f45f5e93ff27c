package org.paperindex.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperindex.model.Author;

class AuthorKeysTest {

  @Test
  void indexKeysHoldSurnameWithInitialPrefixesAndFirstForename() {
    assertThat(AuthorKeys.indexKeys(Author.split("Hinton", "Geoffrey E.", null, List.of())))
        .containsExactly("hinton_g", "hinton_ge", "hinton_geoffrey");
    assertThat(AuthorKeys.indexKeys(Author.named("G. E. Hinton")))
        .containsExactly("hinton_g", "hinton_ge", "hinton_g~");
    assertThat(AuthorKeys.indexKeys(Author.named("Erwin Schr\\\"odinger Jr")))
        .containsExactly("schrodinger_e", "schrodinger_erwin");
    assertThat(AuthorKeys.indexKeys(Author.named("Jean-Pierre Serre")))
        .contains("serre_jp");
    assertThat(AuthorKeys.indexKeys(Author.named("Johannes D. van der Waals")))
        .contains("van der waals_jd", "waals_j", "van der waals_johannes");
    assertThat(AuthorKeys.indexKeys(Author.named("Plato"))).isEmpty();
  }

  @Test
  void queryKeysReadEveryCommonCitationForm() {
    assertThat(AuthorKeys.queryKeys("Hinton G")).contains("hinton_g");
    assertThat(AuthorKeys.queryKeys("Hinton GE")).contains("hinton_ge");
    assertThat(AuthorKeys.queryKeys("G Hinton")).contains("hinton_g");
    assertThat(AuthorKeys.queryKeys("G. E. Hinton")).containsExactly("hinton_ge");
    assertThat(AuthorKeys.queryKeys("Hinton, G.E.")).containsExactly("hinton_ge");
    assertThat(AuthorKeys.queryKeys("Geoffrey Hinton")).containsExactly("hinton_geoffrey", "hinton_g~");
    assertThat(AuthorKeys.queryKeys("Schrödinger, Erwin")).containsExactly("schrodinger_erwin", "schrodinger_e~");
    assertThat(AuthorKeys.queryKeys("hinton")).isEmpty();
  }
}
