package dev.invitriage.cli;

import dev.invitriage.app.Settings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code invitriage}: the command group and the options every subcommand shares. Its
 * subcommands are registered by {@link Cli}, only those a command line needs.
 */
@Command(
    name = "invitriage",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Triage LinkedIn connection invitations: offenders (no note, the default text, a generic note or a template) in red, personal notes first.",
    footer = {
      "",
      "With no command, opens the full-screen inbox (same as `invitriage tui`).",
      "Store: --db, else $INVITRIAGE_DB, else $XDG_DATA_HOME/invitriage/inbox.db.",
      "Settings: $XDG_CONFIG_HOME/invitriage/config.properties (see `invitriage config`).",
      "Exit codes: 0 ok, 2 usage, 65 bad input data, 74 I/O error, 75 store in use, 78 bad setting."
    })
final class RootCommand implements Callable<Integer> {
  final Context context;

  /** The user's settings, read by Cli as the command starts (every default until then). */
  Settings settings = Settings.defaults();

  @Spec CommandSpec spec;

  @Option(names = "--db", paramLabel = "PATH", scope = ScopeType.INHERIT,
      description = "The store file (default: $INVITRIAGE_DB, else $XDG_DATA_HOME/invitriage/inbox.db).")
  Path db;

  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces with errors.")
  boolean debug;

  @Option(names = "--theme", paramLabel = "NAME|PATH",
      description = "Theme of the full-screen inbox: dark (default), light, mono, or a .properties file.")
  String theme;

  RootCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    // No subcommand: open the full-screen inbox, as `invitriage tui` does.
    TuiCommand tui = spec.subcommands().get("tui").getCommand();
    return tui.run(theme);
  }
}
