package dev.invitriage.formats;

import dev.invitriage.domain.EncodedEntry;
import dev.invitriage.domain.EncodedInvitation;
import dev.invitriage.domain.EncodedInvitation.Text;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.InvitriageException;
import java.io.UncheckedIOException;

/**
 * Writes the CSV export: RFC 4180 with minimal quoting and a header row, records separated by a
 * bare {@code \n} as LinkedIn's own files are (quoted cells keep their line breaks as they are).
 *
 * <p>Spreadsheet safety: a cell starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or CR
 * could be run as a formula, so it is written with one {@code '} in front. A cell that already
 * starts with {@code '} gets one more too. Reading back therefore drops exactly one leading {@code
 * '} from any cell that has one, and every value comes back exactly as it was.
 *
 * <p>Printed as bytes by {@link CsvPrinter}, quoting as Commons CSV's minimal mode did (the first
 * printer) and FastCSV with the same rules (the second): exports are byte for byte what they were
 * (checked with {@code cmp} on the bench's 1M export, and by {@code CsvQuotingProperties}).
 */
public final class CsvExportWriter implements ExportWriter {
  private final CsvPrinter printer;

  CsvExportWriter(CsvPrinter printer) {
    this.printer = printer;
    try {
      for (String name : ExportFields.NAMES) {
        printer.cell(name);
      }
      printer.endRecord();
    } catch (UncheckedIOException e) {
      throw InvitriageException.io("cannot write the export", e.getCause());
    }
  }

  @Override
  public void write(InboxEntry entry) {
    try {
      for (String value : ExportFields.textValues(entry)) {
        printer.cell(value);
      }
      printer.endRecord();
    } catch (UncheckedIOException e) {
      throw InvitriageException.io("cannot write the export", e.getCause());
    }
  }

  /**
   * The texts' stored bytes are printed as they are; the other cells as {@link #write(InboxEntry)}
   * prints them (a test holds the two to the same bytes).
   */
  @Override
  public void write(EncodedEntry entry) {
    EncodedInvitation inv = entry.invitation();
    byte[] texts = inv.bytes();
    try {
      printer.cell(entry.id().hex());
      printer.cell(inv.direction().name());
      printer.cell(texts, inv.from(Text.FROM_NAME), inv.to(Text.FROM_NAME));
      printer.cell(texts, inv.from(Text.FROM_URL), inv.to(Text.FROM_URL));
      printer.cell(texts, inv.from(Text.TO_NAME), inv.to(Text.TO_NAME));
      printer.cell(texts, inv.from(Text.TO_URL), inv.to(Text.TO_URL));
      printer.cell(Dates.formatExportDateTime(inv.sentAt()));
      printer.cell(texts, inv.from(Text.MESSAGE), inv.to(Text.MESSAGE));
      printer.cell(entry.classification().verdict().name());
      printer.cell(entry.classification().reason());
      printer.cell(Boolean.toString(entry.offender()));
      printer.cell(Boolean.toString(entry.client()));
      printer.cell(Boolean.toString(entry.connection()));
      printer.cell(entry.decision().word());
      printer.cell(ExportFields.decidedAt(entry.decidedAt()));
      printer.cell(entry.note());
      printer.endRecord();
    } catch (UncheckedIOException e) {
      throw InvitriageException.io("cannot write the export", e.getCause());
    }
  }

  @Override
  public void close() {
    try {
      printer.flush();
    } catch (UncheckedIOException e) {
      throw InvitriageException.io("cannot write the export", e.getCause());
    }
  }
}
