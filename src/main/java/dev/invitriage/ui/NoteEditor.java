package dev.invitriage.ui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;
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

  /**
   * A framed box in the middle of the inbox, clear of its edges, on a screen of 60x16 or more;
   * the whole screen below that. Either way no sliver of the screen beneath shows beside it.
   */
  private static boolean boxed(Canvas c) {
    return c.width() >= 60 && c.height() >= 16;
  }

  private static int boxX(Canvas c) {
    return boxed(c) ? (c.width() - boxW(c)) / 2 : 0;
  }

  private static int boxW(Canvas c) {
    return boxed(c) ? Math.min(c.width() - 8, 100) : c.width();
  }

  private static int boxY(Canvas c) {
    return boxed(c) ? (c.height() - boxH(c)) / 2 : 0;
  }

  private static int boxH(Canvas c) {
    return boxed(c) ? Math.min(c.height() - 6, 24) : c.height();
  }

  /** Rows of text inside: the box less its frame, or the screen less its title and hint lines. */
  private static int textRows(Canvas c) {
    return boxH(c) - 2;
  }

  /** Screen column of the text, a space inside the frame. */
  private static int textX(Canvas c) {
    return boxX(c) + (boxed(c) ? 2 : 1);
  }

  /** Columns of text: inside the frame and a space each side, or the screen less a margin. */
  private static int textW(Canvas c) {
    return boxW(c) - (boxed(c) ? 4 : 2);
  }

  /** Screen row of the first text row. */
  private static int textTop(Canvas c) {
    return boxY(c) + 1;
  }

  private int firstShown(Canvas c) {
    return Math.max(0, buffer.row - textRows(c) + 1);
  }

  /** The part of a line shown in {@code w} columns, scrolled so the cursor column is visible. */
  private int hscroll(String line, int col, int w) {
    int start = 0;
    while (Canvas.columns(line.substring(start, col)) >= w - 1) {
      start = line.offsetByCodePoints(start, 1);
    }
    return start;
  }

  @Override
  public void draw(Canvas c, Theme t) {
    Style body = t.style("overlay");
    String hint = "Ctrl-s save · Esc close";
    if (boxed(c)) {
      c.frame(boxX(c), boxY(c), boxW(c), boxH(c), body, "Note: " + title, hint);
    } else {
      c.fill(0, 0, c.width(), c.height(), body);
      c.text(0, 0, c.width(), " Note: " + title, t.style("overlay.title"));
      c.text(0, c.height() - 1, c.width(), " " + hint, t.style("overlay.title"));
    }
    List<StringBuilder> lines = buffer.lines();
    int first = firstShown(c);
    for (int i = 0; i < textRows(c) && first + i < lines.size(); i++) {
      String line = lines.get(first + i).toString();
      int start = first + i == buffer.row ? hscroll(line, buffer.col, textW(c)) : 0;
      c.text(textX(c), textTop(c) + i, textW(c), line.substring(start), body);
    }
  }

  @Override
  public TerminalPosition cursor(Canvas c) {
    if (!open) {
      return null;
    }
    String line = buffer.line().toString();
    int w = textW(c);
    int start = hscroll(line, buffer.col, w);
    int col = Canvas.columns(line.substring(start, buffer.col));
    return new TerminalPosition(textX(c) + Math.min(col, w - 1), textTop(c) + buffer.row - firstShown(c));
  }
}
