package dev.invitriage.cli;

import dev.invitriage.app.App;
import dev.invitriage.domain.Client;
import dev.invitriage.text.TerminalText;
import dev.invitriage.text.TextColumns;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code invitriage client list}: the client list as a table. */
@Command(name = "list", description = "Show the client list.")
final class ClientListCommand extends BaseCommand {
  @Override
  public Integer call() {
    List<Client> clients;
    try (App app = openApp()) {
      clients = app.inbox().clients();
    }
    if (clients.isEmpty()) {
      out().println("no clients yet: add one with 'invitriage client add --name NAME [--url URL]'");
      return ExitCodes.OK;
    }
    int width = context().columns();
    int rest = Math.max(20, width - 6 - 3);
    int nameW = Math.min(28, rest / 3);
    int urlW = Math.min(44, rest / 3);
    int companyW = Math.max(8, rest - nameW - urlW - 3);
    out().println(TextColumns.pad("ID", 5) + " " + TextColumns.pad("NAME", nameW) + " " + TextColumns.pad("URL", urlW) + " " + "COMPANY / NOTE");
    for (Client c : clients) {
      String tail = c.note().isEmpty() ? c.company() : c.company() + " — " + c.note();
      out().println((TextColumns.pad(String.valueOf(c.id()), 5) + " "
          + TextColumns.pad(TerminalText.sanitize(c.name()), nameW) + " "
          + TextColumns.pad(TerminalText.sanitize(c.url()), urlW) + " "
          + TextColumns.fit(TerminalText.sanitize(tail), companyW)).stripTrailing());
    }
    return ExitCodes.OK;
  }
}
