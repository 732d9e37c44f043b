package dev.invitriage.ui;

import com.googlecode.lanterna.input.KeyStroke;
import dev.invitriage.text.TerminalText;
import dev.invitriage.text.TextColumns;

/**
 * One line of text being typed, with a cursor that moves: Left/Right, Home/End (and Ctrl-a/Ctrl-e),
 * Backspace/Delete, Ctrl-u clears. What the client form's fields and the bottom-line prompts share;
 * the multi-line note editor has its own ({@link TextBuffer}).
 */
final class LineEditor {
  private final StringBuilder text;
  /** The cursor, a char index on a code point boundary. */
  private int cursor;

  LineEditor(String initial) {
    this.text = new StringBuilder(initial);
    this.cursor = text.length();
  }

  String text() {
    return text.toString();
  }

  /**
   * Applies an editing key; returns true when it was one (the text or the cursor may have moved),
   * false for any other key, which the caller handles.
   */
  boolean edit(KeyStroke key) {
    switch (key.getKeyType()) {
      case ArrowLeft -> cursor = cursor > 0 ? text.offsetByCodePoints(cursor, -1) : 0;
      case ArrowRight -> cursor = cursor < text.length() ? text.offsetByCodePoints(cursor, 1) : cursor;
      case Home -> cursor = 0;
      case End -> cursor = text.length();
      case Backspace -> {
        if (cursor > 0) {
          int from = text.offsetByCodePoints(cursor, -1);
          text.delete(from, cursor);
          cursor = from;
        }
      }
      case Delete -> {
        if (cursor < text.length()) {
          text.delete(cursor, text.offsetByCodePoints(cursor, 1));
        }
      }
      case Character -> {
        if (key.isAltDown()) {
          return false;
        }
        if (!key.isCtrlDown()) {
          text.insert(cursor, key.getCharacter().charValue());
          cursor++;
          return true;
        }
        switch (key.getCharacter()) {
          case 'a' -> cursor = 0;
          case 'e' -> cursor = text.length();
          case 'u' -> {
            text.setLength(0);
            cursor = 0;
          }
          default -> {
            return false;
          }
        }
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * The part of the text shown in {@code room} columns: all of it when it fits, else a window
   * that keeps the cursor in view (the end while typing at the end).
   */
  String shown(int room) {
    String before = visible(text.substring(0, cursor));
    String after = visible(text.substring(cursor));
    while (TextColumns.width(before) >= room && !before.isEmpty()) {
      before = before.substring(before.offsetByCodePoints(0, 1));
    }
    String shown = before + after;
    while (TextColumns.width(shown) > room && shown.length() > before.length()) {
      shown = shown.substring(0, shown.offsetByCodePoints(shown.length(), -1));
    }
    return shown;
  }

  /** Columns from the start of {@link #shown} to the cursor. */
  int cursorColumn(int room) {
    String before = visible(text.substring(0, cursor));
    while (TextColumns.width(before) >= room && !before.isEmpty()) {
      before = before.substring(before.offsetByCodePoints(0, 1));
    }
    return TextColumns.width(before);
  }

  private static String visible(String s) {
    return Canvas.drawable(TerminalText.sanitize(s));
  }
}
