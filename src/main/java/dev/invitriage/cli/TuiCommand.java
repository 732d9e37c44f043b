package dev.invitriage.cli;

import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.StreamBasedTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import dev.invitriage.app.App;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.ui.InboxUi;
import dev.invitriage.ui.UiSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code invitriage tui} (also {@code invitriage} alone): the full-screen inbox on this terminal. */
@Command(name = "tui", mixinStandardHelpOptions = true,
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
    UiSettings settings = UiSettings.load(context().env(), themeOption, Path.of("").toAbsolutePath(), context().clock());
    try (App app = openApp()) {
      Terminal terminal = createTerminal();
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

  private Terminal createTerminal() {
    try {
      Terminal t = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
          .setForceTextTerminal(true)
          .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
          .setInputTimeout(INPUT_TIMEOUT_UNITS)
          .createTerminal();
      if (t instanceof StreamBasedTerminal s) {
        s.getInputDecoder().setTimeoutUnits(INPUT_TIMEOUT_UNITS);
      }
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
