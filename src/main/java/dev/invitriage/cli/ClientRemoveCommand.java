package dev.invitriage.cli;

import dev.invitriage.app.App;
import dev.invitriage.domain.Client;
import dev.invitriage.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code invitriage client remove ID|URL}: takes a person off the client list. */
@Command(name = "remove", description = "Remove a client (undo brings it back).")
final class ClientRemoveCommand extends BaseCommand {
  @Parameters(paramLabel = "ID|URL", description = "The client's number (see client list) or profile URL.")
  String client;

  @Override
  public Integer call() {
    try (App app = openApp()) {
      Client c = app.client(client);
      app.inbox().removeClient(c.id());
      out().printf("removed client %d: %s%n", c.id(), TerminalText.sanitize(c.name()));
    }
    return ExitCodes.OK;
  }
}
