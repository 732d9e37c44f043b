package dev.invitriage.cli;

import dev.invitriage.app.App;
import dev.invitriage.domain.Client;
import dev.invitriage.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code invitriage client edit ID}: changes the given fields of a client. */
@Command(name = "edit", description = "Change a client's fields; fields not given stay as they are.")
final class ClientEditCommand extends BaseCommand {
  @Parameters(paramLabel = "ID|URL", description = "The client's number (see client list) or profile URL.")
  String client;

  @Option(names = "--name", paramLabel = "NAME") String name;
  @Option(names = "--url", paramLabel = "URL", description = "An empty URL removes it.") String url;
  @Option(names = "--company", paramLabel = "C") String company;
  @Option(names = "--note", paramLabel = "TEXT") String note;

  @Override
  public Integer call() {
    try (App app = openApp()) {
      Client old = app.client(client);
      Client updated = new Client(old.id(),
          name == null ? old.name() : name.strip(),
          url == null ? old.url() : url.strip(),
          company == null ? old.company() : company,
          note == null ? old.note() : note);
      if (updated.equals(old)) {
        out().println("client unchanged");
        return ExitCodes.OK;
      }
      app.inbox().updateClient(updated);
      out().printf("updated client %d: %s%n", updated.id(), TerminalText.sanitize(updated.name()));
    }
    return ExitCodes.OK;
  }
}
