package dev.invitriage.cli;

import dev.invitriage.app.App;
import dev.invitriage.domain.Client;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.text.TerminalText;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code invitriage client add}: puts one person on the client list. */
@Command(name = "add",
    description = "Add a client. With --url, invitations match by profile URL; without, by exact name.")
final class ClientAddCommand extends BaseCommand {
  @Option(names = "--name", required = true, paramLabel = "NAME", description = "Full name.")
  String name;

  @Option(names = "--url", paramLabel = "URL", description = "LinkedIn profile URL.")
  String url;

  @Option(names = "--company", paramLabel = "C", description = "Company.")
  String company;

  @Option(names = "--note", paramLabel = "TEXT", description = "Your note about this client.")
  String note;

  @Override
  public Integer call() {
    if (name.isBlank()) {
      throw new InvitriageException(InvitriageException.Kind.USAGE, "--name must not be empty");
    }
    try (App app = openApp()) {
      Client c = app.inbox().addClients(List.of(new Client(0, name.strip(), url, company, note))).get(0);
      out().printf("added client %d: %s%n", c.id(), TerminalText.sanitize(c.name()));
    }
    return ExitCodes.OK;
  }
}
