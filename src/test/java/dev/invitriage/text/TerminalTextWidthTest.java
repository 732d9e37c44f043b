package dev.invitriage.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TerminalTextWidthTest {

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
    assertThat(TerminalText.width(text)).isEqualTo(expected);
  }

  @Test
  void widthOfNullIsZero() {
    assertThat(TerminalText.width(null)).isZero();
  }

  @Test
  void fitReturnsTheSameInstanceWhenTextFits() {
    String s = "short";

    assertThat(TerminalText.fit(s, 5)).isSameAs(s);
  }

  @Test
  void fitCutsWithAnEllipsis() {
    assertThat(TerminalText.fit("Jane Doe", 5)).isEqualTo("Jane…");
  }

  @Test
  void fitPadsWhereAWideCharacterWouldStraddleTheEdge() {
    assertThat(TerminalText.fit("漢字漢字", 5)).isEqualTo("漢字…");
    assertThat(TerminalText.fit("漢字漢字", 4)).isEqualTo("漢 …");
  }

  @Test
  void fitNeverSplitsAGraphemeCluster() {
    assertThat(TerminalText.fit("a👨‍👩‍👧b", 3)).isEqualTo("a …");
    assertThat(TerminalText.fit("e\u0301e\u0301e\u0301", 2)).isEqualTo("e\u0301…");
    assertThat(TerminalText.fit("🇩🇪🇫🇷", 3)).isEqualTo("🇩🇪…");
  }

  @Test
  void fitToOneColumnIsAnEllipsis() {
    assertThat(TerminalText.fit("abc", 1)).isEqualTo("…");
  }

  @Test
  void fitToNoColumnsIsEmpty() {
    assertThat(TerminalText.fit("abc", 0)).isEmpty();
    assertThat(TerminalText.fit("abc", -3)).isEmpty();
  }

  @Test
  void padFillsWithSpacesToExactlyTheColumns() {
    assertThat(TerminalText.pad("漢", 4)).isEqualTo("漢  ");
    assertThat(TerminalText.pad("Jane Doe", 5)).isEqualTo("Jane…");
    assertThat(TerminalText.pad(null, 3)).isEqualTo("   ");
  }

  @Test
  void wrapBreaksAtSpaces() {
    assertThat(TerminalText.wrap("the quick brown fox", 10)).containsExactly("the quick", "brown fox");
  }

  @Test
  void wrapKeepsExplicitLineBreaksAndBlankLines() {
    assertThat(TerminalText.wrap("Hi,\n\nthanks!\r\nBye", 20))
        .containsExactly("Hi,", "", "thanks!", "Bye");
  }

  @Test
  void wrapBreaksWordsLongerThanALine() {
    assertThat(TerminalText.wrap("see https://example.com/abc", 10))
        .containsExactly("see https:", "//example.", "com/abc");
  }

  @Test
  void wrapBreaksWideTextBetweenClusters() {
    assertThat(TerminalText.wrap("漢字漢字漢", 5)).containsExactly("漢字", "漢字", "漢");
  }

  @Test
  void wrapKeepsParagraphIndentation() {
    assertThat(TerminalText.wrap("  - one two", 8)).containsExactly("  - one", "two");
  }

  @Test
  void wrapNeutralisesControlsInItsInput() {
    assertThat(TerminalText.wrap("a\u001b[2Jb\tc", 20)).containsExactly("a␛[2Jb  c");
  }

  @Test
  void wrapShowsAWideCharacterOnAOneColumnLineAsAnEllipsis() {
    assertThat(TerminalText.wrap("漢a", 1)).containsExactly("…", "a");
  }

  @Test
  void wrapOfEmptyTextIsOneEmptyLine() {
    assertThat(TerminalText.wrap("", 10)).containsExactly("");
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
    String out = TerminalText.replaceUnsupported("a😀b👨‍👩‍👧𝓙", cp -> cp < 0x10000);

    assertThat(out).isEqualTo("a\uFFFD b\uFFFD J");
  }

  @Test
  void replaceUnsupportedReturnsTheSameInstanceWhenAllCanBeDrawn() {
    String s = "漢字 ❤️ e\u0301";

    assertThat(TerminalText.replaceUnsupported(s, cp -> cp < 0x10000)).isSameAs(s);
  }

  @Test
  void undrawableStyledLettersFallBackToTheirPlainForm() {
    assertThat(TerminalText.replaceUnsupported("𝓜𝓪𝓻𝓬𝓾𝓼 🚀", cp -> cp <= 0xFFFF)).isEqualTo("Marcus \uFFFD ");
  }

  @Test
  void wrapNeverGluesAStraySelectorOntoTheWordBefore() {
    for (String line : TerminalText.wrap("#\t\uFE0F\uFFFD\uFFFD", 1)) {
      assertThat(TerminalText.width(line)).isLessThanOrEqualTo(1);
    }
  }
}
