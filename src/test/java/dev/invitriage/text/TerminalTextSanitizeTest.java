package dev.invitriage.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TerminalTextSanitizeTest {

  static Stream<Arguments> hostileInputs() {
    return Stream.of(
        arguments("CSI clear screen", "a\u001b[2Jb", "a␛[2Jb"),
        arguments("SGR colour", "\u001b[31mred", "␛[31mred"),
        arguments("OSC 52 clipboard write", "\u001b]52;c;aGk=\u0007", "␛]52;c;aGk=␇"),
        arguments(
            "OSC 8 hyperlink",
            "\u001b]8;;http://x\u001b\\text\u001b]8;;\u001b\\",
            "␛]8;;http://x␛\\text␛]8;;␛\\"),
        arguments("C1 single-byte CSI", "\u009b31mX", "⍰31mX"),
        arguments("C1 NEL", "a\u0085b", "a⍰b"),
        arguments("BEL", "ding\u0007", "ding␇"),
        arguments("backspace overwriting", "admin\b\b\b\b\buser", "admin␈␈␈␈␈user"),
        arguments("carriage return overwriting", "safe\rEVIL", "safe␍EVIL"),
        arguments("line feed", "a\nb", "a␤b"),
        arguments("tab", "a\tb", "a␉b"),
        arguments("NUL", "a\u0000b", "a␀b"),
        arguments("DEL", "a\u007fb", "a␡b"),
        arguments("bidi override", "abc\u202Eevil", "abc⍰evil"),
        arguments("bidi isolates", "\u2066x\u2069", "⍰x⍰"),
        arguments("bidi marks", "a\u200E\u200F\u061Cb", "a⍰⍰⍰b"),
        arguments("zero-width space", "Jo\u200Bhn", "Jo⍰hn"),
        arguments("zero-width non-joiner", "a\u200Cb", "a⍰b"),
        arguments("ZWJ between letters", "a\u200Db", "a⍰b"),
        arguments("word joiner and invisible operators", "a\u2060\u2062b", "a⍰⍰b"),
        arguments("byte order mark", "\uFEFFname", "⍰name"),
        arguments("soft hyphen", "soft\u00ADhyphen", "soft⍰hyphen"),
        arguments("tag characters", "hi\uDB40\uDC41\uDB40\uDC42", "hi⍰⍰"),
        arguments("lone high surrogate", "a\uD83Db", "a⍰b"),
        arguments("lone low surrogate", "a\uDE00b", "a⍰b"),
        arguments("reversed surrogate pair", "\uDE00\uD83D", "⍰⍰"),
        arguments("private use", "a\uE000b", "a⍰b"),
        arguments("unassigned", "a\u0378b", "a⍰b"),
        arguments("noncharacter", "a\uFFFFb", "a⍰b"),
        arguments("Hangul filler blank name", "\u3164", "⍰"),
        arguments("line separator", "a\u2028b", "a⍰b"),
        arguments("run of variation selectors", "a\uFE00\uFE01\uFE02", "a\uFE00⍰⍰"),
        arguments("variation selector with no base", "\uFE0Fx", "⍰x"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileInputs")
  void sanitizeShowsHostileCharactersAsVisiblePlaceholders(
      String label, String input, String expected) {
    String out = TerminalText.sanitize(input);

    assertThat(out).isEqualTo(expected);
    assertNoTerminalControls(out);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileInputs")
  void sanitizeMultilineAlsoNeutralisesHostileCharacters(
      String label, String input, String ignored) {
    String out = TerminalText.sanitizeMultiline(input);

    assertThat(out.replace("\n", "")).doesNotContain("\u001b", "\u0007");
    assertNoTerminalControls(out.replace("\n", ""));
  }

  @Test
  void oscClipboardWriteLeavesNoEscOrBelByte() {
    String out = TerminalText.sanitize("x\u001b]52;c;QkFTRTY0\u0007y");

    assertThat(out).doesNotContain("\u001b").doesNotContain("\u0007").contains("␛", "␇");
  }

  @Test
  void sanitizeReturnsTheSameInstanceForAsciiText() {
    String s = "Jane Doe <jane@example.com> (Recruiter)";

    assertThat(TerminalText.sanitize(s)).isSameAs(s);
  }

  @Test
  void sanitizeReturnsTheSameInstanceForCleanInternationalText() {
    String s = "Zoë Ångström 漢字 한국어 مرحبا 😀 👍🏽 👨‍👩‍👧 🇩🇪 🏳️‍🌈 e\u0301 𝓙𝓸𝓱𝓷 \u00A0";

    assertThat(TerminalText.sanitize(s)).isSameAs(s);
  }

  @Test
  void sanitizeKeepsZwjInsideEmojiSequences() {
    String family = "👨\u200D👩\u200D👧";
    String toneZwj = "🧑🏽\u200D💻";

    assertThat(TerminalText.sanitize(family)).isSameAs(family);
    assertThat(TerminalText.sanitize(toneZwj)).isSameAs(toneZwj);
  }

  @Test
  void sanitizeReplacesZwjThatDoesNotJoinTwoEmoji() {
    assertThat(TerminalText.sanitize("😀\u200Da")).isEqualTo("😀⍰a");
    assertThat(TerminalText.sanitize("a\u200D😀")).isEqualTo("a⍰😀");
    assertThat(TerminalText.sanitize("😀\u200D")).isEqualTo("😀⍰");
  }

  @Test
  void sanitizePutsLeadingCombiningMarkOnDottedCircle() {
    assertThat(TerminalText.sanitize("\u0301abc")).isEqualTo("\u25CC\u0301abc");
  }

  @Test
  void sanitizeKeepsEmojiNewerThanTheJdk() {
    String melting = new String(Character.toChars(0x1FAE0)); // Unicode 14, unknown to Java 17

    assertThat(TerminalText.sanitize(melting)).isSameAs(melting);
  }

  @Test
  void sanitizeOfNullIsEmpty() {
    assertThat(TerminalText.sanitize(null)).isEmpty();
    assertThat(TerminalText.sanitizeMultiline(null)).isEmpty();
  }

  @Test
  void sanitizeIsIdempotent() {
    String once = TerminalText.sanitize("\u001b[2J\u202E\u0301\uFE0F\uFE0F\uD800x");

    assertThat(TerminalText.sanitize(once)).isSameAs(once);
  }

  @Test
  void sanitizeMultilineKeepsLineFeeds() {
    String s = "line one\nline two";

    assertThat(TerminalText.sanitizeMultiline(s)).isSameAs(s);
  }

  @Test
  void sanitizeMultilineTurnsCrlfAndLoneCrIntoLineFeeds() {
    assertThat(TerminalText.sanitizeMultiline("a\r\nb\rc\n\rd")).isEqualTo("a\nb\nc\n\nd");
  }

  @Test
  void sanitizeMultilineTurnsUnicodeLineSeparatorsIntoLineFeeds() {
    assertThat(TerminalText.sanitizeMultiline("a\u2028b\u2029c")).isEqualTo("a\nb\nc");
  }

  @Test
  void sanitizeMultilineExpandsTabsToTheNextMultipleOfFourColumns() {
    assertThat(TerminalText.sanitizeMultiline("\tx")).isEqualTo("    x");
    assertThat(TerminalText.sanitizeMultiline("ab\tx")).isEqualTo("ab  x");
    assertThat(TerminalText.sanitizeMultiline("abcd\tx")).isEqualTo("abcd    x");
    assertThat(TerminalText.sanitizeMultiline("a\tb\tc")).isEqualTo("a   b   c");
    assertThat(TerminalText.sanitizeMultiline("漢\tx")).isEqualTo("漢  x");
    assertThat(TerminalText.sanitizeMultiline("abc\nd\tx")).isEqualTo("abc\nd   x");
  }

  @Test
  void sanitizeMultilineShowsOtherControlsAsPictures() {
    assertThat(TerminalText.sanitizeMultiline("a\u000bb\u000cc\u001b")).isEqualTo("a␋b␌c␛");
  }

  static void assertNoTerminalControls(String out) {
    out.codePoints()
        .forEach(
            cp -> {
              assertThat(cp).as("C0 control or DEL").isGreaterThanOrEqualTo(0x20).isNotEqualTo(0x7F);
              assertThat(cp < 0x80 || cp > 0x9F).as("C1 control U+%04X", cp).isTrue();
              assertThat(Character.getType(cp))
                  .as("U+%04X", cp)
                  .isNotEqualTo((int) Character.FORMAT)
                  .isNotEqualTo((int) Character.SURROGATE)
                  .isNotEqualTo((int) Character.PRIVATE_USE);
            });
  }
}
