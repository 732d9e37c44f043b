package dev.invitriage.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The full-screen inbox and {@code stats} as they are typed, read without picocli: building
 * picocli's model (annotations read through generated proxy classes no class-data archive holds,
 * the root's help and version options) was 45 ms of a 300 ms cold {@code stats} and 60 ms of
 * the inbox's first frame. The forms: {@code [--db PATH] [--theme NAME]} (the inbox), {@code
 * [--db PATH] [--theme NAME] tui [--db PATH] [--theme NAME]} and {@code [--db PATH] stats [--db
 * PATH] [--format text|json]}, {@code --db} once and each option at most once where it stands.
 * Anything else picocli may read otherwise (an {@code @file}, {@code --db=PATH}, a value that
 * starts with {@code -} or names a command, an empty one, {@code --debug}, help...) is not plain:
 * picocli runs it, and words its errors.
 *
 * @param command {@code tui} or {@code stats}
 * @param theme the inbox's theme, the command's {@code --theme} before the root's; null when none
 * @param format stats' format; null when not given
 */
record PlainCommandLine(String command, Path db, String theme, StatsCommand.Format format) {
  static final String TUI = "tui";
  static final String STATS = "stats";

  /** The plain command line {@code args} are, or null when picocli must read them. */
  static PlainCommandLine parse(String... args) {
    String command = null;
    Path db = null;
    String rootTheme = null;
    String tuiTheme = null;
    StatsCommand.Format format = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if ((arg.equals(TUI) || arg.equals(STATS)) && command == null) {
        command = arg;
        continue;
      }
      String value = i + 1 < args.length ? args[++i] : null;
      if (!isPlainValue(value)) {
        return null;
      }
      if (arg.equals("--db") && db == null) {
        db = path(value);
        if (db == null) {
          return null;
        }
      } else if (arg.equals("--theme") && command == null && rootTheme == null) {
        rootTheme = value;
      } else if (arg.equals("--theme") && TUI.equals(command) && tuiTheme == null) {
        tuiTheme = value;
      } else if (arg.equals("--format") && STATS.equals(command) && format == null
          && (value.equals("text") || value.equals("json"))) {
        format = value.equals("json") ? StatsCommand.Format.JSON : StatsCommand.Format.TEXT;
      } else {
        return null;
      }
    }
    return new PlainCommandLine(command == null ? TUI : command, db, tuiTheme != null ? tuiTheme : rootTheme, format);
  }

  private static boolean isPlainValue(String value) {
    return value != null && !value.isEmpty() && !value.startsWith("-") && !value.startsWith("@")
        && !Cli.SUBCOMMANDS.containsKey(value);
  }

  private static Path path(String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
