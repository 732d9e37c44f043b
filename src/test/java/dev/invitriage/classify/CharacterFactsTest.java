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
      assertThat((int) CharacterFacts.toLowerCase(facts))
          .as("lower case of U+%04X", cp)
          .isEqualTo(Character.toLowerCase(cp));
      assertThat(CharacterFacts.decomposes(facts))
          .as("decomposition of U+%04X", cp)
          .isEqualTo(!Normalizer.normalize(s, Normalizer.Form.NFKD).equals(s));
      assertThat(CharacterFacts.isPlainLetterOrDigit(facts))
          .as("U+%04X plain letter or digit", cp)
          .isEqualTo(
              Character.isLetterOrDigit(c)
                  && !Canonical.isApostrophe(c)
                  && !Canonical.isInvisibleFiller(c));
    }
  }
}
