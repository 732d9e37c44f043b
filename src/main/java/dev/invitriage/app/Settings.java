package dev.invitriage.app;

import dev.invitriage.domain.Verdict;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The user's settings: {@code $XDG_CONFIG_HOME/invitriage/config.properties}, one {@code name =
 * value} a line, each also settable by an environment variable ({@code INVITRIAGE_} and the name in
 * capitals, {@code .} and {@code -} as {@code _}) and by the command's flag where it has one. A flag
 * beats the environment, which beats the file, which beats the default.
 */
public final class Settings {
  /** Where a value came from, for {@code invitriage config}. */
  public enum Source { FLAG, ENVIRONMENT, FILE, DEFAULT }

  /**
   * A setting's effective value, its source, and where exactly: the flag, the variable, {@code
   * config.properties:LINE}, or "default". The value is null when the default is "none".
   */
  public record Value(String name, String value, Source source, String origin) {}

  /** A bad line or value: the one-line message names where, and the command stops (exit 78). */
  public static final class BadSetting extends RuntimeException {
    public BadSetting(String message) {
      super(message);
    }
  }

  /** A setting: its name, default (null for none), what it accepts, and a check that normalises. */
  private record Setting(String name, String defaultValue, String accepts, UnaryOperator<String> check) {}

  /** Every setting, in the order {@code invitriage config} prints them. */
  private static final List<Setting> ALL = List.of(
      new Setting("theme", null, "dark, light, mono or a theme .properties file", Settings::nonEmpty),
      new Setting("offenders", "empty, default, generic, template",
          "a comma-separated list of empty, default, generic and template", Settings::verdicts),
      new Setting("export.format", "csv", "csv or json", v -> oneOf(v, "csv", "json")),
      new Setting("export.directory", null, "a directory", Settings::nonEmpty),
      new Setting("store", null, "a file", Settings::nonEmpty),
      new Setting("serve.listen", "127.0.0.1:2222", "HOST:PORT or a port",
          v -> ServeValues.address(v) != null ? v : null),
      new Setting("serve.max-sessions", "8", "a whole number from 1 to 1000", Settings::sessions),
      new Setting("serve.idle-timeout", "30m", "a time such as 90s, 30m, 2h or 1d",
          v -> ServeValues.duration(v) != null ? v : null));

  private final Map<String, Value> values;

  private Settings(Map<String, Value> values) {
    this.values = values;
  }

  /** The file the settings are read from. */
  public static Path file(Locations locations) {
    return locations.configDir().resolve("config.properties");
  }

  /** Reads the file and the environment; throws BadSetting for the first bad line or value. */
  public static Settings load(Map<String, String> env) {
    Path file = file(new Locations(env));
    Map<String, Value> values = new LinkedHashMap<>();
    for (Setting s : ALL) {
      values.put(s.name(), new Value(s.name(), s.defaultValue(), Source.DEFAULT, "default"));
    }
    readFile(file, values);
    for (Setting s : ALL) {
      String variable = variable(s.name());
      String raw = env.get(variable);
      if (raw != null && !raw.isBlank()) {
        values.put(s.name(), new Value(s.name(), checked(s, raw.strip(), variable + ": "), Source.ENVIRONMENT, variable));
      }
    }
    // The store's variable has always been INVITRIAGE_DB.
    String db = env.get("INVITRIAGE_DB");
    if (db != null && !db.isBlank()) {
      values.put("store", new Value("store", db, Source.ENVIRONMENT, "INVITRIAGE_DB"));
    }
    return new Settings(values);
  }

  /** Settings of no file and no environment: every default. */
  public static Settings defaults() {
    Map<String, Value> values = new LinkedHashMap<>();
    for (Setting s : ALL) {
      values.put(s.name(), new Value(s.name(), s.defaultValue(), Source.DEFAULT, "default"));
    }
    return new Settings(values);
  }

