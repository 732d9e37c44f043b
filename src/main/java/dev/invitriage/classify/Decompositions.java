package dev.invitriage.classify;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * NFKD of a prepared note as {@link Canonical} tokenises it, built from each character's own
 * decomposition.
 *
 * <p>Why not {@link Normalizer} on the whole note: it costs 4 to 10 ns a character, more than all
 * the rest of classifying a note in Cyrillic, Arabic, Korean or Japanese script, where most
 * notes hold some character that decomposes. Why the tokens are the same: NFKD is each
 * character's full decomposition followed by the canonical reordering of each run of characters
 * with a non-zero combining class. Reordering can only change the tokens by swapping two
 * characters the tokeniser keeps, but the tokeniser drops non-spacing marks, and every character
 * with a non-zero combining class is a non-spacing or a spacing combining mark ({@code
 * DecompositionsTest} checks this on the running JDK). So the concatenated decompositions give the
 * same tokens as NFKD unless they hold a spacing combining mark; a note with one goes through
 * {@link Normalizer} whole, as before.
 */
final class Decompositions {
  private Decompositions() {}

  /** In the memo for a character whose decomposition holds a spacing combining mark. */
  private static final char[] NEEDS_WHOLE_NOTE = new char[0];

  /**
   * Each BMP character's decomposition, looked up on first use: notes meet few distinct characters,
   * and looking up all 65,536 takes a quarter of a second at start-up. Entries never change once
   * set, so threads racing to fill one compute the same value twice at worst.
   */
  private static final class Memo {
    static final AtomicReferenceArray<char[]> BMP = new AtomicReferenceArray<>(0x10000);
  }

  /** NFKD of {@code chars[0..len)}, as a new array of its exact length. */
  static char[] nfkd(char[] chars, int len) {
    char[] out = new char[len + 8];
    int end = 0;
    for (int i = 0; i < len; i++) {
      char c = chars[i];
      if (c < 0x80) {
        out = ensureCapacity(out, end + 1);
        out[end++] = c; // ASCII never decomposes
        continue;
      }
      char[] d;
      if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(chars[i + 1])) {
        d = decompose(new String(chars, i, 2)); // rare (emoji, mathematical letters): no memo
        i++;
      } else {
        d = Memo.BMP.get(c);
        if (d == null) {
          d = decompose(String.valueOf(c));
          Memo.BMP.set(c, d);
        }
      }
      if (d == NEEDS_WHOLE_NOTE) {
        return Normalizer.normalize(new String(chars, 0, len), Normalizer.Form.NFKD).toCharArray();
      }
      out = ensureCapacity(out, end + d.length);
      System.arraycopy(d, 0, out, end, d.length);
      end += d.length;
    }
    return Arrays.copyOf(out, end);
  }

  private static char[] decompose(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
    for (int i = 0; i < d.length(); ) {
      int cp = d.codePointAt(i);
      if (Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
        return NEEDS_WHOLE_NOTE;
      }
      i += Character.charCount(cp);
    }
    return d.toCharArray();
  }

  private static char[] ensureCapacity(char[] out, int needed) {
    return needed <= out.length ? out : Arrays.copyOf(out, Math.max(needed, 2 * out.length));
  }
}
