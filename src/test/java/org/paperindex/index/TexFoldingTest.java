package org.paperindex.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TexFoldingTest {

  @Test
  void accentMacrosBecomeLetters() {
    assertThat(TexFolding.fold("Schr\\\"odinger")).isEqualTo("Schrödinger");
    assertThat(TexFolding.fold("Schr{\\\"o}dinger")).isEqualTo("Schrödinger");
    assertThat(TexFolding.fold("Schr\\\"{o}dinger")).isEqualTo("Schrödinger");
    assertThat(TexFolding.fold("Erd\\H{o}s and Poincar\\'e")).isEqualTo("Erdős and Poincaré");
    assertThat(TexFolding.fold("Gar\\c{c}on, \\v{C}ech, G{\\\"o}del, Stra\\ss e")).isEqualTo("Garçon, Čech, Gödel, Straße");
    assertThat(TexFolding.fold("na\\\"{\\i}ve")).isEqualTo("naïve");
  }

  @Test
  void fontMacrosReadAsTheirLetter() {
    assertThat(TexFolding.fold("$\\mathbb{Z}_2$ and $\\mathcal{O}(n)$")).isEqualTo("$Z_2$ and $O(n)$");
    assertThat(TexFolding.fold("\\alpha-stable, \\cdot")).isEqualTo("\\alpha-stable, \\cdot");
    assertThat(TexFolding.fold("plain")).isEqualTo("plain");
  }
}