  /** The environment variable of a setting. */
  static String variable(String name) {
    return "INVITRIAGE_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static void readFile(Path file, Map<String, Value> values) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return;
    } catch (MalformedInputException e) {
      throw new BadSetting(file.getFileName() + ": not UTF-8 text");
    } catch (IOException e) {
      throw new BadSetting(file.getFileName() + ": cannot read: " + e.getMessage());
    }
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String where = file.getFileName() + ":" + (i + 1) + ": ";
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new BadSetting(where + "expected 'name = value', found '" + clip(line) + "'");
      }
      String name = line.substring(0, eq).strip();
      Setting setting = ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
      if (setting == null) {
        throw new BadSetting(where + "unknown setting '" + clip(name) + "'");
      }
      Integer earlier = seen.put(name, i + 1);
      if (earlier != null) {
        throw new BadSetting(where + "'" + name + "' is set twice (first on line " + earlier + ")");
      }
      String value = checked(setting, line.substring(eq + 1).strip(), where);
      values.put(name, new Value(name, value, Source.FILE, file.getFileName() + ":" + (i + 1)));
    }
  }

  private static String checked(Setting setting, String raw, String where) {
    String value = setting.check().apply(raw);
    if (value == null) {
      throw new BadSetting(where + "bad value for '" + setting.name() + "': '" + clip(raw) + "' (expected "
          + setting.accepts() + ")");
    }
    return value;
  }

  /** Every setting's effective value, in a fixed order. */
  public List<Value> all() {
    return new ArrayList<>(values.values());
  }

  /** The value of {@code name}: {@code flag} when given, else the environment, file or default. */
  public Value get(String name, String flagName, String flag) {
    if (flag != null) {
      return new Value(name, flag, Source.FLAG, flagName);
    }
    Value v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no setting " + name);
    }
    return v;
  }

  /** The value of {@code name} (environment, file or default); null for "none". */
  public String get(String name) {
    return get(name, null, null).value();
  }

  /** The store: {@code --db}, else the setting, else {@code $XDG_DATA_HOME/invitriage/inbox.db}. */
  public Path store(Path flag, Locations locations) {
    if (flag != null) {
      return flag;
    }
    String s = get("store");
    return s != null ? expandHome(s, locations) : locations.defaultStore();
  }

  /** The verdicts that make an incoming invitation from a non-client an offender. */
  public Set<Verdict> offenders() {
    Set<Verdict> set = EnumSet.noneOf(Verdict.class);
    for (String word : get("offenders").split(",")) {
      if (!word.isBlank()) {
        set.add(Verdict.valueOf(word.strip().toUpperCase(Locale.ROOT)));
      }
    }
    return set;
  }

  /** A path as typed: {@code ~/} is the home directory. */
  public static Path expandHome(String path, Locations locations) {
    return path.equals("~") || path.startsWith("~/")
        ? locations.home().resolve(path.equals("~") ? "" : path.substring(2))
        : Path.of(path);
  }

  // ---- checks: the normalised value, or null when bad -----------------------------------------

  private static String nonEmpty(String v) {
    return v.isEmpty() ? null : v;
  }

  private static String oneOf(String v, String... allowed) {
    String lower = v.toLowerCase(Locale.ROOT);
    return List.of(allowed).contains(lower) ? lower : null;
  }

  private static String verdicts(String v) {
    Set<String> allowed = Set.of("empty", "default", "generic", "template");
    List<String> out = new ArrayList<>();
    for (String word : v.split("[,\\s]+")) {
      String w = word.toLowerCase(Locale.ROOT);
      if (w.isEmpty()) {
        continue;
      }
      if (!allowed.contains(w)) {
        return null;
      }
      if (!out.contains(w)) {
        out.add(w);
      }
    }
    return String.join(", ", out);
  }

  private static String sessions(String v) {
    if (!v.matches("\\d{1,4}")) {
      return null;
    }
    int n = Integer.parseInt(v);
    return n >= 1 && n <= 1000 ? String.valueOf(n) : null;
  }

  private static String clip(String s) {
    String printable = s.replaceAll("\\p{Cntrl}", "?");
    return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
  }
}
