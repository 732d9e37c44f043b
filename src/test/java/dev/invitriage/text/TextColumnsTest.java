package dev.invitriage.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextColumnsTest {

  static Stream<Arguments> widths() {
    return Stream.of(
        arguments("empty", "", 0),
        arguments("ASCII", "Jane Doe", 8),
        arguments("CJK ideographs", "漢字", 4),
        arguments("Hangul syllables", "한국어", 6),
        arguments("conjoining Hangul jamo", "\u1100\u1161\u11A8", 2),
        arguments("fullwidth forms", "ＡＢＣ", 6),
        arguments("halfwidth katakana", "ｶﾀｶﾅ", 4),
        arguments("ideographic space", "\u3000", 2),
        arguments("emoji", "😀", 2),
        arguments("emoji with skin tone", "👍🏽", 2),
        arguments("family ZWJ sequence", "👨‍👩‍👧", 2),
        arguments("rainbow flag ZWJ sequence with VS16", "🏳️‍🌈", 2),
        arguments("flag", "🇩🇪", 2),
        arguments("two flags", "🇩🇪🇫🇷", 4),
        arguments("text-default symbol", "\u2764", 1),
        arguments("text-default symbol with VS16", "\u2764\uFE0F", 2),
        arguments("keycap", "1\uFE0F\u20E3", 2),
        arguments("emoji newer than Java 17", new String(Character.toChars(0x1FAE0)), 2),
        arguments("e with combining acute", "e\u0301", 1),
        arguments("stacked combining marks", "a\u0308\u0301\u0323", 1),
        arguments("Arabic", "مرحبا", 5),
        arguments("Arabic with harakat", "مَرْحَبًا", 5),
        arguments("Hebrew", "שלום", 4),
        arguments("Devanagari (Unicode 13 clusters, as wcwidth)", "नमस्ते", 4),
        arguments("mathematical script letters", "𝓙𝓸𝓱𝓷", 4),
        arguments("control pictures and placeholder", "␛[2J⍰", 5),
        arguments("mixed", "Zoë 漢 😀!", 10));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("widths")
  void widthCountsTerminalColumnsPerGraphemeCluster(String label, String text, int expected) {
    assertThat(TextColumns.width(text)).isEqualTo(expected);
  }

  @Test
  void widthOfNullIsZero() {
    assertThat(TextColumns.width(null)).isZero();
  }

  @Test
  void fitReturnsTheSameInstanceWhenTextFits() {
    String s = "short";

    assertThat(TextColumns.fit(s, 5)).isSameAs(s);
  }

  @Test
  void fitCutsWithAnEllipsis() {
    assertThat(TextColumns.fit("Jane Doe", 5)).isEqualTo("Jane…");
  }

  @Test
  void fitPadsWhereAWideCharacterWouldStraddleTheEdge() {
    assertThat(TextColumns.fit("漢字漢字", 5)).isEqualTo("漢字…");
    assertThat(TextColumns.fit("漢字漢字", 4)).isEqualTo("漢 …");
  }

  @Test
  void fitNeverSplitsAGraphemeCluster() {
    assertThat(TextColumns.fit("a👨‍👩‍👧b", 3)).isEqualTo("a …");
    assertThat(TextColumns.fit("e\u0301e\u0301e\u0301", 2)).isEqualTo("e\u0301…");
    assertThat(TextColumns.fit("🇩🇪🇫🇷", 3)).isEqualTo("🇩🇪…");
  }

  @Test
  void fitToOneColumnIsAnEllipsis() {
    assertThat(TextColumns.fit("abc", 1)).isEqualTo("…");
  }

  @Test
  void fitToNoColumnsIsEmpty() {
    assertThat(TextColumns.fit("abc", 0)).isEmpty();
    assertThat(TextColumns.fit("abc", -3)).isEmpty();
  }

  @Test
  void padFillsWithSpacesToExactlyTheColumns() {
    assertThat(TextColumns.pad("漢", 4)).isEqualTo("漢  ");
    assertThat(TextColumns.pad("Jane Doe", 5)).isEqualTo("Jane…");
    assertThat(TextColumns.pad(null, 3)).isEqualTo("   ");
  }

  @Test
  void wrapBreaksAtSpaces() {
    assertThat(TextColumns.wrap("the quick brown fox", 10)).containsExactly("the quick", "brown fox");
  }

  @Test
  void wrapKeepsExplicitLineBreaksAndBlankLines() {
    assertThat(TextColumns.wrap("Hi,\n\nthanks!\r\nBye", 20))
        .containsExactly("Hi,", "", "thanks!", "Bye");
  }

  @Test
  void wrapBreaksWordsLongerThanALine() {
    assertThat(TextColumns.wrap("see https://example.com/abc", 10))
        .containsExactly("see https:", "//example.", "com/abc");
  }

  @Test
  void wrapBreaksWideTextBetweenClusters() {
    assertThat(TextColumns.wrap("漢字漢字漢", 5)).containsExactly("漢字", "漢字", "漢");
  }

  @Test
  void wrapKeepsParagraphIndentation() {
    assertThat(TextColumns.wrap("  - one two", 8)).containsExactly("  - one", "two");
  }

  @Test
  void wrapNeutralisesControlsInItsInput() {
    assertThat(TextColumns.wrap("a\u001b[2Jb\tc", 20)).containsExactly("a␛[2Jb  c");
  }

  @Test
  void wrapShowsAWideCharacterOnAOneColumnLineAsAnEllipsis() {
    assertThat(TextColumns.wrap("漢a", 1)).containsExactly("…", "a");
  }

  @Test
  void wrapOfEmptyTextIsOneEmptyLine() {
    assertThat(TextColumns.wrap("", 10)).containsExactly("");
  }

  @Test
  void firstLineSkipsLeadingBlankLinesAndStrips() {
    assertThat(TerminalText.firstLine("\n \r\n\u00A0\t\n  Hello there  \nsecond")).isEqualTo("Hello there");
  }

  @Test
  void firstLineOfBlankTextIsEmpty() {
    assertThat(TerminalText.firstLine(" \n\t\n")).isEmpty();
    assertThat(TerminalText.firstLine(null)).isEmpty();
  }

  @Test
  void firstLineIsSafeForOneLineDisplay() {
    assertThat(TerminalText.firstLine("\u001b[31mHi\u0007")).isEqualTo("␛[31mHi␇");
  }

  @Test
  void replaceUnsupportedKeepsTheWidthOfAstralCharacters() {
    String out = TextColumns.replaceUnsupported("a😀b👨‍👩‍👧𝓙", cp -> cp < 0x10000);

    assertThat(out).isEqualTo("a\uFFFD b\uFFFD J");
  }

  @Test
  void replaceUnsupportedReturnsTheSameInstanceWhenAllCanBeDrawn() {
    String s = "漢字 ❤️ e\u0301";

    assertThat(TextColumns.replaceUnsupported(s, cp -> cp < 0x10000)).isSameAs(s);
  }

  @Test
  void undrawableStyledLettersFallBackToTheirPlainForm() {
    assertThat(TextColumns.replaceUnsupported("𝓜𝓪𝓻𝓬𝓾𝓼 🚀", cp -> cp <= 0xFFFF)).isEqualTo("Marcus \uFFFD ");
  }

  @Test
  void wrapNeverGluesAStraySelectorOntoTheWordBefore() {
    for (String line : TextColumns.wrap("#\t\uFE0F\uFFFD\uFFFD", 1)) {
      assertThat(TextColumns.width(line)).isLessThanOrEqualTo(1);
    }
  }
}
