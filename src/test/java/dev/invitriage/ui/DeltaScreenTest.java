package dev.invitriage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The delta refresh leaves the terminal exactly as Lanterna's own does. */
class DeltaScreenTest {
  static final TerminalSize SIZE = new TerminalSize(16, 5);
  static final String[] CHARS = {"a", "b", "Z", " ", "é", "ж", "中", "字", "…", "\u2370"};
  static final TextColor[] COLOURS = {TextColor.ANSI.DEFAULT, TextColor.ANSI.RED, TextColor.ANSI.BLUE, new TextColor.RGB(10, 20, 30)};

  static TextCharacter randomCell(Random random) {
    String c = CHARS[random.nextInt(CHARS.length)];
    TextColor fg = COLOURS[random.nextInt(COLOURS.length)];
    TextColor bg = COLOURS[random.nextInt(COLOURS.length)];
    SGR[] sgr = random.nextInt(3) == 0 ? new SGR[] {SGR.BOLD} : random.nextInt(4) == 0 ? new SGR[] {SGR.REVERSE, SGR.UNDERLINE} : new SGR[0];
    return TextCharacter.fromString(c, fg, bg, sgr)[0];
  }

  @Test
  void doubleWidthAgreesWithLanternaForEveryCharacter() {
    for (char c = 0x20; c < 0xD800; c++) {
      if (c == 0x7F) {
        continue; // a control: Lanterna makes no cell of it
      }
      TextCharacter tc = TextCharacter.fromCharacter(c)[0];
      assertThat(DeltaScreen.doubleWidth(tc)).as("U+%04X", (int) c).isEqualTo(tc.isDoubleWidth());
    }
    TextCharacter emoji = TextCharacter.fromString("😀")[0];
    assertThat(DeltaScreen.doubleWidth(emoji)).isEqualTo(emoji.isDoubleWidth());
  }

  @Test
  void everyFrameLeavesTheTerminalAsLanternasDeltaRefreshDoes() throws IOException {
    DefaultVirtualTerminal ours = new DefaultVirtualTerminal(SIZE);
    DefaultVirtualTerminal lanternas = new DefaultVirtualTerminal(SIZE);
    TerminalScreen delta = new DeltaScreen(ours);
    TerminalScreen reference = new TerminalScreen(lanternas);
    delta.startScreen();
    reference.startScreen();
    Random random = new Random(7);
    TextCharacter[] palette = new TextCharacter[12];
    for (int i = 0; i < palette.length; i++) {
      palette[i] = randomCell(random);
    }
    for (int frame = 0; frame < 400; frame++) {
      int writes = random.nextInt(frame % 10 == 0 ? 80 : 12);
      for (int i = 0; i < writes; i++) {
        // Mostly reused cells (as the canvas gives), sometimes equal ones that are new objects.
        TextCharacter c = random.nextInt(5) == 0 ? randomCell(random) : palette[random.nextInt(palette.length)];
        int x = random.nextInt(SIZE.getColumns());
        int y = random.nextInt(SIZE.getRows());
        delta.setCharacter(x, y, c);
        reference.setCharacter(x, y, c);
      }
      TerminalPosition cursor = random.nextBoolean() ? null
          : new TerminalPosition(random.nextInt(SIZE.getColumns()), random.nextInt(SIZE.getRows()));
      delta.setCursorPosition(cursor);
      reference.setCursorPosition(cursor);
      delta.refresh(Screen.RefreshType.DELTA);
      reference.refresh(Screen.RefreshType.DELTA);
      for (int y = 0; y < SIZE.getRows(); y++) {
        for (int x = 0; x < SIZE.getColumns(); x++) {
          assertThat(ours.getCharacter(x, y)).as("frame %d, cell %d,%d", frame, x, y).isEqualTo(lanternas.getCharacter(x, y));
        }
      }
      assertThat(ours.isCursorVisible()).isEqualTo(lanternas.isCursorVisible());
      assertThat(ours.getCursorPosition()).isEqualTo(lanternas.getCursorPosition());
    }
  }
}
