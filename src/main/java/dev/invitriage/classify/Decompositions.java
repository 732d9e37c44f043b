package dev.invitriage.classify;

import java.text.Normalizer;

/**
 * NFKD character by character, as {@link Canonical} needs it: each character's own decomposition.
 *
 * <p>Why not {@link Normalizer} on the whole note: it costs 4 to 10 ns a character, more than all
 * the rest of classifying a note in Cyrillic, Arabic, Korean or Japanese script, where most notes
 * hold some character that decomposes. Why the tokens are the same: NFKD is each character's full
 * decomposition followed by the canonical reordering of each run of characters with a non-zero
 * combining class. Reordering can only change the tokens by swapping two characters the tokeniser
 * keeps, but the tokeniser drops non-spacing marks, and every character with a non-zero combining
 * class is a non-spacing or a spacing combining mark ({@code DecompositionsTest} checks this on
 * the running JDK). So the concatenated decompositions give the same tokens as NFKD unless they
 * hold a spacing combining mark; a note with one goes through {@link Normalizer} whole.
 */
final class Decompositions {
  private Decompositions() {}

  /**
   * In the memo for a character whose decomposition holds a spacing combining mark; recognised by
   * identity, as no decomposition is this very string.
   */
  private static final String NEEDS_WHOLE_NOTE = "needs the whole note";

  /**
   * The decompositions of the BMP characters, looked up on first use: notes meet few distinct
   * characters, and looking up all 65,536 takes a quarter of a second at start-up. A plain array
   * although threads share it: one may find a slot still null and look it up again, but a string
   * it finds is whole, since a string's fields are final (JLS 17.5).
   */
  private static final String[] MEMO = new String[0x10000];

  /**
   * NFKD of a BMP character, or null when the note needs NFKD as a whole (see above). Only asked
   * for characters that {@link CharacterFacts#decomposes} says change.
   */
  static String of(char c) {
    String d = MEMO[c];
    if (d == null) {
      d = decompose(String.valueOf(c));
      MEMO[c] = d;
    }
    return d == NEEDS_WHOLE_NOTE ? null : d;
  }

  /**
   * NFKD of the character of a surrogate pair (an emoji, a mathematical letter), or null as above.
   * Remembered in a small table by code point, the last one of each slot: notes repeat the same
   * few emoji, and each look-up would otherwise run the Normalizer.
   */
  static String of(char high, char low) {
    int cp = Character.toCodePoint(high, low);
    Pair pair = PAIRS[cp & (PAIRS.length - 1)];
    if (pair == null || pair.codePoint != cp) {
      pair = new Pair(cp, decompose(new String(new char[] {high, low})));
      PAIRS[cp & (PAIRS.length - 1)] = pair; // records' fields are final: safe to share (JLS 17.5)
    }
    return pair.decomposition == NEEDS_WHOLE_NOTE ? null : pair.decomposition;
  }

  private record Pair(int codePoint, String decomposition) {}

  private static final Pair[] PAIRS = new Pair[256];

  private static String decompose(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
    for (int i = 0; i < d.length(); ) {
      int cp = d.codePointAt(i);
      if (Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
        return NEEDS_WHOLE_NOTE;
      }
      i += Character.charCount(cp);
    }
    return d;
  }
}
