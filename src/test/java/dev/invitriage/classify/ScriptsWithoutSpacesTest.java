package dev.invitriage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Chinese, Japanese and Thai are written without spaces: each letter is a token of its own. */
class ScriptsWithoutSpacesTest {

  private static List<String> tokens(String note) {
    return List.of(Canonical.of(note, Integer.MAX_VALUE).tokens());
  }

  @Test
  void hanCharactersAreTokensOfTheirOwn() {
    assertThat(tokens("你好，我想")).containsExactly("你", "好", "我", "想");
  }

  @Test
  void kanaAndKanjiAreTokensOfTheirOwnBesideLatinWords() {
    assertThat(tokens("LinkedInでつながり")).containsExactly("linkedin", "て", "つ", "な", "か", "り");
  }

  @Test
  void thaiLettersAreTokensOfTheirOwnAndTheirMarksAreDropped() {
    // "สวัสดี": the vowel sign U+0E31 and tone marks are combining marks, dropped like accents.
    assertThat(tokens("สวัสดี")).containsExactly("ส", "ว", "ส", "ด");
  }

  @Test
  void spacingDoesNotChangeTheTokens() {
    assertThat(tokens("我 想 加 你")).isEqualTo(tokens("我想加你"));
  }

  @Test
  void theOnePassAndTheTwoPassTokenisersAgreeOnScriptsWithoutSpaces() {
    String note = "王先生您好！https://example.com 我想加入您的领英人脉。ありがとう";
    assertThat(List.of(Canonical.inTwoPasses(note, Integer.MAX_VALUE).tokens()))
        .isEqualTo(List.of(Canonical.of(note, Integer.MAX_VALUE).tokens()));
  }

  @Test
  void hangulWordsStayWhole() {
    // Korean puts spaces between words; NFKD spells each syllable in its letters (jamo).
    assertThat(tokens("안녕하세요 링크드인")).hasSize(2);
  }
}
