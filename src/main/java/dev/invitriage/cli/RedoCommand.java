package dev.invitriage.cli;

import dev.invitriage.app.App;
import dev.invitriage.text.TerminalText;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code invitriage redo}: re-applies the latest undone change. */
@Command(name = "redo", description = "Re-apply the change the latest undo reverted.")
final class RedoCommand extends BaseCommand {
  @Override
  public Integer call() {
    try (App app = openApp()) {
      Optional<String> redone = app.inbox().redo();
      out().println(redone.map(label -> "redid: " + TerminalText.sanitize(label)).orElse("nothing to redo"));
    }
    return ExitCodes.OK;
  }
}
