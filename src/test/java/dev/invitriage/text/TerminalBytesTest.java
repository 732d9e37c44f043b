package dev.invitriage.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalTextUtils;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a stream terminal writes for a cell: UTF-8 of exactly the characters Lanterna would print. */
class TerminalBytesTest {

  @Test
  void printsExactlyTheCharactersLanternaPrints() {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      assertThat(TerminalBytes.printable((char) c)).as("U+%04X", c).isEqualTo(TerminalTextUtils.isPrintableCharacter((char) c));
    }
  }

  @Test
  void aCharacterIsItsUtf8AndNothingAfterIt() {
    // Lanterna's own wrote C3 A1 00 for "á": the encoder's whole buffer.
    assertThat(TerminalBytes.of('á')).containsExactly(0xC3 - 256, 0xA1 - 256);
    assertThat(TerminalBytes.of('a')).containsExactly('a');
    assertThat(TerminalBytes.of('字')).isEqualTo("字".getBytes(StandardCharsets.UTF_8));
    assertThat(TerminalBytes.of('\u001b')).isEmpty();
    assertThat(TerminalBytes.of('\u007f')).isEmpty();
    for (char c = 0; c < 0xD800; c++) {
      assertThat(TerminalBytes.of(c)).as("U+%04X", (int) c).isEqualTo(TerminalBytes.of(String.valueOf(c)));
    }
  }

  @Test
  void anEmojiIsOneCharacterNotTwoQuestionMarks() {
    assertThat(TerminalBytes.of("😀")).containsExactly(0xF0 - 256, 0x9F - 256, 0x98 - 256, 0x80 - 256);
    assertThat(new String(TerminalBytes.of("👍🏽"), StandardCharsets.UTF_8)).isEqualTo("👍🏽");
  }

  @Test
  void controlsInAStringAreDroppedAsLanternaDropsThem() {
    assertThat(new String(TerminalBytes.of("a\u0007b\u001b[31mc"), StandardCharsets.UTF_8)).isEqualTo("ab[31mc");
    assertThat(new String(TerminalBytes.of("tab\there"), StandardCharsets.UTF_8)).isEqualTo("tab\there");
  }
}
