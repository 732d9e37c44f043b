package dev.invitriage.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where invitriage keeps its files, following the XDG base directory rules.
 *
 * @param env the environment to read ({@code System.getenv()} in production, a map in tests)
 */
public record Locations(Map<String, String> env) {

  public Locations {
    env = Map.copyOf(env);
  }

  /**
   * {@code $XDG_DATA_HOME/invitriage/inbox.db}: the store when neither {@code --db},
   * {@code $INVITRIAGE_DB} nor the {@code store} setting names one (see Settings#store).
   */
  public Path defaultStore() {
    return dataHome().resolve("invitriage").resolve("inbox.db");
  }

  /** {@code $XDG_CONFIG_HOME/invitriage}, default {@code ~/.config/invitriage}. */
  public Path configDir() {
    return base("XDG_CONFIG_HOME", ".config").resolve("invitriage");
  }

  public Path dataHome() {
    return base("XDG_DATA_HOME", ".local/share");
  }

  /** The user's own default phrases, one a line. */
  public Path phrasesFile() {
    return configDir().resolve("default-phrases.txt");
  }

  /** {@code $HOME}, else the JVM's idea of it. */
  public Path home() {
    return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
  }

  private Path base(String variable, String fallbackUnderHome) {
    String dir = env.get(variable);
    // The XDG spec says relative values are invalid and must be ignored.
    if (dir != null && !dir.isBlank() && Path.of(dir).isAbsolute()) {
      return Path.of(dir);
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home).resolve(fallbackUnderHome);
  }
}
