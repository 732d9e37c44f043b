package dev.invitriage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.invitriage.text.TerminalText;
import dev.invitriage.text.TextColumns;
import java.io.IOException;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The canvas hands the screen only changed cells, and the screen ends up as if it had all of them. */
class CanvasTest {
  static final TerminalSize SIZE = new TerminalSize(12, 4);
  /** Clusters Lanterna measures as the terminal does (others get a stand-in, see TerminalSafetyTest). */
  static final String[] CLUSTERS = {"a", "b", " ", "é", "ж", "中", "字", "…"};
  static final Style[] STYLES = {
      Style.PLAIN,
      new Style(TextColor.ANSI.WHITE, TextColor.ANSI.BLUE, Set.of()),
      new Style(TextColor.ANSI.YELLOW, TextColor.ANSI.BLACK, Set.of(SGR.BOLD)),
  };

  static TerminalScreen screen() throws IOException {
    TerminalScreen s = new TerminalScreen(new DefaultVirtualTerminal(SIZE));
    s.startScreen();
    return s;
  }

  /** Writes a cluster as the canvas does, straight to a Lanterna screen. */
  static void writeDirectly(TerminalScreen s, int x, int y, String cluster, Style style) {
    s.setCharacter(x, y, TextCharacter.fromString(cluster, style.fg(), style.bg(), style.sgrSet())[0]);
  }

  @Test
  void framesOfOverlappingWritesLeaveTheScreenAsWritingEveryCellWould() throws IOException {
    TerminalScreen viaCanvas = screen();
    TerminalScreen direct = screen();
    Canvas canvas = new Canvas(viaCanvas);
    Random random = new Random(42);
    for (int frame = 0; frame < 300; frame++) {
      canvas.begin(SIZE, frame == 0);
      Style plain = Style.PLAIN;
      for (int y = 0; y < SIZE.getRows(); y++) {
        for (int x = 0; x < SIZE.getColumns(); x++) {
          writeDirectly(direct, x, y, " ", plain);
        }
      }
      for (int i = 0; i < 20; i++) {
        String cluster = CLUSTERS[random.nextInt(CLUSTERS.length)];
        Style style = STYLES[random.nextInt(STYLES.length)];
        int w = TextColumns.width(cluster);
        int x = random.nextInt(SIZE.getColumns() - 1);
        int y = random.nextInt(SIZE.getRows());
        canvas.text(x, y, w, cluster, style);
        writeDirectly(direct, x, y, cluster, style);
      }
      canvas.flush();
      for (int y = 0; y < SIZE.getRows(); y++) {
        for (int x = 0; x < SIZE.getColumns(); x++) {
          assertThat(viaCanvas.getBackCharacter(x, y)).as("frame %d, cell %d,%d", frame, x, y)
              .isEqualTo(direct.getBackCharacter(x, y));
        }
      }
    }
  }

  /**
   * Text of a column a character (Latin, Greek, Cyrillic, punctuation, box lines) is drawn a
   * character a cell, each the cell Lanterna makes of it; text that is not (a combining mark, a
   * wide character) takes the grapheme path, which the other tests hold.
   */
  @Test
  void textOfAColumnACharacterIsACellACharacter() throws IOException {
    TerminalScreen s = screen();
    Canvas canvas = new Canvas(s);
    Random random = new Random(3);
    String alphabet = "aZ éøßñçÆĀžŁπΩжЯ–—“”…•│─┼\u00ad\u0301中";
    int drawnFast = 0;
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(16); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      int w = 1 + random.nextInt(SIZE.getColumns());
      Style style = STYLES[random.nextInt(STYLES.length)];
      canvas.begin(SIZE, false);
      canvas.text(0, 2, w, text.toString(), style);
      String safe = TextColumns.pad(Canvas.drawable(TerminalText.sanitize(text.toString())), w);
      if (!TextColumns.oneColumnEach(safe)) {
        continue;
      }
      drawnFast++;
      TextCharacter[] row = canvas.cells(0, 2, w).cells();
      for (int i = 0; i < w; i++) {
        assertThat(row[i]).as("%s in %d columns, cell %d", text, w, i)
            .isEqualTo(TextCharacter.fromString(String.valueOf(safe.charAt(i)), style.fg(), style.bg(), style.sgrSet())[0]);
      }
    }
    assertThat(drawnFast).as("texts that took the short cut").isGreaterThan(500);
  }

  @Test
  void plainAsciiIsCutAndPaddedAsAnyTextIs() throws IOException {
    TerminalScreen s = screen();
    Canvas canvas = new Canvas(s);
    for (String text : new String[] {"", "hi", "exactly12ch", "a line much longer than the row"}) {
      for (int w = 1; w <= SIZE.getColumns(); w++) {
        canvas.begin(SIZE, false);
        canvas.text(0, 1, w, text, Style.PLAIN);
        canvas.flush();
        String expected = TextColumns.pad(text, w);
        StringBuilder drawn = new StringBuilder();
        for (int x = 0; x < w; x++) {
          drawn.append(s.getBackCharacter(x, 1).getCharacterString());
        }
        assertThat(drawn.toString()).as("'%s' in %d columns", text, w).isEqualTo(expected);
      }
    }
  }
}
