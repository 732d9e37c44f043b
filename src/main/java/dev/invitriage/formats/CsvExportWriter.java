package dev.invitriage.formats;

import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.InvitriageException;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes the CSV export: RFC 4180 with minimal quoting and a header row, records separated by a
 * bare {@code \n} as LinkedIn's own files are (quoted cells keep their line breaks as they are).
 *
 * <p>Spreadsheet safety: a cell starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or CR
 * could be run as a formula, so it is written with one {@code '} in front. A cell that already
 * starts with {@code '} gets one more too. Reading back therefore drops exactly one leading {@code
 * '} from any cell that has one, and every value comes back exactly as it was.
 */
final class CsvExportWriter implements ExportWriter {

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator('\n').setQuoteMode(QuoteMode.MINIMAL).get();

  private final Writer out;
  private final CSVPrinter printer;

  CsvExportWriter(Writer out) {
    this.out = out;
    try {
      this.printer = new CSVPrinter(out, FORMAT);
      printer.printRecord(ExportFields.NAMES);
    } catch (IOException e) {
      throw InvitriageException.io("cannot write the export", e);
    }
  }

  @Override
  public void write(InboxEntry entry) {
    List<String> cells = new ArrayList<>(ExportFields.NAMES.size());
    for (String value : ExportFields.textValues(entry)) {
      cells.add(ExportFields.neutralise(value));
    }
    try {
      printer.printRecord(cells);
    } catch (IOException e) {
      throw InvitriageException.io("cannot write the export", e);
    }
  }

  @Override
  public void close() {
    try {
      printer.flush();
      out.flush();
    } catch (IOException e) {
      throw InvitriageException.io("cannot write the export", e);
    }
  }
}
