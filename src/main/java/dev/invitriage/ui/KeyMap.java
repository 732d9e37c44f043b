package dev.invitriage.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.text.TerminalText;
import dev.invitriage.text.TextColumns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which keys trigger which {@link Action}: the defaults, overridden line by line from {@code
 * keys.properties} ({@code accept = a, A}). Keys are named as {@link #name(KeyStroke)} spells them.
 */
public final class KeyMap {
  private static final Map<String, String> NAMED = new LinkedHashMap<>();

  static {
    for (String n : List.of("Enter", "Esc", "Tab", "Shift-Tab", "Space", "Backspace", "Delete", "Insert", "Up", "Down",
        "Left", "Right", "PgUp", "PgDn", "Home", "End")) {
      NAMED.put(n.toLowerCase(Locale.ROOT), n);
    }
    for (int i = 1; i <= 12; i++) {
      NAMED.put("f" + i, "F" + i);
    }
  }

  private final Map<Action, List<String>> keysByAction;
  private final Map<String, List<Action>> actionsByKey = new LinkedHashMap<>();

  private KeyMap(Map<Action, List<String>> keysByAction) {
    this.keysByAction = new EnumMap<>(keysByAction);
    for (Action a : Action.values()) {
      for (String k : keysByAction.getOrDefault(a, List.of())) {
        actionsByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(a);
      }
    }
  }

  public static KeyMap defaults() {
    Map<Action, List<String>> m = new EnumMap<>(Action.class);
    for (Action a : Action.values()) {
      m.put(a, a.defaultKeys());
    }
    return new KeyMap(m);
  }

  /** The defaults overridden by the file when it exists; a bad line is one BAD_INPUT error. */
  public static KeyMap load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return defaults();
    } catch (IOException e) {
      throw InvitriageException.badInput(file + ": cannot read: " + e.getClass().getSimpleName());
    }
    return parse(file.getFileName().toString(), text);
  }

  /**
   * Parses {@code action = key, key} lines. A key given to an action is taken away from whatever
   * action had it by default, so one key never does two unrelated things.
   */
  public static KeyMap parse(String fileName, String text) {
    Map<Action, List<String>> m = new EnumMap<>(Action.class);
    for (Action a : Action.values()) {
      m.put(a, new ArrayList<>(a.defaultKeys()));
    }
    Map<Action, List<String>> user = new EnumMap<>(Action.class);
    String[] lines = text.split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      String where = fileName + ":" + (i + 1) + ": ";
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw InvitriageException.badInput(where + "expected 'action = key, key'");
      }
      String actionName = line.substring(0, eq).strip();
      Action action = actionNamed(actionName);
      if (action == null) {
        throw InvitriageException.badInput(where + "unknown action '" + clip(actionName) + "'");
      }
      List<String> keys = new ArrayList<>();
      String value = line.substring(eq + 1).strip();
      // "," alone is a key too: split on commas that separate names.
      for (String raw : value.split("\\s*,\\s*(?=.)")) {
        String k = raw.strip();
        if (k.isEmpty()) {
          continue;
        }
        String canon = canonical(k);
        if (canon == null) {
          throw InvitriageException.badInput(where + "unknown key '" + clip(k)
              + "' (use a character, Ctrl-x, Enter, Esc, Tab, Space, Up, Down, Left, Right, PgUp, PgDn, Home, End, F1-F12)");
        }
        keys.add(canon);
      }
      if (keys.isEmpty()) {
        throw InvitriageException.badInput(where + "no key given for '" + clip(actionName) + "'");
      }
      user.put(action, keys);
    }
    for (Map.Entry<Action, List<String>> e : user.entrySet()) {
      for (Action other : Action.values()) {
        if (!user.containsKey(other)) {
          m.get(other).removeAll(e.getValue());
        }
      }
      m.put(e.getKey(), e.getValue());
    }
    return new KeyMap(m);
  }

  private static Action actionNamed(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
    for (Action a : Action.values()) {
      if (a.configName().equals(n)) {
        return a;
      }
    }
    return null;
  }

  /** The canonical spelling of a key name, or null when it names no key. */
  static String canonical(String k) {
    if (k.codePointCount(0, k.length()) == 1) {
      int cp = k.codePointAt(0);
      return cp > 0x20 && cp != 0x7f && !Character.isISOControl(cp) ? k : null;
    }
    String lower = k.toLowerCase(Locale.ROOT);
    if (NAMED.containsKey(lower)) {
      return NAMED.get(lower);
    }
    if (lower.equals("pageup")) {
      return "PgUp";
    }
    if (lower.equals("pagedown")) {
      return "PgDn";
    }
    if (lower.equals("escape")) {
      return "Esc";
    }
    if (lower.matches("(ctrl|c)-[a-z]")) {
      return "Ctrl-" + lower.charAt(lower.length() - 1);
    }
    return null;
  }

  /** The name of a key stroke as key maps spell it, or null for keys that have none. */
  public static String name(KeyStroke k) {
    KeyType t = k.getKeyType();
    if (t == KeyType.Character) {
      char c = k.getCharacter();
      if (k.isCtrlDown() && Character.isLetter(c)) {
        return "Ctrl-" + Character.toLowerCase(c);
      }
      if (c == ' ') {
        return "Space";
      }
      return k.isAltDown() ? null : String.valueOf(c);
    }
    return switch (t) {
      case Enter -> "Enter";
      case Escape -> "Esc";
      case Tab -> "Tab";
      case ReverseTab -> "Shift-Tab";
      case Backspace -> "Backspace";
      case Delete -> "Delete";
      case Insert -> "Insert";
      case ArrowUp -> "Up";
      case ArrowDown -> "Down";
      case ArrowLeft -> "Left";
      case ArrowRight -> "Right";
      case PageUp -> "PgUp";
      case PageDown -> "PgDn";
      case Home -> "Home";
      case End -> "End";
      case F1 -> "F1";
      case F2 -> "F2";
      case F3 -> "F3";
      case F4 -> "F4";
      case F5 -> "F5";
      case F6 -> "F6";
      case F7 -> "F7";
      case F8 -> "F8";
      case F9 -> "F9";
      case F10 -> "F10";
      case F11 -> "F11";
      case F12 -> "F12";
      default -> null;
    };
  }

  /** The actions bound to this key, in priority order (possibly empty). */
  public List<Action> actions(KeyStroke k) {
    String n = name(k);
    return n == null ? List.of() : actionsByKey.getOrDefault(n, List.of());
  }

  public List<String> keys(Action a) {
    return keysByAction.getOrDefault(a, List.of());
  }

  private static String clip(String s) {
    return TextColumns.fit(TerminalText.sanitize(s), 40);
  }
}
