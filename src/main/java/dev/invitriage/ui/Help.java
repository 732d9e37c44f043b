package dev.invitriage.ui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;

/** The {@code ?} screen: every action with the keys bound to it now, read from the live key map. */
final class Help implements Overlay {
  private final KeyMap keys;

  Help(KeyMap keys) {
    this.keys = keys;
  }

  /** One line per action: its keys, then what it does. */
  List<String[]> lines() {
    List<String[]> out = new ArrayList<>();
    for (Action a : Action.values()) {
      List<String> k = keys.keys(a);
      out.add(new String[] {k.isEmpty() ? "(none)" : String.join(" ", k), a.description()});
    }
    return out;
  }

  @Override
  public boolean handle(KeyStroke key) {
    return false; // any key closes help
  }

  @Override
  public void draw(Canvas c, Theme t) {
    Style body = t.style("overlay");
    c.fill(0, 0, c.width(), c.height(), body);
    c.text(0, 0, c.width(), " Keys (any key closes; rebind in keys.properties)", t.style("overlay.title"));
    List<String[]> lines = lines();
    int rows = Math.max(1, c.height() - 2);
    int cols = (lines.size() + rows - 1) / rows;
    int colWidth = Math.max(20, c.width() / Math.max(1, cols));
    int keyWidth = 10;
    for (int i = 0; i < lines.size(); i++) {
      int x = (i / rows) * colWidth;
      int y = 1 + i % rows;
      if (x + 10 > c.width()) {
        c.text(c.width() - 1, c.height() - 1, 1, "…", body);
        break;
      }
      int w = Math.min(colWidth, c.width() - x);
      c.text(x, y, Math.min(keyWidth, w), " " + lines.get(i)[0], t.style("overlay.title"));
      // A column short of the next column: a long description never runs into its keys.
      c.text(x + keyWidth, y, w - keyWidth - 1, " " + lines.get(i)[1], body);
    }
  }
}
