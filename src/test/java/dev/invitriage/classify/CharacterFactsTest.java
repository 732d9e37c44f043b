package dev.invitriage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The remembered facts are Character's, for every BMP character. */
class CharacterFactsTest {

  @Test
  void factsOfEveryBmpCharacterAreCharactersOwn() {
    for (int cp = 0; cp <= 0xFFFF; cp++) {
      assertThat(CharacterFacts.type(cp)).as("type of U+%04X", cp).isEqualTo(Character.getType(cp));
      assertThat(CharacterFacts.isUpperOrTitleCase(cp))
          .as("case of U+%04X", cp)
          .isEqualTo(Character.isUpperCase(cp) || Character.isTitleCase(cp));
      assertThat(CharacterFacts.toLowerCase(cp))
          .as("lower case of U+%04X", cp)
          .isEqualTo(Character.toLowerCase(cp));
    }
  }

  @Test
  void factsOfCharactersBeyondTheBmpAreCharactersOwn() {
    for (int cp : new int[] {0x1D4D0, 0x1F642, 0x10400, 0xE0041, 0x2F800}) {
      assertThat(CharacterFacts.type(cp)).isEqualTo(Character.getType(cp));
      assertThat(CharacterFacts.isUpperOrTitleCase(cp))
          .isEqualTo(Character.isUpperCase(cp) || Character.isTitleCase(cp));
      assertThat(CharacterFacts.toLowerCase(cp)).isEqualTo(Character.toLowerCase(cp));
    }
  }
}
