package org.paperindex.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written whitespace collapse equals the regex it replaced, on hostile strings too. */
class TextNormalizerInlineTest {

  private static final Pattern WS = Pattern.compile("\\s+");

  private static String viaRegex(String s) {
    String out = WS.matcher(s).replaceAll(" ").strip();
    return out.isEmpty() ? null : out;
  }

  @Test
  void same_as_the_regex_on_random_strings() {
    char[] alphabet = {'a', 'Z', ' ', ' ', '\t', '\n', '\r', '\f', 0x0B, '\u00A0', '\u2028',
        '\u3000', '\u001C', '$', '\\', 'é', '\u2003'};
    Random rnd = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int len = rnd.nextInt(12);
      for (int k = 0; k < len; k++) {
        b.append(alphabet[rnd.nextInt(alphabet.length)]);
      }
      String s = b.toString();
      assertThat(TextNormalizer.inline(s)).as("'%s'", s).isEqualTo(viaRegex(s));
    }
    assertThat(TextNormalizer.inline(null)).isNull();
    assertThat(TextNormalizer.inline("plain title")).isEqualTo("plain title");
  }
}
