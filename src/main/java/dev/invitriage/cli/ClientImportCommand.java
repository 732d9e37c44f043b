package dev.invitriage.cli;

import dev.invitriage.app.App;
import dev.invitriage.domain.Client;
import dev.invitriage.text.TerminalText;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code invitriage client import FILE}: adds clients from a CSV file. */
@Command(name = "import",
    description = {
      "Add clients from a CSV with the header name,profile_url,company,note,",
      "or every connection of a LinkedIn Connections.csv with --from-connections."
    })
final class ClientImportCommand extends BaseCommand {
  @Parameters(paramLabel = "FILE") Path file;

  @Option(names = "--from-connections", description = "FILE is a Connections.csv: make every connection a client.")
  boolean fromConnections;

  @Override
  public Integer call() {
    try (App app = openApp()) {
      List<Client> added = app.importClients(file, fromConnections);
      out().printf("imported %d clients from %s%n", added.size(), TerminalText.sanitize(String.valueOf(file.getFileName())));
    }
    return ExitCodes.OK;
  }
}
