package dev.invitriage.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.Screen;
import dev.invitriage.text.TerminalText;
import dev.invitriage.text.TextColumns;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws text cell by cell, measuring with {@link TerminalText} rather than Lanterna (which counts
 * combining marks as a column and most emoji as one). Every string is sanitised and stripped of
 * what Lanterna cannot draw on the way in, so nothing untrusted reaches the terminal raw and no
 * column shifts.
 *
 * <p>A frame is drawn into an array of cells first ({@link #begin}), and {@link #flush} hands the
 * screen only the cells that differ from the last frame it flushed: Lanterna measures both
 * neighbours of every cell it is given (a Unicode block lookup each), so giving it a whole screen,
 * and most cells twice (a fill, then text over it), cost more than the rest of a frame. The array
 * follows Lanterna's rules for double-width cells, so the screen ends up exactly as if every
 * write had gone to it. Cells are made once per character and style and reused.
 */
final class Canvas {
  private static final Pattern GRAPHEME = Pattern.compile("\\X");
  private static final String STAND_IN = "\uFFFD";
  /** Distinct characters remembered across all styles before the memory is dropped. */
  private static final int MAX_GLYPHS = 20_000;

  private final Screen screen;
  private int width;
  private int height;
  /** This frame's cells, row by row; null is the right half of the double-width cell before it. */
  private TextCharacter[] frame = new TextCharacter[0];
  private boolean[] wide = new boolean[0];
  /** What the screen holds (the last flushed frame), or null when unknown: flush everything. */
  private TextCharacter[] shown;
  private final Map<Style, Glyphs> glyphs = new HashMap<>();
  private int glyphCount;

  Canvas(Screen screen) {
    this.screen = screen;
  }

  /**
   * Starts a frame of {@code size}, blank. With {@code everything} (or a new size), the next
   * {@link #flush} writes every cell, as after a resize the screen's contents are not known.
   */
  void begin(TerminalSize size, boolean everything) {
    if (size.getColumns() != width || size.getRows() != height || everything) {
      width = size.getColumns();
      height = size.getRows();
      frame = new TextCharacter[width * height];
      wide = new boolean[width * height];
      shown = null;
    }
    Arrays.fill(frame, glyphs(Style.PLAIN).ascii(' '));
    Arrays.fill(wide, false);
  }

  /** Hands the screen every cell that changed since the last flush, left to right, top to bottom. */
  void flush() {
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int i = y * width + x;
        TextCharacter now = frame[i];
        if (now == null) {
          // The right half of a double-width cell: Lanterna fills it in when it draws that cell,
          // which it did if the cell changed, and else the screen already shows it.
          continue;
        }
        TextCharacter was = shown == null ? null : shown[i];
        if (now != was && !now.equals(was)) {
          screen.setCharacter(x, y, now);
        }
      }
    }
    if (shown == null) {
      shown = new TextCharacter[frame.length];
    }
    System.arraycopy(frame, 0, shown, 0, frame.length);
  }

  /** Cells of a row, as {@link #cells} copies them and {@link #paste} puts them back. */
  record Cells(TextCharacter[] cells, boolean[] wide) { }

  /** The {@code w} cells of row {@code y} from column {@code x} (within the frame). */
  Cells cells(int x, int y, int w) {
    int i = y * width + x;
    return new Cells(Arrays.copyOfRange(frame, i, i + w), Arrays.copyOfRange(wide, i, i + w));
  }

  /**
   * Puts back cells {@link #cells} copied, at column {@code x} of row {@code y}: the cells a
   * drawing would leave, provided the cells under them are what they were under that drawing.
   */
  void paste(int x, int y, Cells row) {
    int i = y * width + x;
    System.arraycopy(row.cells(), 0, frame, i, row.cells().length);
    System.arraycopy(row.wide(), 0, wide, i, row.wide().length);
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** Fills a rectangle with spaces in the style. */
  void fill(int x, int y, int w, int h, Style style) {
    TextCharacter blank = glyphs(style).ascii(' ');
    for (int r = Math.max(0, y); r < Math.min(height, y + h); r++) {
      for (int c = Math.max(0, x); c < Math.min(width, x + w); c++) {
        put(c, r, blank, false);
      }
    }
  }

  /**
   * Draws a framed box: a line around the rectangle, its inside filled with spaces, the title in
   * the top line and the hint in the bottom one. Every cell of the rectangle is drawn, so nothing
   * of what lies beneath shows through it, and no cell outside it changes.
   */
  void frame(int x, int y, int w, int h, Style style, String title, String hint) {
    if (w < 2 || h < 2) {
      fill(x, y, w, h, style);
      return;
    }
    fill(x + 1, y + 1, w - 2, h - 2, style);
    text(x, y, 1, "┌", style);
    text(x + 1, y, w - 2, "─".repeat(w - 2), style);
    text(x + w - 1, y, 1, "┐", style);
    for (int r = y + 1; r < y + h - 1; r++) {
      text(x, r, 1, "│", style);
      text(x + w - 1, r, 1, "│", style);
    }
    text(x, y + h - 1, 1, "└", style);
    text(x + 1, y + h - 1, w - 2, "─".repeat(w - 2), style);
    text(x + w - 1, y + h - 1, 1, "┘", style);
    if (!title.isEmpty() && w > 6) {
      String t = " " + title + " ";
      text(x + 2, y, Math.min(columns(t), w - 4), t, style);
    }
    if (!hint.isEmpty() && w > 6) {
      String t = " " + hint + " ";
      int tw = Math.min(columns(t), w - 4);
      text(x + w - 2 - tw, y + h - 1, tw, t, style);
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
    Glyphs g = glyphs(style);
    int end = Math.min(width, x + w);
    // Printable ASCII is safe and drawable as it is.
    String safe = isPrintableAscii(s) ? s : drawable(TerminalText.sanitize(s));
    if (!TextColumns.oneColumnEach(safe) || !charText(g, x, y, w, end, safe)) {
      clusterText(g, x, y, end, TextColumns.pad(safe, w));
    }
    return x + w;
  }

  /**
   * Draws safe text of a column a character ({@link TextColumns#oneColumnEach}) a character a
   * cell, cut with an ellipsis when too long and padded with spaces: the cells the grapheme path
   * draws, without its search. False, having drawn nothing {@link #clusterText} would not
   * overwrite, when Lanterna measures one of its characters otherwise.
   */
  private boolean charText(Glyphs g, int x, int y, int w, int end, String safe) {
    int n = safe.length();
    int shownChars = n <= w ? n : w - 1;
    int col = x;
    for (int i = 0; i < shownChars && col < end; i++, col++) {
      char c = safe.charAt(i);
      TextCharacter cell;
      if (c < 0x7F) {
        cell = g.ascii(c);
      } else {
        Glyph glyph = g.cluster(String.valueOf(c));
        if (glyph.lanternaWide || !glyph.whole) {
          return false;
        }
        cell = glyph.cell;
      }
      if (col >= 0) {
        put(col, y, cell, false);
      }
    }
    if (n > w && col < end) {
      Glyph ellipsis = g.cluster("\u2026");
      if (col >= 0) {
        put(col, y, ellipsis.cell, ellipsis.lanternaWide);
      }
      col++;
    }
    for (; col < end; col++) {
      if (col >= 0) {
        put(col, y, g.ascii(' '), false);
      }
    }
    return true;
  }

  /** Draws sanitised, padded text cluster by cluster, up to column {@code end}. */
  private void clusterText(Glyphs g, int x, int y, int end, String safe) {
    int col = x;
    Matcher m = GRAPHEME.matcher(safe);
    while (m.find() && col < end) {
      Glyph glyph = g.cluster(safe.substring(m.start(), m.end()));
      int cw = glyph.columns;
      if (cw <= 0) {
        continue;
      }
      TextCharacter tc = glyph.cell;
      boolean lanternaWide = glyph.lanternaWide;
      if (!glyph.whole || lanternaWide != (cw == 2)) {
        // Lanterna would measure this cluster differently from the terminal: draw a stand-in of
        // the right width instead, so the rest of the row stays in its columns.
        Glyph standIn = g.cluster(STAND_IN);
        tc = standIn.cell;
        lanternaWide = standIn.lanternaWide;
        if (cw == 2 && col + 1 < end) {
          put(col + 1, y, g.ascii(' '), false);
        }
      }
      if (cw == 2 && col + 1 >= end) {
        put(col, y, g.ascii(' '), false);
        col++;
        continue;
      }
      if (col >= 0) {
        put(col, y, tc, lanternaWide);
      }
      col += cw;
    }
  }

  /**
   * Puts one cell into the frame as Lanterna's screen buffer would: writing over either half of a
   * double-width cell leaves a blank in its other half, and a double-width cell covers the next.
   */
  private void put(int x, int y, TextCharacter cell, boolean isWide) {
    if (x < 0 || x >= width || y < 0 || y >= height) {
      return;
    }
    int i = y * width + x;
    if (frame[i] == null && x > 0) {
      frame[i - 1] = frame[i - 1].withCharacter(' ');
      wide[i - 1] = false;
    }
    if (wide[i] && x + 1 < width) {
      frame[i + 1] = frame[i].withCharacter(' ');
    }
    frame[i] = cell;
    wide[i] = isWide && x + 1 < width;
    if (wide[i]) {
      if (wide[i + 1] && x + 2 < width) {
        frame[i + 2] = frame[i + 1].withCharacter(' ');
      }
      frame[i + 1] = null;
      wide[i + 1] = false;
    }
  }

  /** Text that Lanterna 3.1 can draw: astral characters would print as "??". */
  /** Columns untrusted text takes once drawn: sanitised and stripped as {@link #text} draws it. */
  static int columns(String untrusted) {
    return TextColumns.width(drawable(TerminalText.sanitize(untrusted)));
  }

  static String drawable(String sanitized) {
    return TextColumns.replaceUnsupported(sanitized, cp -> cp <= 0xFFFF);
  }

  private static boolean isPrintableAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7F) {
        return false;
      }
    }
    return true;
  }

  private Glyphs glyphs(Style style) {
    Glyphs g = glyphs.get(style);
    if (g == null) {
      g = new Glyphs(style);
      glyphs.put(style, g);
    }
    return g;
  }

  /** One grapheme cluster as a cell: its terminal width and how Lanterna sees it. */
  private record Glyph(TextCharacter cell, int columns, boolean lanternaWide, boolean whole) {}

  /** The cells of one style, made on first use. */
  private final class Glyphs {
    private final Style style;
    private final TextCharacter[] ascii = new TextCharacter[0x7F];
    private final Map<String, Glyph> clusters = new HashMap<>();

    Glyphs(Style style) {
      this.style = style;
    }

    TextCharacter ascii(char c) {
      TextCharacter tc = ascii[c];
      if (tc == null) {
        tc = cell(String.valueOf(c));
        ascii[c] = tc;
      }
      return tc;
    }

    Glyph cluster(String cluster) {
      Glyph g = clusters.get(cluster);
      if (g == null) {
        if (glyphCount >= MAX_GLYPHS) {
          // A screenful of ever new characters (a long CJK scroll): start over rather than grow.
          glyphs.values().forEach(other -> other.clusters.clear());
          glyphCount = 0;
        }
        TextCharacter tc = cell(cluster);
        g = new Glyph(tc, TextColumns.width(cluster), tc.isDoubleWidth(), tc.getCharacterString().length() == cluster.length());
        clusters.put(cluster, g);
        glyphCount++;
      }
      return g;
    }

    private TextCharacter cell(String cluster) {
      TextCharacter[] cs = TextCharacter.fromString(cluster, style.fg(), style.bg(), style.sgrSet());
      if (cs.length == 0) {
        return ascii(' ');
      }
      return cs[0];
    }
  }
}
