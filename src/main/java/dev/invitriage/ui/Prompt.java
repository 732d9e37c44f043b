package dev.invitriage.ui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.invitriage.text.TerminalText;
import java.util.function.Consumer;

/** A one-line text input on the bottom line: search, export format and path. */
final class Prompt implements Overlay {
  private final String label;
  private final StringBuilder text;
  private final Consumer<String> onChange;
  private final Consumer<String> onEnter;
  private final Runnable onCancel;

  Prompt(String label, String initial, Consumer<String> onChange, Consumer<String> onEnter, Runnable onCancel) {
    this.label = label;
    this.text = new StringBuilder(initial);
    this.onChange = onChange;
    this.onEnter = onEnter;
    this.onCancel = onCancel;
  }

  @Override
  public boolean handle(KeyStroke key) {
    switch (key.getKeyType()) {
      case Enter -> {
        onEnter.accept(text.toString());
        return false;
      }
      case Escape -> {
        onCancel.run();
        return false;
      }
      case Backspace -> {
        if (text.length() > 0) {
          text.setLength(text.offsetByCodePoints(text.length(), -1));
          onChange.accept(text.toString());
        }
      }
      case Character -> {
        if (key.isCtrlDown()) {
          if (key.getCharacter() == 'c') {
            onCancel.run();
            return false;
          }
          if (key.getCharacter() == 'u') {
            text.setLength(0);
            onChange.accept("");
          }
        } else if (!key.isAltDown()) {
          text.append(key.getCharacter());
          onChange.accept(text.toString());
        }
      }
      default -> { }
    }
    return true;
  }

  private String shown(int width) {
    String t = TerminalText.sanitize(text.toString());
    int room = width - TerminalText.width(label) - 1;
    // Show the end of a long input: that is where the user types.
    while (TerminalText.width(t) > room && !t.isEmpty()) {
      t = t.substring(t.offsetByCodePoints(0, 1));
    }
    return t;
  }

  @Override
  public void draw(Canvas c, Theme t) {
    c.text(0, c.height() - 1, c.width(), label + shown(c.width()), t.style("prompt"));
  }

  @Override
  public TerminalPosition cursor(Canvas c) {
    int col = TerminalText.width(label) + TerminalText.width(Canvas.drawable(shown(c.width())));
    return new TerminalPosition(Math.min(c.width() - 1, col), c.height() - 1);
  }
}
