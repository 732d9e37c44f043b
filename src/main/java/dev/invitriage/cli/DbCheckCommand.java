package dev.invitriage.cli;

import dev.invitriage.app.App;
import dev.invitriage.store.StoreCheck;
import dev.invitriage.text.TerminalText;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code invitriage db check}: verifies the store against its journal; exit 65 when damaged. */
@Command(name = "check",
    description = {
      "Verify the store: it opens, its schema, every journal checksum, every invitation record and",
      "its id index, and that replaying the journal into a scratch store gives the same contents.",
      "Exit 0 when healthy, 65 when damaged."
    })
final class DbCheckCommand extends BaseCommand {
  @Override
  public Integer call() {
    StoreCheck r;
    String path;
    try (App app = openApp()) {
      r = app.check();
      path = store().toString();
    }
    PrintWriter out = out();
    out.printf("store        %s%n", TerminalText.sanitize(path));
    out.printf("contents     %d invitations, %d clients, %d journal entries%n", r.invitations(), r.clients(), r.journalEntries());
    if (r.healthy()) {
      out.println("checked      schema, journal checksums, invitation records and id index, journal replay");
      out.println("healthy");
      return ExitCodes.OK;
    }
    for (String p : r.problems()) {
      out.println("problem      " + TerminalText.sanitize(p));
    }
    out.println("damaged");
    return ExitCodes.BAD_INPUT;
  }
}
