package dev.invitriage.ui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.invitriage.text.TextColumns;
import java.util.function.Consumer;

/** A one-line text input on the bottom line: search, export format and path. */
final class Prompt implements Overlay {
  private final String label;
  private final LineEditor text;
  private final Consumer<String> onChange;
  private final Consumer<String> onEnter;
  private final Runnable onCancel;

  Prompt(String label, String initial, Consumer<String> onChange, Consumer<String> onEnter, Runnable onCancel) {
    this.label = label;
    this.text = new LineEditor(initial);
    this.onChange = onChange;
    this.onEnter = onEnter;
    this.onCancel = onCancel;
  }

  @Override
  public boolean handle(KeyStroke key) {
    switch (key.getKeyType()) {
      case Enter -> {
        onEnter.accept(text.text());
        return false;
      }
      case Escape -> {
        onCancel.run();
        return false;
      }
      default -> {
        if (key.getKeyType() == KeyType.Character && key.isCtrlDown() && key.getCharacter() == 'c') {
          onCancel.run();
          return false;
        }
        String before = text.text();
        if (text.edit(key) && !text.text().equals(before)) {
          onChange.accept(text.text());
        }
      }
    }
    return true;
  }

  private int room(int width) {
    return width - TextColumns.width(label) - 1;
  }

  @Override
  public void draw(Canvas c, Theme t) {
    c.text(0, c.height() - 1, c.width(), label + text.shown(room(c.width())), t.style("prompt"));
  }

  @Override
  public TerminalPosition cursor(Canvas c) {
    int col = TextColumns.width(label) + text.cursorColumn(room(c.width()));
    return new TerminalPosition(Math.min(c.width() - 1, col), c.height() - 1);
  }
}
