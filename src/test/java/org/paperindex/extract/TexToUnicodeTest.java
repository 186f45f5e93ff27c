package org.paperindex.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TexToUnicodeTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\u0000', value = {
      "Bal\\'azs | Balázs",
      "G{\\\"o}del | Gödel",
      "G\\\"{o}del | Gödel",
      "Mart\\'{\\i}nez | Martínez",
      "Mart\\'\\i nez | Martínez",
      "\\v{C}ech and \\v{c} | Čech and č",
      "Fran\\c{c}ois | François",
      "Espa\\~na | España",
      "H\\^otel | Hôtel",
      "\\=a | ā",
      "\\.z | ż",
      "\\u{a} | ă",
      "Erd\\H{o}s | Erdős",
      "\\r{a} | å",
      "\\k{a} | ą",
      "\\v c | č",
      "Stra\\ss e | Straße",
      "S\\o ren and \\O | Søren and Ø",
      "\\ae\\AE\\oe | æÆœ",
      "\\aa ngstr\\\"om \\AA | ångström Å",
      "\\L\\'od\\'z and \\l | Łódź and ł",
      "Sch{\\\"u}tz | Schütz",
  })
  void accentsAndLetters(String tex, String expected) {
    assertThat(TexToUnicode.convert(tex)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\u0000', value = {
      "R\\&D | R&D",
      "50\\% faster | 50% faster",
      "snake\\_case | snake_case",
      "\\#1 and \\$5 | #1 and $5",
      "Fig.~3 | Fig. 3",
      "pages 1--10 | pages 1–10",
      "yes---no | yes—no",
      "``quoted'' | “quoted”",
      "an \\textit{italic} and \\emph{emph} | an italic and emph",
      "\\textbf{bold} \\textrm{rm} \\mathrm{up} | bold rm up",
      "see \\url{https://x.org/a_b} now | see https://x.org/a_b now",
      "a {\\em stressed} word | a stressed word",
      "fast {GPU} kernels | fast GPU kernels",
  })
  void textMacros(String tex, String expected) {
    assertThat(TexToUnicode.convert(tex)).isEqualTo(expected);
  }

  @Test
  void mathIsLeftExactlyAsWritten() {
    String[] math = {
        "$\\alpha~\\beta--\\'a {x}$",
        "$$\\sum_{i=1}^n x_i \\textit{y}$$",
        "\\(\\mathrm{d}x -- y\\)",
        "\\[ {a} \\over {b} \\]",
        "$a \\$ b$",
    };
    for (String m : math) {
      assertThat(TexToUnicode.convert("we have " + m + " and G\\\"odel"))
          .isEqualTo("we have " + m + " and Gödel");
    }
  }

  @Test
  void unknownMacrosAndTheirArgumentsStay() {
    assertThat(TexToUnicode.convert("a \\foo{bar} b")).isEqualTo("a \\foo{bar} b");
    assertThat(TexToUnicode.convert("\\href{http://a.org}{text}")).isEqualTo("\\href{http://a.org}{text}");
    assertThat(TexToUnicode.convert("\\alpha-helix")).isEqualTo("\\alpha-helix");
  }

  @Test
  void urlsKeepTildesAndDashes() {
    assertThat(TexToUnicode.convert("see http://a.edu/~me/x--y.html"))
        .isEqualTo("see http://a.edu/~me/x--y.html");
  }

  @Test
  void oddInputDoesNotThrow() {
    for (String s : new String[] {"\\", "$", "$$", "\\(", "{", "}", "\\'", "\\v{", "\\'{}", "\\url{",
        "$a", "\\[x", "}{", "\\\"{\\i", null, ""}) {
      assertThatCode(() -> TexToUnicode.convert(s)).as(String.valueOf(s)).doesNotThrowAnyException();
    }
    assertThat(TexToUnicode.convert("costs $5")).isEqualTo("costs $5");
  }

  @Test
  @Timeout(5)
  void hostileInputIsLinear() {
    int n = 1 << 20;
    for (String unit : new String[] {"\\", "{", "}", "$", "\\(", "\\foo{", "\\'", "\\url{", "$$a", "--"}) {
      String s = unit.repeat(n / unit.length());
      long t0 = System.nanoTime();
      String out = TexToUnicode.convert(s);
      assertThat(out).isNotNull();
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).as(unit).isLessThan(Duration.ofSeconds(1));
    }
  }
}
