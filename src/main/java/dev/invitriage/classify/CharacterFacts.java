package dev.invitriage.classify;

import java.text.Normalizer;

/**
 * What {@link Canonical} asks about a character (its type, whether it is upper or title case, its
 * lower-case form, whether NFKD changes it); for a BMP character looked up once and then
 * remembered.
 *
 * <p>Why: each {@link Character} lookup goes through a class chosen per Unicode plane at run
 * time, a call the JIT stops inlining once notes mix planes (an emoji beside Cyrillic), and those
 * calls were most of the cost of a note in a non-Latin script. The memo starts empty because
 * filling all 65,536 entries takes some 50 ms, too long for the start of a command.
 */
final class CharacterFacts {
  private CharacterFacts() {}

  /**
   * Per BMP character, 0 until looked up, then packed: bits 0-4 the type, bit 5 upper or title
   * case, bit 6 "known", bit 7 "NFKD changes it", bits 16-31 the lower-case form. A plain array
   * although threads share it: one may find a slot still 0 and look it up again, but never half
   * a value, since an int is read and written whole (JLS 17.7).
   */
  private static final int[] FACTS = new int[0x10000];

  private static final int UPPER_OR_TITLE = 1 << 5;
  private static final int KNOWN = 1 << 6;
  private static final int DECOMPOSES = 1 << 7;

  /** {@link Character#getType(int)}. */
  static int type(int cp) {
    return cp <= 0xFFFF ? facts((char) cp) & 0x1F : Character.getType(cp);
  }

  /** {@link Character#isUpperCase(int)} or {@link Character#isTitleCase(int)}. */
  static boolean isUpperOrTitleCase(int cp) {
    return cp <= 0xFFFF
        ? (facts((char) cp) & UPPER_OR_TITLE) != 0
        : Character.isUpperCase(cp) || Character.isTitleCase(cp);
  }

  /**
   * {@link Character#toLowerCase(int)}; that of a BMP character is always a BMP character
   * ({@code CharacterFactsTest}), so it fits the memo.
   */
  static int toLowerCase(int cp) {
    return cp <= 0xFFFF ? facts((char) cp) >>> 16 : Character.toLowerCase(cp);
  }

  /** True when NFKD changes the (BMP) character on its own, e.g. splits an accent off. */
  static boolean decomposes(char c) {
    return (facts(c) & DECOMPOSES) != 0;
  }

  private static int facts(char c) {
    int facts = FACTS[c];
    if (facts == 0) {
      String s = String.valueOf(c);
      facts =
          KNOWN
              | Character.getType(c)
              | (Character.isUpperCase(c) || Character.isTitleCase(c) ? UPPER_OR_TITLE : 0)
              | (Normalizer.normalize(s, Normalizer.Form.NFKD).equals(s) ? 0 : DECOMPOSES)
              | Character.toLowerCase(c) << 16;
      FACTS[c] = facts;
    }
    return facts;
  }
}
