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
    },
    footer = {
      "",
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

  RootCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
