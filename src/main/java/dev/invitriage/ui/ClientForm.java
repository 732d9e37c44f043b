package dev.invitriage.ui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;
import dev.invitriage.domain.Client;
import java.util.function.Consumer;

/** A small form for a client: name, URL, company, note. Enter moves on and saves on the last field. */
final class ClientForm implements Overlay {
  private static final String[] LABELS = {"Name", "URL", "Company", "Note"};
  private static final int LABEL_W = 10;

  private final String title;
  private final long id;
  private final LineEditor[] fields = new LineEditor[4];
  private final Consumer<Client> save;
  private final ScreenModel model;
  private int field;

  ClientForm(ScreenModel model, String title, Client initial, Consumer<Client> save) {
    this.model = model;
    this.title = title;
    this.id = initial.id();
    fields[0] = new LineEditor(initial.name());
    fields[1] = new LineEditor(initial.url());
    fields[2] = new LineEditor(initial.company());
    fields[3] = new LineEditor(initial.note());
    this.save = save;
  }

  @Override
  public boolean handle(KeyStroke key) {
    switch (key.getKeyType()) {
      case Escape -> {
        model.flash("client not saved");
        return false;
      }
      case Enter -> {
        if (field < fields.length - 1) {
          field++;
          return true;
        }
        return trySave();
      }
      case Tab, ArrowDown -> field = (field + 1) % fields.length;
      case ReverseTab, ArrowUp -> field = (field + fields.length - 1) % fields.length;
      case Character -> {
        if (key.isCtrlDown() && key.getCharacter() == 's') {
          return trySave();
        }
        if (key.isCtrlDown() && key.getCharacter() == 'c') {
          model.flash("client not saved");
          return false;
        }
        fields[field].edit(key);
      }
      default -> fields[field].edit(key);
    }
    return true;
  }

  private boolean trySave() {
    if (fields[0].text().isBlank()) {
      model.error("a client needs a name");
      field = 0;
      return true;
    }
    save.accept(new Client(id, fields[0].text().strip(), fields[1].text().strip(),
        fields[2].text().strip(), fields[3].text().strip()));
    return false;
  }

  private int top(Canvas c) {
    return Math.max(1, c.height() / 2 - 3);
  }

  /** The form's framed box: 72 columns, or the whole width on a narrower screen. */
  private static int boxW(Canvas c) {
    return Math.min(c.width(), 72);
  }

  private static int boxX(Canvas c) {
    return (c.width() - boxW(c)) / 2;
  }

  /** Columns left for a field's text inside the frame, after its label. */
  private static int fieldW(Canvas c) {
    return Math.max(1, boxW(c) - LABEL_W - 5);
  }

  @Override
  public void draw(Canvas c, Theme t) {
    int y = top(c);
    int x = boxX(c);
    Style body = t.style("overlay");
    c.frame(x, y, boxW(c), 7, body, title, "Enter next · Tab move · Ctrl-s save · Esc cancel");
    for (int i = 0; i < fields.length; i++) {
      c.text(x + 2, y + 2 + i, LABEL_W, LABELS[i] + ":", i == field ? t.style("overlay.selected") : body);
      c.text(x + 2 + LABEL_W, y + 2 + i, fieldW(c), fields[i].shown(fieldW(c) - 1), body);
    }
  }

  @Override
  public TerminalPosition cursor(Canvas c) {
    int col = fields[field].cursorColumn(fieldW(c) - 1);
    return new TerminalPosition(Math.min(c.width() - 1, boxX(c) + 2 + LABEL_W + col), top(c) + 2 + field);
  }
}
