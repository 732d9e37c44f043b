package dev.invitriage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Per-character NFKD gives what whole-note NFKD gives, once non-spacing marks are dropped. */
class DecompositionsTest {

  @Test
  void everyCharacterWithANonZeroCombiningClassIsACombiningMark() {
    // Decompositions relies on this Unicode fact: only these marks are ever reordered by NFKD.
    List<String> others = new ArrayList<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK
          || type == Character.COMBINING_SPACING_MARK
          || type == Character.UNASSIGNED
          || type == Character.SURROGATE) {
        continue;
      }
      String s = new String(Character.toChars(cp));
      if (nfkd(s).equals(s) && hasNonZeroCombiningClass(s)) {
        others.add(Integer.toHexString(cp));
      }
    }
    assertThat(others).isEmpty();
  }

  /**
   * NFD orders combining marks by class: a character with a class from 1 to 239 moves before
   * U+0345 (class 240), one with a class above 1 moves before U+0334 (class 1).
   */
  private static boolean hasNonZeroCombiningClass(String s) {
    return !nfd("\u0345" + s).equals("\u0345" + s) || !nfd(s + "\u0334").equals(s + "\u0334");
  }

  @Test
  void combiningClassProbeRecognisesMarks() {
    assertThat(hasNonZeroCombiningClass("\u0301")).isTrue(); // class 230
    assertThat(hasNonZeroCombiningClass("\u0345")).isTrue(); // class 240
    assertThat(hasNonZeroCombiningClass("\u0334")).isTrue(); // class 1
    assertThat(hasNonZeroCombiningClass("a")).isFalse();
    assertThat(hasNonZeroCombiningClass("\u20DD")).isFalse(); // enclosing circle, class 0
  }

  @Test
  void scriptsThatDecomposeGiveTheSameLettersAsWholeNoteNormalisation() {
    for (String s :
        List.of(
            "Мой коллега Алексей рекомендовал связаться с вами. Й й ё",
            "أعمل على مشروع مشابه في الرياض وأود تبادل الخبرات معك، إبراهيم",
            "지난주 서울 밋업에서 뵈었습니다.",
            "先週の勉強会でお会いしました。ガギグゲゴ",
            "上周我们在上海的技术大会上见过面，聊了很多",
            "ﬁnance ½ Ⅷ ² ＡＢＣ 𝓜𝓲𝓻𝓪 ẞ ǅ e\u0301\u0323 a\u0323\u0301 \u1E69\u0323",
            "Gostaria de adicioná-lo à minha rede profissional",
            "\uFDFA \u3300 \u0F73\u0F75 \u0344")) {
      assertThat(withoutNonSpacingMarks(byCharacter(s)))
          .as(s)
          .isEqualTo(withoutNonSpacingMarks(nfkd(s)));
    }
  }

  @Test
  void randomTextGivesTheSameLettersAsWholeNoteNormalisation() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(20); k > 0; k--) {
        int cp = random.nextInt(4) == 0 ? random.nextInt(0x30000) : 0x80 + random.nextInt(0x3000);
        if (!Character.isSurrogate((char) cp) || cp > 0xFFFF) {
          sb.appendCodePoint(cp);
        }
      }
      String s = sb.toString();
      assertThat(withoutNonSpacingMarks(byCharacter(s)))
          .as(s)
          .isEqualTo(withoutNonSpacingMarks(nfkd(s)));
    }
  }

  @Test
  void spacingCombiningMarkAsksForTheWholeNote() {
    // U+1D16D (class 226) before U+1D165 (class 216): NFKD swaps them, and the tokeniser keeps both
    assertThat(Decompositions.of('\uD834', '\uDD65')).isNull();
    assertThat(Decompositions.of('\u093E')).isNull(); // a Devanagari vowel sign
    assertThat(Canonical.of("a\uD834\uDD6D\uD834\uDD65b", Integer.MAX_VALUE).tokens())
        .containsExactly("a\uD834\uDD65\uD834\uDD6Db");
  }

  /** Each character's decomposition, or the character itself when it has none. */
  private static String byCharacter(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String d;
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        d = Decompositions.of(c, s.charAt(++i));
      } else {
        d = CharacterFacts.decomposes(CharacterFacts.of(c)) ? Decompositions.of(c) : String.valueOf(c);
      }
      if (d == null) {
        return nfkd(s); // as Canonical does
      }
      sb.append(d);
    }
    return sb.toString();
  }

  private static String withoutNonSpacingMarks(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints()
        .filter(
            cp ->
                Character.getType(cp) != Character.NON_SPACING_MARK
                    && Character.getType(cp) != Character.ENCLOSING_MARK)
        .forEach(sb::appendCodePoint);
    return sb.toString();
  }

  private static String nfkd(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKD);
  }

  private static String nfd(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD);
  }
}
