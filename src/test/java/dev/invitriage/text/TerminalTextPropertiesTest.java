package dev.invitriage.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class TerminalTextPropertiesTest {

  /** Strings of arbitrary code points, lone surrogates included, biased towards hard cases. */
  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> anyCodePoint =
        Arbitraries.integers().between(0, 0x10FFFF).map(TerminalTextPropertiesTest::codePoint);
    Arbitrary<String> lowCodePoint =
        Arbitraries.integers().between(0, 0x2FF).map(TerminalTextPropertiesTest::codePoint);
    Arbitrary<String> anyChar = Arbitraries.chars().all().map(String::valueOf);
    Arbitrary<String> tricky =
        Arbitraries.of(
            "\u001b", "\u0007", "\r", "\n", "\t", "\u009b", "\u202e", "\u200d", "\u200b", "\ufe0f",
            "\ufe0e", "\u0301", "\u20e3", "\ud83d", "\ude00", "😀", "👍", "🏽", "👨", "🇩", "🇪",
            "漢", "ｶ", "\u3164", "\u2028", " ", "  ", "a", "é", "مَ", "𝓙", "\u1100", "\u1161",
            new String(Character.toChars(0x1FAE0)));
    return Arbitraries.frequencyOf(
            Tuple.of(3, anyCodePoint),
            Tuple.of(2, lowCodePoint),
            Tuple.of(2, anyChar),
            Tuple.of(5, tricky))
        .list()
        .ofMaxSize(40)
        .map(parts -> String.join("", parts));
  }

  private static String codePoint(int cp) {
    return new StringBuilder().appendCodePoint(cp).toString();
  }

  /**
   * The short cut in {@link TerminalText#width} and {@link TerminalText#fit} (a character a column)
   * holds only if such strings are a one-column grapheme cluster per character, whatever follows
   * what: the long way must agree on every string the short cut takes, and on hostile ones too.
   */
  @Property
  void theOneColumnShortCutAgreesWithGraphemeClusters(@ForAll("oneColumnOrNot") String s) {
    if (TextColumns.oneColumnEach(s)) {
      assertThat(TextColumns.clusters(s)).isEqualTo(s.length());
      assertThat(TextColumns.widthByClusters(s)).isEqualTo(s.length());
    }
    assertThat(TextColumns.width(s)).isEqualTo(TextColumns.widthByClusters(s));
  }

  @Provide
  Arbitrary<String> oneColumnOrNot() {
    Arbitrary<String> near = Arbitraries.oneOf(Arbitraries.integers().between(0x20, 0x560),
        Arbitraries.integers().between(0x2000, 0x2600)).map(TerminalTextPropertiesTest::codePoint);
    return Arbitraries.oneOf(near.list().ofMaxSize(12).map(parts -> String.join("", parts)), hostile());
  }

  @Property(tries = 1)
  void everyCharacterTheShortCutTakesIsOneColumnAlone() {
    for (char c = 0; c < 0x3000; c++) {
      String one = String.valueOf(c);
      if (TextColumns.oneColumnEach(one)) {
        assertThat(TextColumns.widthByClusters(one)).as("U+%04X", (int) c).isEqualTo(1);
        assertThat(TextColumns.widthByClusters("a" + one + "b")).as("a U+%04X b", (int) c).isEqualTo(3);
      }
    }
  }

  @Property
  void sanitizeNeverLetsAControlOrInvisibleCharacterThrough(@ForAll("hostile") String s) {
    assertSafe(TerminalText.sanitize(s), false);
  }

  @Property
  void sanitizeMultilineLetsOnlyLineFeedsThrough(@ForAll("hostile") String s) {
    assertSafe(TerminalText.sanitizeMultiline(s), true);
  }

  @Property
  void sanitizeIsIdempotent(@ForAll("hostile") String s) {
    String once = TerminalText.sanitize(s);

    assertThat(TerminalText.sanitize(once)).isSameAs(once);
  }

  @Property
  void sanitizeMultilineIsIdempotent(@ForAll("hostile") String s) {
    String once = TerminalText.sanitizeMultiline(s);

    assertThat(TerminalText.sanitizeMultiline(once)).isEqualTo(once);
  }

  @Property
  void fitNeverExceedsTheColumns(
      @ForAll("hostile") String s, @ForAll @IntRange(min = 0, max = 30) int columns) {
    String fitted = TextColumns.fit(TerminalText.sanitize(s), columns);

    assertThat(TextColumns.width(fitted)).isLessThanOrEqualTo(columns);
  }

  @Property
  void padIsExactlyTheColumns(
      @ForAll("hostile") String s, @ForAll @IntRange(min = 0, max = 30) int columns) {
    String padded = TextColumns.pad(TerminalText.sanitize(s), columns);

    assertThat(TextColumns.width(padded)).isEqualTo(columns);
  }

  @Property
  void wrapLinesNeverExceedTheColumns(
      @ForAll("hostile") String s, @ForAll @IntRange(min = 1, max = 30) int columns) {
    List<String> lines = TextColumns.wrap(s, columns);

    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      assertThat(TextColumns.width(line)).as("%s", line).isLessThanOrEqualTo(columns);
      assertSafe(line, false);
    }
  }

  @Property
  void replaceUnsupportedKeepsTheWidth(@ForAll("hostile") String s) {
    String safe = TerminalText.sanitize(s);
    String drawable = TextColumns.replaceUnsupported(safe, cp -> cp < 0x10000);

    assertThat(TextColumns.width(drawable)).isEqualTo(TextColumns.width(safe));
    assertThat(drawable.chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
  }

  private static void assertSafe(String out, boolean lineFeedsAllowed) {
    int[] cps = out.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      if (cp == '\n' && lineFeedsAllowed) {
        continue;
      }
      int type = Character.getType(cp);
      assertThat(cp >= 0x20 && cp != 0x7F && (cp < 0x80 || cp > 0x9F))
          .as("control U+%04X in %s", cp, out)
          .isTrue();
      assertThat(type)
          .as("U+%04X in %s", cp, out)
          .isNotEqualTo((int) Character.SURROGATE)
          .isNotEqualTo((int) Character.PRIVATE_USE)
          .isNotEqualTo((int) Character.LINE_SEPARATOR)
          .isNotEqualTo((int) Character.PARAGRAPH_SEPARATOR);
      if (type == Character.FORMAT) {
        // Only a ZWJ joining two emoji may remain.
        assertThat(cp).as("format U+%04X in %s", cp, out).isEqualTo(0x200D);
        assertThat(i + 1 < cps.length && isEmojiLike(cps[i + 1])).as("ZWJ in %s", out).isTrue();
        int j = i - 1;
        while (j >= 0 && isEmojiModifierOrMark(cps[j])) {
          j--;
        }
        assertThat(j >= 0 && isEmojiLike(cps[j])).as("ZWJ in %s", out).isTrue();
      }
    }
  }

  private static boolean isEmojiLike(int cp) {
    int type = Character.getType(cp);
    return type == Character.OTHER_SYMBOL || (type == Character.UNASSIGNED && cp >= 0x1F000);
  }

  private static boolean isEmojiModifierOrMark(int cp) {
    int type = Character.getType(cp);
    return (cp >= 0x1F3FB && cp <= 0x1F3FF)
        || type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }
}
