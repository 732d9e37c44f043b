package dev.invitriage.cli;

import dev.invitriage.app.App;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.formats.ExportFormat;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code invitriage list}: the inbox as a table, CSV or JSON, newest first. */
@Command(name = "list",
    description = "List invitations, newest first. Offenders are red on a terminal (unless NO_COLOR is set).")
final class ListCommand extends BaseCommand {
  /** Output formats of {@code list}. */
  enum Format {
    TABLE,
    CSV,
    JSON
  }

  @Mixin FilterOptions filter;

  @Option(names = "--format", paramLabel = "F", defaultValue = "table", description = "table (default), csv or json.")
  Format format = Format.TABLE;

  @Override
  public Integer call() {
    try (App app = openApp()) {
      switch (format) {
        case TABLE -> {
          List<InboxEntry> entries = app.list(filter.toFilter(FilterOptions.DirectionChoice.INCOMING));
          new EntryTable(context().columns(), context().colour()).print(entries, out());
        }
        case CSV -> export(app, ExportFormat.CSV);
        case JSON -> export(app, ExportFormat.JSON);
      }
    }
    out().flush();
    return ExitCodes.OK;
  }

  private void export(App app, ExportFormat f) {
    java.io.Writer w = dataOut(f);
    app.export(filter.toFilter(FilterOptions.DirectionChoice.INCOMING), f, w);
    try {
      w.flush();
    } catch (java.io.IOException e) {
      throw dev.invitriage.domain.InvitriageException.io("cannot write standard output", e);
    }
  }
}
