package dev.invitriage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** The remembered facts are Character's (and Canonical's), for every BMP character. */
class CharacterFactsTest {

  @Test
  void factsOfEveryBmpCharacterAreCharactersOwn() {
    for (int cp = 0; cp <= 0xFFFF; cp++) {
      char c = (char) cp;
      int facts = CharacterFacts.of(c);
      String s = String.valueOf(c);
      assertThat(CharacterFacts.type(facts)).as("type of U+%04X", cp).isEqualTo(Character.getType(c));
      assertThat(CharacterFacts.isUpperOrTitleCase(facts))
          .as("case of U+%04X", cp)
          .isEqualTo(Character.isUpperCase(c) || Character.isTitleCase(c));
      int lower = Character.toLowerCase(cp);
      // Letters typed plain when a keyboard lacks them fold to the plain letter.
      int folded = lower == 'ł' ? 'l' : lower == 'đ' ? 'd' : lower == 'ı' ? 'i' : lower == 'ø' ? 'o' : lower;
      assertThat((int) CharacterFacts.toLowerCase(facts))
          .as("lower case of U+%04X", cp)
          .isEqualTo(folded);
      assertThat(CharacterFacts.decomposes(facts))
          .as("decomposition of U+%04X", cp)
          .isEqualTo(!Normalizer.normalize(s, Normalizer.Form.NFKD).equals(s));
      assertThat(CharacterFacts.isPlainLetterOrDigit(facts))
          .as("U+%04X plain letter or digit", cp)
          .isEqualTo(
              Character.isLetterOrDigit(c)
                  && !Preparer.isApostrophe(c)
                  && !Preparer.isInvisibleFiller(c)
                  && !alone(cp));
      assertThat(CharacterFacts.standsAlone(facts)).as("U+%04X stands alone", cp).isEqualTo(alone(cp));
    }
  }

  @Test
  void supplementaryFormatCharactersAreToldByTheirRanges() {
    for (int cp = 0x10000; cp <= Character.MAX_CODE_POINT; cp++) {
      assertThat(Preparer.isSupplementaryFormat(cp))
          .as("U+%X", cp)
          .isEqualTo(Character.getType(cp) == Character.FORMAT);
    }
  }

  /** A letter of Han, kana, Thai, Lao, Khmer or Myanmar: scripts written without spaces. */
  private static boolean alone(int cp) {
    int type = Character.getType(cp);
    if (type != Character.OTHER_LETTER && type != Character.MODIFIER_LETTER) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI
        || script == Character.UnicodeScript.LAO || script == Character.UnicodeScript.KHMER
        || script == Character.UnicodeScript.MYANMAR;
  }
}
