package dev.invitriage.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.ScreenBuffer;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.util.EnumSet;

/**
 * A {@link TerminalScreen} whose {@link RefreshType#DELTA delta} refresh costs what changed, not
 * what the screen holds. Lanterna's own looks at both widths of every cell (two Unicode block
 * lookups each), sorts the changed cells in a tree keyed by new position objects, clones every
 * changed cell's modifier set once per SGR, and writes each cell with its own {@code putString}:
 * per frame, more work than drawing the inbox. This one passes over cells that are the same
 * object in both buffers (the {@link Canvas} reuses its cells), measures only the cells that
 * changed, and writes a one-character cell with {@code putCharacter}: what a stream terminal's
 * {@code putString} does for each character anyway, without the virtual terminal's splitting of
 * the string into graphemes first.
 *
 * <p>What reaches the terminal is the same as with Lanterna's refresh: the same cells, in the same
 * order, with the same colours and modifiers, the blank owed to the right half of a double-width
 * character that went away, and the cursor placed the same way. Complete and automatic refreshes
 * are Lanterna's own.
 */
final class DeltaScreen extends TerminalScreen {
  private static final SGR[] SGRS = SGR.values();

  private boolean started;

  DeltaScreen(Terminal terminal) throws IOException {
    super(terminal);
  }

  @Override
  public synchronized void startScreen() throws IOException {
    super.startScreen();
    started = true;
  }

  @Override
  public synchronized void stopScreen(boolean flushInput) throws IOException {
    super.stopScreen(flushInput);
    started = false;
  }

  @Override
  public synchronized void refresh(RefreshType refreshType) throws IOException {
    // Every refresh ends with the terminal's flush, which writes the held frame.
    if (getTerminal() instanceof FrameBuffered framed) {
      framed.holdUntilFlush();
    }
    if (refreshType != RefreshType.DELTA || !started) {
      super.refresh(refreshType);
      return;
    }
    Output out = new Output(getTerminal());
    ScreenBuffer back = getBackBuffer();
    ScreenBuffer front = getFrontBuffer();
    TerminalSize size = getTerminalSize();
    int columns = size.getColumns();
    for (int y = 0; y < size.getRows(); y++) {
      // The blank owed to the column after a double-width character that went away.
      TextCharacter owed = null;
      for (int x = 0; x < columns; x++) {
        TextCharacter b = back.getCharacterAt(x, y);
        TextCharacter f = front.getCharacterAt(x, y);
        TextCharacter put = owed; // a blank: never double-width
        boolean putWide = false;
        owed = null;
        if (b != f) {
          boolean backWide = doubleWidth(b);
          if (!b.equals(f)) {
            put = b;
            putWide = backWide;
          }
          if (backWide) {
            if (put != null) {
              out.put(x, y, put, putWide);
            }
            x++; // its right half
            continue;
          }
          if (doubleWidth(f) && x + 1 < columns) {
            owed = f.withCharacter(' ');
          }
        }
        // The same object in both buffers is the same cell; a double-width one among them has its
        // right half unchanged too, as Lanterna writes both halves together.
        if (put != null) {
          out.put(x, y, put, putWide);
        }
      }
    }
    back.copyTo(front);
    Terminal terminal = getTerminal();
    TerminalPosition cursor = getCursorPosition();
    if (cursor != null) {
      terminal.setCursorVisible(true);
      // On the right half of a double-width character, the cursor goes on the character itself.
      if (cursor.getColumn() > 0 && front.getCharacterAt(cursor.getColumn() - 1, cursor.getRow()).isDoubleWidth()) {
        terminal.setCursorPosition(cursor.getColumn() - 1, cursor.getRow());
      } else {
        terminal.setCursorPosition(cursor.getColumn(), cursor.getRow());
      }
    } else {
      terminal.setCursorVisible(false);
    }
    terminal.flush();
  }

  /**
   * Lanterna's {@link TextCharacter#isDoubleWidth}, without its Unicode block look-up for the
   * characters it never calls double width: one character below U+1100 (the first CJK block).
   */
  static boolean doubleWidth(TextCharacter c) {
    String s = c.getCharacterString();
    return (s.length() != 1 || s.charAt(0) >= 0x1100) && c.isDoubleWidth();
  }

  /** Writes cells in order, moving the cursor and changing colours only when needed. */
  private static final class Output {
    private final Terminal terminal;
    private boolean begun;
    private int column;
    private int row;
    private TextColor fg;
    private TextColor bg;
    private EnumSet<SGR> sgr;

    Output(Terminal terminal) {
      this.terminal = terminal;
    }

    void put(int x, int y, TextCharacter c, boolean wide) throws IOException {
      EnumSet<SGR> modifiers = c.getModifiers();
      if (!begun) {
        begun = true;
        terminal.setCursorPosition(x, y);
        terminal.resetColorAndSGR();
        for (SGR s : modifiers) {
          terminal.enableSGR(s);
        }
        fg = c.getForegroundColor();
        bg = c.getBackgroundColor();
        sgr = modifiers;
        terminal.setForegroundColor(fg);
        terminal.setBackgroundColor(bg);
        column = x;
        row = y;
      }
      if (x != column || y != row) {
        terminal.setCursorPosition(x, y);
        column = x;
        row = y;
      }
      if (!fg.equals(c.getForegroundColor())) {
        fg = c.getForegroundColor();
        terminal.setForegroundColor(fg);
      }
      if (!bg.equals(c.getBackgroundColor())) {
        bg = c.getBackgroundColor();
        terminal.setBackgroundColor(bg);
      }
      if (!sgr.equals(modifiers)) {
        for (SGR s : SGRS) {
          if (sgr.contains(s) && !modifiers.contains(s)) {
            terminal.disableSGR(s);
          } else if (!sgr.contains(s) && modifiers.contains(s)) {
            terminal.enableSGR(s);
          }
        }
        sgr = modifiers;
      }
      String s = c.getCharacterString();
      if (s.length() == 1) {
        terminal.putCharacter(s.charAt(0));
      } else {
        terminal.putString(s);
      }
      column += wide ? 2 : 1;
    }
  }
}
