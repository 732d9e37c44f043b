package dev.invitriage.classify;

import java.text.Normalizer;

/**
 * What {@link Canonical} asks about a BMP character (its type, whether it is upper or title case,
 * its lower-case form, whether NFKD changes it, whether it is a letter or digit the first pass
 * copies as it is), looked up once per character and then remembered, packed into an int.
 *
 * <p>Why: each {@link Character} lookup goes through a class chosen per Unicode plane at run
 * time, a call the JIT stops inlining once notes mix planes (an emoji beside Cyrillic), and those
 * calls were most of the cost of a note in a non-Latin script. The memo starts empty because
 * filling all 65,536 entries takes some 50 ms, too long for the start of a command.
 */
final class CharacterFacts {
  private CharacterFacts() {}

  /**
   * Per BMP character, 0 until looked up, then the packed facts: bits 0-4 the type, then the
   * flags below, bits 16-31 the lower-case form. A plain array although threads share it: one may
   * find a slot still 0 and look it up again, but never half a value, since an int is read and
   * written whole (JLS 17.7).
   */
  private static final int[] FACTS = new int[0x10000];

  private static final int UPPER_OR_TITLE = 1 << 5;
  private static final int DECOMPOSES = 1 << 6;
  private static final int PLAIN_LETTER_OR_DIGIT = 1 << 7;
  private static final int KNOWN = 1 << 8;
  private static final int ALONE = 1 << 9;

  /** The packed facts of {@code c}, for the methods below. */
  static int of(char c) {
    int facts = FACTS[c];
    return facts != 0 ? facts : lookUpPage(c);
  }

  /**
   * Looks up {@code c}'s whole page of 256 characters and returns its facts. By page, not by
   * character: the slow path then runs a few times in a run, not once per new character, so the
   * JIT compiles {@link #of} without it; with it, {@code of} compiled too big to be inlined into
   * its callers ("already compiled into a big method"), the tokeniser's loops among them.
   */
  private static int lookUpPage(char c) {
    int first = c & 0xFF00;
    for (int k = first; k < first + 0x100; k++) {
      if (FACTS[k] == 0) {
        FACTS[k] = lookUp((char) k);
      }
    }
    return FACTS[c];
  }

  /** {@link Character#getType(char)}. */
  static int type(int facts) {
    return facts & 0x1F;
  }

  /** {@link Character#isUpperCase(char)} or {@link Character#isTitleCase(char)}. */
  static boolean isUpperOrTitleCase(int facts) {
    return (facts & UPPER_OR_TITLE) != 0;
  }

  /**
   * {@link Character#toLowerCase(char)}; that of a BMP character is always a BMP character
   * ({@code CharacterFactsTest}), so it fits.
   */
  static char toLowerCase(int facts) {
    return (char) (facts >>> 16);
  }

  /** True when NFKD changes the character on its own, e.g. splits an accent off. */
  static boolean decomposes(int facts) {
    return (facts & DECOMPOSES) != 0;
  }

  /**
   * A letter or digit that is neither an apostrophe look-alike ({@link Canonical#isApostrophe})
   * nor an invisible filler ({@link Canonical#isInvisibleFiller}): most characters of a note.
   */
  static boolean isPlainLetterOrDigit(int facts) {
    return (facts & PLAIN_LETTER_OR_DIGIT) != 0;
  }

  /**
   * True for a letter of a script written without spaces between words (Han, kana, Thai, Lao,
   * Khmer, Myanmar): each is a token of its own, so that phrases match however the writer spaced
   * them. Such a letter is never {@link #isPlainLetterOrDigit}, which would take it into a run.
   */
  static boolean standsAlone(int facts) {
    return (facts & ALONE) != 0;
  }

  /** {@link #standsAlone} for any code point. */
  static boolean standsAlone(int codePoint, int type) {
    if (type != Character.OTHER_LETTER && type != Character.MODIFIER_LETTER) {
      return false;
    }
    switch (Character.UnicodeScript.of(codePoint)) {
      case HAN:
      case HIRAGANA:
      case KATAKANA:
      case THAI:
      case LAO:
      case KHMER:
      case MYANMAR:
        return true;
      default:
        return false;
    }
  }

  private static int lookUp(char c) {
    String s = String.valueOf(c);
    boolean alone = standsAlone(c, Character.getType(c));
    boolean letterOrDigit = Character.isLetterOrDigit(c) && !alone;
    return KNOWN
        | (alone ? ALONE : 0)
        | Character.getType(c)
        | (Character.isUpperCase(c) || Character.isTitleCase(c) ? UPPER_OR_TITLE : 0)
        | (Normalizer.normalize(s, Normalizer.Form.NFKD).equals(s) ? 0 : DECOMPOSES)
        | (letterOrDigit && !Preparer.isApostrophe(c) && !Preparer.isInvisibleFiller(c)
            ? PLAIN_LETTER_OR_DIGIT
            : 0)
        | folded(Character.toLowerCase(c)) << 16;
  }

  /**
   * Letters NFKD leaves whole but people type as the plain letter when their keyboard lacks
   * them: Polish "ł", Vietnamese "đ", Turkish dotless "ı", Danish and Norwegian "ø" ("Milego
   * dnia", "Do", "Saygilarimla").
   */
  private static char folded(char lower) {
    switch (lower) {
      case 'ł':
        return 'l';
      case 'đ':
        return 'd';
      case 'ı':
        return 'i';
      case 'ø':
        return 'o';
      default:
        return lower;
    }
  }
}
