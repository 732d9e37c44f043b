package dev.invitriage.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code invitriage}: the command group and the options every subcommand shares. */
@Command(
    name = "invitriage",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Triage LinkedIn connection invitations: offenders (default text or no note) in red, personal notes first.",
    subcommands = {
      TuiCommand.class,
      ImportCommand.class,
      ListCommand.class,
      StatsCommand.class,
      DecideCommand.class,
      NoteCommand.class,
      UndoCommand.class,
      RedoCommand.class,
      ExportCommand.class,
      ClientCommand.class,
      ClassifyCommand.class,
      PhrasesCommand.class,
      DbCommand.class,
      ServeCommand.class,
    },
    footer = {
      "",
      "With no command, opens the full-screen inbox (same as `invitriage tui`).",
      "Store: --db, else $INVITRIAGE_DB, else $XDG_DATA_HOME/invitriage/inbox.db.",
      "Exit codes: 0 ok, 2 usage, 65 bad input data, 74 I/O error, 75 store in use."
    })
final class RootCommand implements Callable<Integer> {
  final Context context;

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
