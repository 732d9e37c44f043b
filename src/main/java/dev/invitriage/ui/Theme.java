package dev.invitriage.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.invitriage.domain.InvitriageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every colour the UI uses, by element name, parsed from a plain properties file ({@code
 * list.offender = fg=red bg=default style=bold}). Parsed here by hand, never by Lanterna's
 * PropertyTheme, which instantiates classes named in the file.
 */
public final class Theme {
  /** Every element a theme may style; elements a file leaves out are drawn plain. */
  public static final Set<String> ELEMENTS = Set.of(
      "header", "header.active", "list.normal", "list.selected", "list.offender", "list.offender.selected",
      "list.client", "list.client.selected", "list.outgoing", "list.outgoing.selected", "list.marked", "badge.default", "badge.empty",
      "badge.generic", "badge.template", "badge.personal", "decision.pending", "decision.accept", "decision.ignore",
      "decision.later", "detail", "detail.label", "detail.offender", "status", "message", "error", "overlay",
      "overlay.title", "overlay.selected", "prompt", "chart.bar", "chart.offender", "chart.personal");

  /** Names of the themes bundled in the jar, under {@code /themes/}. */
  public static final List<String> BUNDLED = List.of("dark", "light", "mono");

  private final String name;
  private final Map<String, Style> styles;

  private Theme(String name, Map<String, Style> styles) {
    this.name = name;
    this.styles = Map.copyOf(styles);
  }

  public String name() {
    return name;
  }

  /** The style of an element; plain when the theme does not set it. */
  public Style style(String element) {
    return styles.getOrDefault(element, Style.PLAIN);
  }

  /** The style of an element, or of {@code fallback} when the theme does not set it. */
  public Style style(String element, String fallback) {
    Style s = styles.get(element);
    return s != null ? s : style(fallback);
  }

  /**
   * A bundled theme by name, or a theme file by path ({@code NAME|PATH}). A value containing a
   * slash or ending in {@code .properties} is a path.
   */
  public static Theme load(String nameOrPath) {
    if (BUNDLED.contains(nameOrPath)) {
      return bundled(nameOrPath);
    }
    if (!nameOrPath.contains("/") && !nameOrPath.endsWith(".properties")) {
      throw InvitriageException.badInput("unknown theme '" + nameOrPath + "' (bundled: " + String.join(", ", BUNDLED)
          + "; or give a path to a .properties file)");
    }
    Path file = Path.of(nameOrPath);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw InvitriageException.badInput(nameOrPath + ": cannot read theme: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
    return parse(file.getFileName().toString(), text);
  }

  public static Theme bundled(String name) {
    try (InputStream in = Theme.class.getResourceAsStream("/themes/" + name + ".properties")) {
      if (in == null) {
        throw new IllegalStateException("bundled theme missing: " + name);
      }
      return parse(name + ".properties", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read bundled theme " + name, e);
    }
  }

  /** Parses a theme file's text; {@code file} names it in error messages. */
  public static Theme parse(String file, String text) {
    Map<String, Style> styles = new HashMap<>();
    // Read without regular expressions: a theme compiled some eighty of them as the inbox started
    // (reading the dark theme in a JVM without the launcher's archive: 45-53 ms with them,
    // 22-28 ms without).
    String[] lines = text.lines().toArray(String[]::new);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      String where = file + ":" + (i + 1) + ": ";
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw InvitriageException.badInput(where + "expected 'element = fg=COLOUR bg=COLOUR style=STYLE'");
      }
      String element = line.substring(0, eq).strip();
      if (!ELEMENTS.contains(element)) {
        throw InvitriageException.badInput(where + "unknown element '" + clip(element) + "'");
      }
      styles.put(element, parseStyle(where, line.substring(eq + 1).strip()));
    }
    String name = file.endsWith(".properties") ? file.substring(0, file.length() - ".properties".length()) : file;
    return new Theme(name, styles);
  }

  private static Style parseStyle(String where, String value) {
    TextColor fg = TextColor.ANSI.DEFAULT;
    TextColor bg = TextColor.ANSI.DEFAULT;
    EnumSet<SGR> sgr = EnumSet.noneOf(SGR.class);
    for (String part : words(value)) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw InvitriageException.badInput(where + "expected key=value, got '" + clip(part) + "'");
      }
      String key = part.substring(0, eq).toLowerCase(Locale.ROOT);
      String v = part.substring(eq + 1);
      switch (key) {
        case "fg" -> fg = colour(where, v);
        case "bg" -> bg = colour(where, v);
        case "style" -> {
          for (String s : v.split(",")) {
            String st = s.strip().toLowerCase(Locale.ROOT);
            switch (st) {
              case "none", "" -> { }
              case "bold" -> sgr.add(SGR.BOLD);
              case "reverse" -> sgr.add(SGR.REVERSE);
              case "underline" -> sgr.add(SGR.UNDERLINE);
              case "italic" -> sgr.add(SGR.ITALIC);
              case "blink" -> sgr.add(SGR.BLINK);
              default -> throw InvitriageException.badInput(where + "unknown style '" + clip(st)
                  + "' (expected bold, reverse, underline, italic, blink or none)");
            }
          }
        }
        default -> throw InvitriageException.badInput(where + "unknown key '" + clip(key) + "' (expected fg, bg or style)");
      }
    }
    return new Style(fg, bg, sgr);
  }

  /** An ANSI colour name ({@code red}, {@code bright_red}, {@code default}), {@code #rrggbb} or 0–255. */
  static TextColor colour(String where, String v) {
    String s = v.toLowerCase(Locale.ROOT);
    if (s.length() == 7 && s.charAt(0) == '#' && allOf(s.substring(1), 16)) {
      return new TextColor.RGB(Integer.parseInt(s.substring(1, 3), 16), Integer.parseInt(s.substring(3, 5), 16),
          Integer.parseInt(s.substring(5, 7), 16));
    }
    if (!s.isEmpty() && s.length() <= 3 && allOf(s, 10)) {
      int n = Integer.parseInt(s);
      if (n <= 255) {
        return new TextColor.Indexed(n);
      }
    }
    String name = s.replace('-', '_');
    if (name.startsWith("bright_")) {
      name = name.substring(7) + "_bright";
    }
    for (TextColor.ANSI a : TextColor.ANSI.values()) {
      if (a.name().equalsIgnoreCase(name)) {
        return a;
      }
    }
    throw InvitriageException.badInput(where + "unknown colour '" + clip(v)
        + "' (expected an ANSI name such as red or bright_red, #rrggbb, or 0-255)");
  }

  /** The words of {@code s}, between runs of the white space a properties file knows (regex {@code \s}). */
  private static List<String> words(String s) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= s.length(); i++) {
      boolean space = i == s.length() || " \t\n\u000B\f\r".indexOf(s.charAt(i)) >= 0;
      if (space && start >= 0) {
        words.add(s.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return words;
  }

  /** Every character of {@code s} is an ASCII digit in {@code radix} (10, or 16 in lower case). */
  private static boolean allOf(String s, int radix) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || radix == 16 && c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static String clip(String s) {
    return dev.invitriage.text.TextColumns.fit(dev.invitriage.text.TerminalText.sanitize(s), 40);
  }
}
