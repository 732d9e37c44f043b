package dev.invitriage.cli;

import com.googlecode.lanterna.terminal.Terminal;
import dev.invitriage.app.App;
import dev.invitriage.app.Settings;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.ui.InboxUi;
import dev.invitriage.ui.UiSettings;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code invitriage tui} (also {@code invitriage} alone): the full-screen inbox on this terminal. */
@Command(name = "tui",
    description = {"Open the full-screen inbox (press ? inside for the keys).",
        "Keys can be rebound in $XDG_CONFIG_HOME/invitriage/keys.properties; NO_COLOR selects the mono theme."})
final class TuiCommand extends BaseCommand {
  /** Input decoder timeout in units of 1/4 s: long enough for an escape sequence split by a slow link. */
  static final int INPUT_TIMEOUT_UNITS = 1;

  @Option(names = "--theme", paramLabel = "NAME|PATH",
      description = "dark (default), light, mono, or a theme .properties file.")
  String theme;

  /** Runs the UI with the given theme option; the root command calls this with its own option. */
  int run(String themeOption) {
    // Settings first: a bad keys.properties or theme is one line of error, before the screen opens.
    UiSettings settings = uiSettings(this, themeOption);
    try (App app = openApp(App.Use.INBOX)) {
      Terminal terminal = openTerminal();
      try {
        InboxUi.run(terminal, app, settings);
      } finally {
        closeQuietly(terminal);
      }
    }
    return ExitCodes.OK;
  }

  @Override
  public Integer call() {
    return run(theme != null ? theme : root().theme);
  }

  /**
   * The full-screen inbox's settings: the theme ({@code --theme}, else the {@code theme} setting),
   * where and in which format its export key writes (the {@code export.*} settings).
   */
  static UiSettings uiSettings(BaseCommand command, String themeOption) {
    Settings user = command.settings();
    String theme = user.get("theme", "--theme", themeOption).value();
    String directory = user.get("export.directory");
    Path exportDir = directory == null
        ? Path.of("").toAbsolutePath()
        : Settings.expandHome(directory, command.context().locations()).toAbsolutePath();
    return UiSettings.load(command.context().env(), theme, exportDir, command.context().clock())
        .withExportFormat(user.get("export.format"));
  }

  private static Terminal openTerminal() {
    try {
      TtyTerminal t = TtyTerminal.open();
      t.getInputDecoder().setTimeoutUnits(INPUT_TIMEOUT_UNITS);
      return t;
    } catch (IOException e) {
      throw InvitriageException.io("cannot open the terminal: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(Terminal t) {
    try {
      t.close();
    } catch (IOException ignored) {
      // The screen was already restored; a failing close leaves nothing to fix.
    }
  }
}
