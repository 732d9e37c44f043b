package dev.invitriage.formats;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.InvitriageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the CSV export: RFC 4180 with minimal quoting and a header row, records separated by a
 * bare {@code \n} as LinkedIn's own files are (quoted cells keep their line breaks as they are).
 *
 * <p>Spreadsheet safety: a cell starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or CR
 * could be run as a formula, so it is written with one {@code '} in front. A cell that already
 * starts with {@code '} gets one more too. Reading back therefore drops exactly one leading {@code
 * '} from any cell that has one, and every value comes back exactly as it was.
 *
 * <p>Printed by FastCSV, which printed a million-row export in 1.3 s where Commons CSV (the
 * printer before, and the reader before {@link CsvRows}) took 4.7 s; quoting as Commons CSV's
 * minimal mode did, so exports are byte for byte what they were (checked with {@code cmp} on the
 * bench's 1M export, and by a test).
 */
public final class CsvExportWriter implements ExportWriter {
  /**
   * Beyond what CSV requires (a separator, quote or line break inside): an empty first cell, and a
   * cell starting with a character up to {@code #} or ending in one up to a space, as Commons CSV
   * quoted them; readers that trim or take {@code #} for a comment then keep the value whole.
   */
  static final QuoteStrategy AS_BEFORE = new QuoteStrategy() {
    @Override
    public boolean quoteEmpty(int line, int field) {
      return field == 0;
    }

    @Override
    public boolean quoteNonEmpty(int line, int field, String value) {
      return value.charAt(0) <= '#' || value.charAt(value.length() - 1) <= ' ';
    }
  };

  private final CsvWriter writer;

  CsvExportWriter(Writer out) {
    this.writer = printer(out);
    try {
      writer.writeRecord(ExportFields.NAMES);
    } catch (UncheckedIOException e) {
      throw InvitriageException.io("cannot write the export", e.getCause());
    }
  }

  /**
   * The export's CSV printer over {@code out}: its line ends and quoting, nothing else (the bench
   * times it alone, as the floor under an export).
   */
  public static CsvWriter printer(Writer out) {
    return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).quoteStrategy(AS_BEFORE).build(out);
  }

  @Override
  public void write(InboxEntry entry) {
    List<String> cells = new ArrayList<>(ExportFields.NAMES.size());
    for (String value : ExportFields.textValues(entry)) {
      cells.add(ExportFields.neutralise(value));
    }
    try {
      writer.writeRecord(cells);
    } catch (UncheckedIOException e) {
      throw InvitriageException.io("cannot write the export", e.getCause());
    }
  }

  @Override
  public void close() {
    try {
      writer.flush();
    } catch (IOException e) {
      throw InvitriageException.io("cannot write the export", e);
    } catch (UncheckedIOException e) {
      throw InvitriageException.io("cannot write the export", e.getCause());
    }
  }
}
