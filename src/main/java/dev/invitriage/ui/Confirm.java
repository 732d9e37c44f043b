package dev.invitriage.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.LinkedHashMap;
import java.util.Map;

/** A question on the bottom line answered by one key ({@code y/n}, or {@code y/n/cancel}); Esc cancels. */
final class Confirm implements Overlay {
  private final String question;
  private final Map<Character, Runnable> answers;

  private Confirm(String question, Map<Character, Runnable> answers) {
    this.question = question;
    this.answers = answers;
  }

  /** {@code question y/n}: y runs {@code onYes}; n, Esc and Ctrl-c do nothing. */
  static Confirm yesNo(String question, Runnable onYes) {
    Map<Character, Runnable> m = new LinkedHashMap<>();
    m.put('y', onYes);
    m.put('n', () -> { });
    return new Confirm(question + " y/n", m);
  }

  /** {@code question y/n/cancel}: cancel (c, Esc) runs {@code onCancel}. */
  static Confirm yesNoCancel(String question, Runnable onYes, Runnable onNo, Runnable onCancel) {
    Map<Character, Runnable> m = new LinkedHashMap<>();
    m.put('y', onYes);
    m.put('n', onNo);
    m.put('c', onCancel);
    return new Confirm(question + " y/n/cancel", m);
  }

  @Override
  public boolean handle(KeyStroke key) {
    if (key.getKeyType() == KeyType.Escape || (key.getKeyType() == KeyType.Character && key.isCtrlDown())) {
      answers.getOrDefault('c', () -> { }).run();
      return false;
    }
    if (key.getKeyType() == KeyType.Character) {
      Runnable r = answers.get(Character.toLowerCase(key.getCharacter()));
      if (r != null) {
        r.run();
        return false;
      }
    }
    return true;
  }

  @Override
  public void draw(Canvas c, Theme t) {
    c.text(0, c.height() - 1, c.width(), question, t.style("prompt"));
  }
}
