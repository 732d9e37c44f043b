package dev.invitriage.ssh;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Just enough of a terminal emulator to read what Lanterna drew over an SSH channel: cursor
 * positioning (CSI row;col H), clear screen, printable text; every other escape sequence is
 * skipped. Replays the whole byte stream on each read, so a resize mid-stream is honoured by
 * {@link #resize}.
 */
final class AnsiScreen {
  private final ByteArrayOutputStream bytes;
  private int columns;
  private int rows;

  AnsiScreen(ByteArrayOutputStream bytes, int columns, int rows) {
    this.bytes = bytes;
    this.columns = columns;
    this.rows = rows;
  }

  synchronized void resize(int columns, int rows) {
    this.columns = columns;
    this.rows = rows;
  }

  /** The screen as lines of text, each exactly {@code columns} wide. */
  synchronized String text() {
    String s;
    synchronized (bytes) {
      s = bytes.toString(StandardCharsets.UTF_8);
    }
    char[][] grid = new char[rows][columns];
    for (char[] r : grid) {
      Arrays.fill(r, ' ');
    }
    int row = 0;
    int col = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0x1b && i + 1 < s.length()) {
        char next = s.charAt(i + 1);
        if (next == '[') {
          int j = i + 2;
          while (j < s.length() && (s.charAt(j) < 0x40 || s.charAt(j) > 0x7e)) {
            j++;
          }
          if (j >= s.length()) {
            break;
          }
          String params = s.substring(i + 2, j);
          char fin = s.charAt(j);
          if (fin == 'H' || fin == 'f') {
            String[] p = params.split(";");
            row = p.length > 0 && !p[0].isEmpty() ? Integer.parseInt(p[0]) - 1 : 0;
            col = p.length > 1 && !p[1].isEmpty() ? Integer.parseInt(p[1]) - 1 : 0;
          } else if (fin == 'J' && params.equals("2")) {
            for (char[] r : grid) {
              Arrays.fill(r, ' ');
            }
          }
          i = j;
        } else if (next == ']') {
          int j = s.indexOf('\u0007', i);
          i = j < 0 ? s.length() : j;
        } else {
          i++;
        }
        continue;
      }
      if (c == '\r') {
        col = 0;
      } else if (c == '\n') {
        row++;
      } else if (c >= 0x20) {
        if (row >= 0 && row < rows && col >= 0 && col < columns) {
          grid[row][col] = c;
        }
        col++;
      }
    }
    StringBuilder b = new StringBuilder();
    for (char[] r : grid) {
      b.append(r).append('\n');
    }
    return b.toString();
  }
}
