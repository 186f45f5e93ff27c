package org.paperindex.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * A sentence break iterator that never breaks inside TeX math ({@code $...$} or {@code $$...$$}):
 * the delegate's boundaries that fall between an opening and a closing dollar are dropped, so a
 * highlighted snippet never starts or ends in the middle of a formula.
 */
final class TexSafeBreakIterator extends BreakIterator {

  private final BreakIterator delegate;
  private CharacterIterator text = new StringCharacterIterator("");
  private int[] bounds = {0}; // null: the text has no math, every call goes to the delegate
  private int current;

  TexSafeBreakIterator(BreakIterator delegate) {
    this.delegate = delegate;
  }

  @Override
  public void setText(CharacterIterator newText) {
    text = newText;
    StringBuilder sb = new StringBuilder();
    boolean dollar = false;
    for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
      sb.append(c);
      dollar |= c == '$';
    }
    // after the scan: the JDK's iterator keeps its position in the text's own index
    delegate.setText(newText);
    if (!dollar) {
      bounds = null; // no math: the delegate's boundaries as they are, found only where asked
      return;
    }
    int begin = newText.getBeginIndex();
    boolean[] inMath = mathMask(sb);
    int[] b = new int[16];
    int n = 0;
    for (int i = delegate.first(); i != DONE; i = delegate.next()) {
      int rel = i - begin;
      boolean ends = i == newText.getEndIndex() || rel == 0;
      if (ends || rel >= inMath.length || !inMath[rel]) {
        if (n == b.length) {
          b = Arrays.copyOf(b, n * 2);
        }
        b[n++] = i;
      }
    }
    bounds = Arrays.copyOf(b, n);
    current = 0;
  }

  /** mask[i]: position i lies inside a formula (between an opening and its closing dollar). */
  private static boolean[] mathMask(CharSequence s) {
    boolean[] mask = new boolean[s.length() + 1];
    boolean open = false;
    int lastOpen = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        mask[i] = open;
        mask[++i] = open; // \$ is a literal dollar
        continue;
      }
      if (c == '$') {
        int start = i;
        if (i + 1 < s.length() && s.charAt(i + 1) == '$') {
          i++; // $$ opens/closes display math like $
        }
        open = !open;
        lastOpen = open ? start : lastOpen;
        // a break just before an opening dollar is fine, before a closing one it is inside
        mask[start] = !open;
        for (int k = start + 1; k <= i; k++) {
          mask[k] = true;
        }
        continue;
      }
      mask[i] = open;
    }
    if (open) {
      // an unbalanced dollar is not math (a price, a typo): do not swallow the rest of the text
      Arrays.fill(mask, lastOpen, mask.length, false);
    }
    return mask;
  }

  @Override
  public int first() {
    if (bounds == null) {
      return delegate.first();
    }
    current = 0;
    return bounds[0];
  }

  @Override
  public int last() {
    if (bounds == null) {
      return delegate.last();
    }
    current = bounds.length - 1;
    return bounds[current];
  }

  @Override
  public int next(int n) {
    if (bounds == null) {
      return delegate.next(n);
    }
    int target = current + n;
    if (target < 0 || target >= bounds.length) {
      current = target < 0 ? 0 : bounds.length - 1;
      return DONE;
    }
    current = target;
    return bounds[current];
  }

  @Override
  public int next() {
    return bounds == null ? delegate.next() : next(1);
  }

  @Override
  public int previous() {
    return bounds == null ? delegate.previous() : next(-1);
  }

  @Override
  public int following(int offset) {
    if (bounds == null) {
      return delegate.following(offset);
    }
    int i = Arrays.binarySearch(bounds, offset);
    i = i >= 0 ? i + 1 : -i - 1;
    if (i >= bounds.length) {
      current = bounds.length - 1;
      return DONE;
    }
    current = i;
    return bounds[i];
  }

  @Override
  public int preceding(int offset) {
    if (bounds == null) {
      return delegate.preceding(offset);
    }
    int i = Arrays.binarySearch(bounds, offset);
    i = i >= 0 ? i - 1 : -i - 2;
    if (i < 0) {
      current = 0;
      return DONE;
    }
    current = i;
    return bounds[i];
  }

  @Override
  public int current() {
    return bounds == null ? delegate.current() : bounds[current];
  }

  @Override
  public CharacterIterator getText() {
    return text;
  }
}
