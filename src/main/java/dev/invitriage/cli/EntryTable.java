package dev.invitriage.cli;

import dev.invitriage.domain.Direction;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.text.Entities;
import dev.invitriage.text.TerminalText;
import dev.invitriage.text.TextColumns;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The {@code list} table, fitted to the terminal width. Offenders carry a {@code !} mark and their
 * verdict as text, so colour is never the only signal; with colour on they are also red.
 */
final class EntryTable {
  private static final String RED = "\u001b[31m";
  private static final String RESET = "\u001b[0m";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final int DATE_W = 10;
  private static final int VERDICT_W = 8;
  private static final int DECISION_W = 8;
  private static final int MARKS_W = 11;

  private final int width;
  private final boolean colour;

  EntryTable(int width, boolean colour) {
    this.width = Math.max(40, width);
    this.colour = colour;
  }

  void print(List<InboxEntry> entries, PrintWriter out) {
    if (entries.isEmpty()) {
      out.println("no invitations match");
      return;
    }
    int idW = 8;
    for (InboxEntry e : entries) {
      idW = Math.max(idW, e.abbrev().length());
    }
    // mark, id, date, name, verdict, decision, marks, message, with single spaces between.
    int fixed = 1 + 1 + idW + 1 + DATE_W + 1 + VERDICT_W + 1 + DECISION_W + 1 + MARKS_W + 1;
    int flexible = Math.max(10, width - fixed);
    int nameW = Math.max(8, Math.min(24, flexible * 2 / 5));
    int messageW = Math.max(0, flexible - nameW - 1);
    out.println(row(" ", "ID", idW, "DATE", "FROM", nameW, "VERDICT", "DECISION", "MARKS", "MESSAGE", messageW));
    for (InboxEntry e : entries) {
      String name = TerminalText.sanitize(e.invitation().counterpartName());
      if (e.invitation().direction() == Direction.OUTGOING) {
        name = "→ " + name;
      }
      String marks = (e.client() ? "client " : "") + (e.connection() ? "conn" : "");
      String line = row(e.offender() ? "!" : " ", e.abbrev(), idW, DATE.format(e.invitation().sentAt()), name, nameW,
          e.verdict().name(), e.decision().word(), marks.strip(), TerminalText.firstLine(Entities.decode(e.invitation().message())), messageW);
      out.println(colour && e.offender() ? RED + line + RESET : line);
    }
  }

  private static String row(String mark, String id, int idW, String date, String name, int nameW, String verdict,
      String decision, String marks, String message, int messageW) {
    String line = mark + " " + TextColumns.pad(id, idW) + " " + TextColumns.pad(date, DATE_W) + " "
        + TextColumns.pad(name, nameW) + " " + TextColumns.pad(verdict, VERDICT_W) + " "
        + TextColumns.pad(decision, DECISION_W) + " " + TextColumns.pad(marks, MARKS_W) + " "
        + TextColumns.fit(message, messageW);
    return line.stripTrailing();
  }
}
