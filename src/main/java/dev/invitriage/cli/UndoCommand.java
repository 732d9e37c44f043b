package dev.invitriage.cli;

import dev.invitriage.app.App;
import dev.invitriage.text.TerminalText;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code invitriage undo}: reverts the latest decision, note or client change. */
@Command(name = "undo",
    description = "Revert the latest change (decision, note or client edit). Imports are not undone.")
final class UndoCommand extends BaseCommand {
  @Override
  public Integer call() {
    try (App app = openApp()) {
      Optional<String> undone = app.inbox().undo();
      out().println(undone.map(label -> "undid: " + TerminalText.sanitize(label)).orElse("nothing to undo"));
    }
    return ExitCodes.OK;
  }
}
