package dev.invitriage.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.Screen;
import dev.invitriage.text.TerminalText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws text into a Lanterna screen cell by cell, measuring with {@link TerminalText} rather than
 * Lanterna (which counts combining marks as a column and most emoji as one). Every string is
 * sanitised and stripped of what Lanterna cannot draw on the way in, so nothing untrusted reaches
 * the terminal raw and no column shifts.
 */
final class Canvas {
  private static final Pattern GRAPHEME = Pattern.compile("\\X");
  private static final String STAND_IN = "\uFFFD";

  private final Screen screen;
  private final int width;
  private final int height;

  Canvas(Screen screen, TerminalSize size) {
    this.screen = screen;
    this.width = size.getColumns();
    this.height = size.getRows();
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** Fills a rectangle with spaces in the style. */
  void fill(int x, int y, int w, int h, Style style) {
    TextCharacter blank = cell(" ", style);
    for (int r = y; r < Math.min(height, y + h); r++) {
      for (int c = Math.max(0, x); c < Math.min(width, x + w); c++) {
        screen.setCharacter(c, r, blank);
      }
    }
  }

  /**
   * Draws untrusted single-line text at (x, y) in exactly {@code w} columns (fitted with an
   * ellipsis, padded with spaces) and returns the column after it.
   */
  int text(int x, int y, int w, String s, Style style) {
    if (y < 0 || y >= height || w <= 0) {
      return x + Math.max(0, w);
    }
    String safe = TerminalText.pad(drawable(TerminalText.sanitize(s)), w);
    int col = x;
    int end = Math.min(width, x + w);
    Matcher m = GRAPHEME.matcher(safe);
    while (m.find() && col < end) {
      String cluster = safe.substring(m.start(), m.end());
      int cw = TerminalText.width(cluster);
      if (cw <= 0) {
        continue;
      }
      TextCharacter tc = cell(cluster, style);
      boolean lanternaWide = tc.isDoubleWidth();
      if (tc.getCharacterString().length() != cluster.length() || lanternaWide != (cw == 2)) {
        // Lanterna would measure this cluster differently from the terminal: draw a stand-in of
        // the right width instead, so the rest of the row stays in its columns.
        tc = cell(STAND_IN, style);
        if (cw == 2 && col + 1 < end) {
          screen.setCharacter(col + 1, y, cell(" ", style));
        }
      }
      if (cw == 2 && col + 1 >= end) {
        screen.setCharacter(col, y, cell(" ", style));
        col++;
        continue;
      }
      if (col >= 0) {
        screen.setCharacter(col, y, tc);
      }
      col += cw;
    }
    return x + w;
  }

  /** Text that Lanterna 3.1 can draw: astral characters would print as "??". */
  static String drawable(String sanitized) {
    return TerminalText.replaceUnsupported(sanitized, cp -> cp <= 0xFFFF);
  }

  private static TextCharacter cell(String cluster, Style style) {
    TextCharacter[] cs = TextCharacter.fromString(cluster, style.fg(), style.bg(), style.sgrSet());
    if (cs.length == 0) {
      return new TextCharacter(' ', style.fg(), style.bg(), style.sgrSet());
    }
    return cs[0];
  }
}
