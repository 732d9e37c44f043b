package dev.invitriage.cli;

import dev.invitriage.app.Settings;
import dev.invitriage.text.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code invitriage config}: every setting, its effective value and where that came from. */
@Command(name = "config",
    description = {"Show every setting with its effective value and where it came from: a flag,"
        + " the environment (INVITRIAGE_...), config.properties (with its line) or the default.",
        "Settings: theme, offenders, export.format, export.directory, store, serve.listen,"
        + " serve.max-sessions, serve.idle-timeout; set them in"
        + " $XDG_CONFIG_HOME/invitriage/config.properties, one 'name = value' a line."})
final class ConfigCommand extends BaseCommand {
  @Override
  public Integer call() {
    PrintWriter out = out();
    Path file = Settings.file(context().locations());
    out.println("# " + TerminalText.sanitize(file.toString()) + (Files.exists(file) ? "" : " (absent: every default)"));
    for (Settings.Value v : settings().all()) {
      Settings.Value shown = switch (v.name()) {
        case "theme" -> settings().get("theme", "--theme", root().theme);
        case "store" -> {
          Settings.Value given = settings().get("store", "--db", root().db == null ? null : root().db.toString());
          yield new Settings.Value("store", store().toString(), given.source(), given.origin());
        }
        default -> v;
      };
      out.printf("%-20s %-40s %s%n", shown.name(), TerminalText.sanitize(describe(shown)), TerminalText.sanitize(shown.origin()));
    }
    return ExitCodes.OK;
  }

  /** The value as a user reads it; a default of "none" says what happens instead. */
  private String describe(Settings.Value v) {
    if (v.value() != null) {
      return v.value();
    }
    return switch (v.name()) {
      case "theme" -> noColor() ? "mono (NO_COLOR)" : "dark";
      case "export.directory" -> "the working directory";
      default -> "(none)";
    };
  }

  private boolean noColor() {
    String noColor = context().env().get("NO_COLOR");
    return noColor != null && !noColor.isEmpty();
  }
}
