package dev.invitriage.cli;

import dev.invitriage.app.App;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.formats.ExportFormat;
import dev.invitriage.text.TerminalText;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code invitriage export}: every field of the chosen invitations, as CSV or JSON. */
@Command(name = "export",
    description = {
      "Export invitations with every field (see README) for other tools, newest first.",
      "Importing an export back into a store loses nothing."
    })
final class ExportCommand extends BaseCommand {
  @Mixin FilterOptions filter;

  @Option(names = "--format", paramLabel = "F",
      description = "csv or json (default: the export.format setting, else csv).")
  ExportFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (replaced only when complete) instead of standard output.")
  Path output;

  @Override
  public Integer call() {
    if (output != null && context().openApp() != null) {
      // Over SSH a file would be written on the server: the remote user redirects instead.
      throw new InvitriageException(InvitriageException.Kind.USAGE,
          "-o writes a file on the server: redirect standard output instead (export > FILE)");
    }
    if (format == null) {
      format = ExportFormat.valueOf(settings().get("export.format").toUpperCase(java.util.Locale.ROOT));
    }
    try (App app = openApp()) {
      if (output == null) {
        Writer w = dataOut(format);
        app.export(filter.toFilter(FilterOptions.DirectionChoice.ALL), format, w);
        try {
          w.flush();
        } catch (IOException e) {
          throw InvitriageException.io("cannot write standard output", e);
        }
        return ExitCodes.OK;
      }
      int n = app.exportTo(filter.toFilter(FilterOptions.DirectionChoice.ALL), format, output);
      err().printf("exported %d invitations to %s%n", n, TerminalText.sanitize(output.toString()));
    }
    return ExitCodes.OK;
  }
}
