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

  /** NFKD of the character of a surrogate pair, or null as above; rare, so not remembered. */
  static String of(char high, char low) {
    String d = decompose(new String(new char[] {high, low}));
    return d == NEEDS_WHOLE_NOTE ? null : d;
  }

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
