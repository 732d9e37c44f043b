package dev.invitriage.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The full-screen inbox, {@code stats}, {@code import} and {@code export} as they are typed, read
 * without picocli: building picocli's model (annotations read through generated proxy classes no
 * class-data archive holds, the root's help and version options) was 45 ms of a 300 ms cold {@code
 * stats}, 60 ms of the inbox's first frame, 42 ms of importing 10k invitations and 50 ms of
 * exporting them. The forms: {@code [--db PATH] [--theme NAME]} (the inbox), {@code [--db PATH]
 * [--theme NAME] tui [--db PATH] [--theme NAME]}, {@code [--db PATH] stats [--db PATH] [--format
 * text|json]}, {@code [--db PATH] import PATH...} with {@code --db PATH} also among the paths, and
 * {@code [--db PATH] export [--db PATH] [--format csv|json] [-o|--output FILE] [--direction
 * incoming|outgoing|all]}, {@code --db} once and each option at most once where it stands.
 * Anything else picocli may read otherwise (an {@code @file}, {@code --db=PATH}, a value or path
 * that starts with {@code -} or names a command, an empty one, {@code --debug}, {@code
 * --skip-bad}, a filter other than the direction, help...) is not plain: picocli runs it, and
 * words its errors.
 *
 * @param command {@code tui}, {@code stats}, {@code import} or {@code export}
 * @param theme the inbox's theme, the command's {@code --theme} before the root's; null when none
 * @param format stats' or export's format as typed (lower case); null when not given
 * @param paths what {@code import} imports, in order; empty for the others
 * @param output where {@code export} writes; null for standard output and the others
 * @param direction export's {@code --direction} as typed (lower case); null when not given
 */
record PlainCommandLine(
    String command, Path db, String theme, String format, List<Path> paths, Path output, String direction) {
  static final String TUI = "tui";
  static final String STATS = "stats";
  static final String IMPORT = "import";
  static final String EXPORT = "export";

  PlainCommandLine(String command, Path db, String theme, String format) {
    this(command, db, theme, format, List.of(), null, null);
  }

  /** The plain command line {@code args} are, or null when picocli must read them. */
  static PlainCommandLine parse(String... args) {
    String command = null;
    Path db = null;
    String rootTheme = null;
    String tuiTheme = null;
    String format = null;
    Path output = null;
    String direction = null;
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if ((arg.equals(TUI) || arg.equals(STATS) || arg.equals(IMPORT) || arg.equals(EXPORT))
          && command == null) {
        command = arg;
        continue;
      }
      if (IMPORT.equals(command) && !arg.equals("--db")) {
        Path path = isPlainValue(arg) ? path(arg) : null;
        if (path == null) {
          return null;
        }
        paths.add(path);
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
        format = value;
      } else if (arg.equals("--format") && EXPORT.equals(command) && format == null
          && (value.equals("csv") || value.equals("json"))) {
        format = value;
      } else if (arg.equals("--direction") && EXPORT.equals(command) && direction == null
          && (value.equals("incoming") || value.equals("outgoing") || value.equals("all"))) {
        direction = value;
      } else if ((arg.equals("-o") || arg.equals("--output")) && EXPORT.equals(command)
          && output == null) {
        output = path(value);
        if (output == null) {
          return null;
        }
      } else {
        return null;
      }
    }
    if ((IMPORT.equals(command) && paths.isEmpty())
        || ((IMPORT.equals(command) || EXPORT.equals(command)) && rootTheme != null)) {
      return null; // picocli says what is missing, or refuses the inbox's option before a command
    }
    String theme = tuiTheme != null ? tuiTheme : rootTheme;
    return new PlainCommandLine(
        command == null ? TUI : command, db, theme, format, List.copyOf(paths), output, direction);
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
