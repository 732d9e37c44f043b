package dev.invitriage.cli;

import dev.invitriage.app.App;
import dev.invitriage.domain.ImportResult;
import dev.invitriage.text.TerminalText;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code invitriage import PATH...}: adds a LinkedIn export to the inbox. */
@Command(name = "import",
    description = {
      "Import a LinkedIn data export: the zip, its folder, Invitations.csv or Connections.csv",
      "(recognised by header), or an invitriage export. Only what is new is added; decisions and",
      "notes are never overwritten. A bad file stores nothing (exit 65)."
    })
final class ImportCommand extends BaseCommand {
  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders to import.")
  List<Path> paths;

  @Option(names = "--skip-bad", description = "Store the good rows and report each bad row instead of failing.")
  boolean skipBad;

  @Override
  public Integer call() {
    try (App app = openApp(App.Use.IMPORT)) {
      ImportResult r = app.importFiles(paths, skipBad, line -> err().println("invitriage: " + TerminalText.sanitize(line)));
      out().printf("imported %d invitations (%d new, %d already known), %d connections from %s%n",
          r.invitationsRead(), r.invitationsNew(), r.invitationsKnown(), r.connectionsRead(),
          TerminalText.sanitize(String.join(", ", r.sources())));
    }
    return ExitCodes.OK;
  }
}
