package dev.invitriage.ui;

import java.util.ArrayList;
import java.util.List;

/** Editable multi-line text with a cursor, moving by code point so surrogate pairs stay whole. */
final class TextBuffer {
  private final List<StringBuilder> lines = new ArrayList<>();
  int row;
  int col; // in chars, always on a code point boundary

  TextBuffer(String text) {
    for (String l : text.split("\n", -1)) {
      lines.add(new StringBuilder(l));
    }
    row = lines.size() - 1;
    col = lines.get(row).length();
  }

  String text() {
    return String.join("\n", lines);
  }

  List<StringBuilder> lines() {
    return lines;
  }

  StringBuilder line() {
    return lines.get(row);
  }

  void insert(char c) {
    line().insert(col, c);
    col++;
  }

  void newline() {
    StringBuilder rest = new StringBuilder(line().substring(col));
    line().setLength(col);
    lines.add(row + 1, rest);
    row++;
    col = 0;
  }

  void backspace() {
    if (col > 0) {
      int from = line().offsetByCodePoints(col, -1);
      line().delete(from, col);
      col = from;
    } else if (row > 0) {
      StringBuilder cur = lines.remove(row);
      row--;
      col = line().length();
      line().append(cur);
    }
  }

  void delete() {
    if (col < line().length()) {
      line().delete(col, line().offsetByCodePoints(col, 1));
    } else if (row + 1 < lines.size()) {
      line().append(lines.remove(row + 1));
    }
  }

  void left() {
    if (col > 0) {
      col = line().offsetByCodePoints(col, -1);
    } else if (row > 0) {
      row--;
      col = line().length();
    }
  }

  void right() {
    if (col < line().length()) {
      col = line().offsetByCodePoints(col, 1);
    } else if (row + 1 < lines.size()) {
      row++;
      col = 0;
    }
  }

  void up() {
    if (row > 0) {
      row--;
      col = fitCol(col);
    }
  }

  void down() {
    if (row + 1 < lines.size()) {
      row++;
      col = fitCol(col);
    }
  }

  void home() {
    col = 0;
  }

  void end() {
    col = line().length();
  }

  private int fitCol(int c) {
    int n = Math.min(c, line().length());
    if (n > 0 && n < line().length() && Character.isLowSurrogate(line().charAt(n))) {
      n--;
    }
    return n;
  }
}
