package org.paperindex.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TexSafeBreakIteratorTest {

  private static BreakIterator jdk() {
    return BreakIterator.getSentenceInstance(Locale.ROOT);
  }

  private static List<Integer> forward(BreakIterator it, String text) {
    it.setText(text);
    List<Integer> out = new ArrayList<>();
    for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
      out.add(b);
    }
    return out;
  }

  @Test
  void textWithoutMathBreaksExactlyWhereTheSentenceIteratorDoes() {
    String text = "We prove a bound. It is tight for n > 3! Does it hold for all graphs? Not quite.";
    assertThat(forward(new TexSafeBreakIterator(jdk()), text)).isEqualTo(forward(jdk(), text))
        .hasSize(5);
    BreakIterator safe = new TexSafeBreakIterator(jdk());
    BreakIterator plain = jdk();
    safe.setText(text);
    plain.setText(text);
    assertThat(safe.current()).isZero(); // where the highlighter expects a fresh iterator
    for (int offset = 0; offset < text.length(); offset++) {
      assertThat(safe.following(offset)).as("following %d", offset).isEqualTo(plain.following(offset));
      assertThat(safe.current()).isEqualTo(plain.current());
      assertThat(safe.preceding(offset + 1)).as("preceding %d", offset + 1)
          .isEqualTo(plain.preceding(offset + 1));
    }
    assertThat(safe.last()).isEqualTo(text.length());
  }

  @Test
  void noBreakFallsInsideMath() {
    String text = "Let $x = 1. Then y$ holds. Next sentence. A price of \\$5. Done.";
    List<Integer> safe = forward(new TexSafeBreakIterator(jdk()), text);
    List<Integer> plain = forward(jdk(), text);
    int open = text.indexOf('$');
    int close = text.indexOf('$', open + 1);
    assertThat(plain).anyMatch(b -> b > open && b <= close); // the JDK breaks inside the formula
    assertThat(safe).noneMatch(b -> b > open && b <= close).contains(0, text.length());
    assertThat(safe).containsAll(plain.stream().filter(b -> b <= open || b > close).toList());
  }
}
