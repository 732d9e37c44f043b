package dev.invitriage.ui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;
import dev.invitriage.text.TerminalText;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The multi-line note editor: arrows, Home/End, Backspace/Delete, Enter for a new line; Ctrl-s
 * saves; Esc asks "save changes? y/n/cancel" when something changed. Cancelling never touches the
 * stored note. When the stored note changed since the editor opened (another session saved it), a
 * save shows that text and asks before overwriting it.
 */
final class NoteEditor implements Overlay {
  private final String title;
  /** The stored note this edit started from (or the other session's, once the user saw it). */
  private String original;
  private final TextBuffer buffer;
  private final Supplier<String> stored;
  private final Consumer<String> save;
  private final ScreenModel model;
  private boolean open = true;

  NoteEditor(ScreenModel model, String title, String original, Supplier<String> stored, Consumer<String> save) {
    this.model = model;
    this.title = title;
    this.original = original;
    this.buffer = new TextBuffer(original);
    this.stored = stored;
    this.save = save;
  }

  @Override
  public boolean handle(KeyStroke key) {
    if (!open) {
      return false;
    }
    switch (key.getKeyType()) {
      case Escape -> {
        return close();
      }
      case Enter -> buffer.newline();
      case Backspace -> buffer.backspace();
      case Delete -> buffer.delete();
      case ArrowLeft -> buffer.left();
      case ArrowRight -> buffer.right();
      case ArrowUp -> buffer.up();
      case ArrowDown -> buffer.down();
      case Home -> buffer.home();
      case End -> buffer.end();
      case Tab -> buffer.insert(' ');
      case Character -> {
        if (key.isCtrlDown()) {
          if (key.getCharacter() == 's') {
            return !saveUnlessChangedElsewhere();
          }
          if (key.getCharacter() == 'c') {
            return close();
          }
        } else if (!key.isAltDown()) {
          buffer.insert(key.getCharacter());
        }
      }
      default -> { }
    }
    return true;
  }

  /** Esc: closes at once when nothing changed, else asks first. */
  private boolean close() {
    if (buffer.text().equals(original)) {
      model.flash("note unchanged");
      return false;
    }
    model.overlays.push(Confirm.yesNoCancel("Save changes to the note?",
        this::saveUnlessChangedElsewhere,
        () -> {
          open = false;
          model.flash("note not changed");
        },
        () -> { }));
    return true;
  }

  /**
   * Saves and closes, unless the stored note changed since the editor opened: then shows the
   * other text and asks (y overwrites it, n keeps it, cancel returns to editing). Returns whether
   * the editor closed.
   */
  private boolean saveUnlessChangedElsewhere() {
    String mine = buffer.text();
    String now = stored.get();
    if (now.equals(original) || now.equals(mine)) {
      open = false;
      save.accept(mine);
      return true;
    }
    String theirs = now.isEmpty() ? "(empty)" : "\"" + now.replaceAll("\\R", " / ") + "\"";
    model.overlays.push(Confirm.yesNoCancel("Changed elsewhere to " + theirs + ". Overwrite it?",
        () -> {
          open = false;
          save.accept(mine);
        },
        () -> {
          open = false;
          model.flash("note kept as saved elsewhere");
        },
        () -> original = now));
    return false;
  }

  @Override
  public boolean finished() {
    return !open;
  }

  private int boxX(Canvas c) {
    return c.width() >= 60 ? (c.width() - boxW(c)) / 2 : 0;
  }

  private int boxW(Canvas c) {
    return c.width() >= 60 ? Math.min(c.width() - 4, 100) : c.width();
  }

  private int firstShown(Canvas c) {
    int rows = c.height() - 4;
    return Math.max(0, buffer.row - rows + 1);
  }

  /** The part of a line shown in {@code w} columns, scrolled so the cursor column is visible. */
  private int hscroll(String line, int col, int w) {
    int start = 0;
    while (TerminalText.width(Canvas.drawable(TerminalText.sanitize(line.substring(start, col)))) >= w - 1) {
      start = line.offsetByCodePoints(start, 1);
    }
    return start;
  }

  @Override
  public void draw(Canvas c, Theme t) {
    int x = boxX(c);
    int w = boxW(c);
    Style body = t.style("overlay");
    c.fill(x, 1, w, c.height() - 2, body);
    c.text(x, 1, w, " Note: " + title + "  (Ctrl-s save · Esc close)", t.style("overlay.title"));
    List<StringBuilder> lines = buffer.lines();
    int first = firstShown(c);
    for (int i = 0; i < c.height() - 4 && first + i < lines.size(); i++) {
      String line = lines.get(first + i).toString();
      int start = first + i == buffer.row ? hscroll(line, buffer.col, w - 2) : 0;
      c.text(x + 1, 2 + i, w - 2, line.substring(start), body);
    }
  }

  @Override
  public TerminalPosition cursor(Canvas c) {
    if (!open) {
      return null;
    }
    String line = buffer.line().toString();
    int w = boxW(c) - 2;
    int start = hscroll(line, buffer.col, w);
    int col = TerminalText.width(Canvas.drawable(TerminalText.sanitize(line.substring(start, buffer.col))));
    return new TerminalPosition(boxX(c) + 1 + Math.min(col, w - 1), 2 + buffer.row - firstShown(c));
  }
}
