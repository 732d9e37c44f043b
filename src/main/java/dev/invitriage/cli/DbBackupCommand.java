package dev.invitriage.cli;

import dev.invitriage.app.App;
import dev.invitriage.text.TerminalText;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code invitriage db backup PATH}: a consistent copy of the store, as a new store at PATH. */
@Command(name = "backup",
    description = {
      "Write a consistent copy of the store to PATH (a new store with its own journal, opened with",
      "--db PATH like any other). PATH must not exist yet."
    })
final class DbBackupCommand extends BaseCommand {
  @Parameters(paramLabel = "PATH", description = "Where to write the copy.")
  Path target;

  @Override
  public Integer call() {
    int n;
    try (App app = openApp()) {
      app.backupTo(target);
      n = app.inbox().size();
    }
    out().printf("backed up %d invitations to %s%n", n, TerminalText.sanitize(target.toString()));
    return ExitCodes.OK;
  }
}
