package dev.invitriage.formats;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.invitriage.domain.InvitriageException;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads RFC 4180 records one at a time, each with the physical line it starts on, and turns every
 * failure into a one-line {@link InvitriageException} so a parser's messages never reach a user.
 * FastCSV parses (on the first JIT tier, as an import runs, it read a million-row export in a third
 * of Commons CSV's time); {@link CsvGuard} refuses the quoting FastCSV would let through.
 */
final class CsvRows implements Closeable {

  /** One record and the line it starts on. */
  record Row(long line, List<String> cells) {

    /** An empty physical line parses as one empty cell; callers skip those. */
    boolean isBlank() {
      return cells.size() == 1 && cells.get(0).isEmpty();
    }

    String cell(int i) {
      return cells.get(i);
    }

    int size() {
      return cells.size();
    }
  }

  private final String file;
  private final CsvReader<CsvRecord> parser;
  private final Iterator<CsvRecord> records;
  /** The line after the last record's start: where the next one starts at the earliest. */
  private long nextLine = 1;
  /**
   * Lone carriage returns inside the quoted cells read so far: FastCSV never saw them (see {@link
   * CsvGuard#CR_IN_QUOTES}), so its line numbers are short by as many.
   */
  private long hiddenLines;
  /** Column names for messages, once the header is known. */
  private List<String> columns = List.of();

  CsvRows(String file, Reader text) {
    this.file = file;
    // Empty lines are kept (and skipped by callers); the number of cells is the caller's to check.
    this.parser = CsvReader.builder()
        .skipEmptyLines(false)
        .ignoreDifferentFieldCount(true)
        .acceptCharsAfterQuotes(false)
        .ofCsvRecord(new CsvGuard(text));
    this.records = parser.iterator();
  }

  String file() {
    return file;
  }

  /** Names the columns, so a problem found while parsing a record can name its field. */
  void columns(List<String> names) {
    this.columns = List.copyOf(names);
  }

  /** The next record, or null at the end of the file. */
  Row next() {
    try {
      if (!records.hasNext()) {
        return null;
      }
      CsvRecord r = records.next();
      long line = r.getStartingLineNumber() + hiddenLines;
      nextLine = line + 1;
      return new Row(line, withCarriageReturns(r.getFields()));
    } catch (InvitriageException e) {
      throw e;
    } catch (RuntimeException e) {
      throw translate(e, nextLine);
    }
  }

  /**
   * The cells with the carriage returns {@link CsvGuard} hid put back, counting the lone ones
   * (not followed by a line feed) into {@link #hiddenLines}.
   */
  private List<String> withCarriageReturns(List<String> cells) {
    List<String> restored = cells;
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      int at = cell.indexOf(CsvGuard.CR_IN_QUOTES);
      if (at < 0) {
        continue;
      }
      for (; at >= 0; at = cell.indexOf(CsvGuard.CR_IN_QUOTES, at + 1)) {
        if (at + 1 == cell.length() || cell.charAt(at + 1) != '\n') {
          hiddenLines++;
        }
      }
      if (restored == cells) {
        restored = new ArrayList<>(cells);
      }
      restored.set(i, cell.replace(CsvGuard.CR_IN_QUOTES, '\r'));
    }
    return restored;
  }

  /** The next record that is not an empty line, or null at the end of the file. */
  Row nextNonBlank() {
    Row row;
    do {
      row = next();
    } while (row != null && row.isBlank());
    return row;
  }

  /**
   * What went wrong, said in a line: {@link CsvGuard} and {@link StrictTextReader} know the line
   * of what they refuse; anything else FastCSV refuses is at {@code line} at the earliest.
   */
  private InvitriageException translate(RuntimeException e, long line) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvitriageException ie) {
        return ie;
      }
      if (cause instanceof StrictTextReader.MalformedTextException m) {
        return InvitriageException.badInput(file + ":" + m.line() + ": invalid " + m.charsetName());
      }
      if (cause instanceof CsvGuard.BadQuotingException q) {
        return InvitriageException.badInput(file + ":" + q.line + ": " + q.getMessage());
      }
      if (cause instanceof CsvGuard.TooLongException t) {
        if (t.cell < 0) {
          return InvitriageException.badInput(
              file + ":" + t.line + ": more than " + CsvGuard.MAX_CELLS + " cells (refused)");
        }
        String field =
            t.cell < columns.size() ? columns.get(t.cell).strip() : "cell " + (t.cell + 1);
        return Problems.field(
            file + ":" + t.line,
            field,
            "longer than " + CsvGuard.MAX_CELL_CHARS + " characters (refused)");
      }
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException io) {
        return InvitriageException.io(file + ": cannot read the file", io);
      }
    }
    return InvitriageException.badInput(file + ":" + line + ": malformed CSV");
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException | RuntimeException ignored) {
      // Closing a reader we have finished with cannot lose data; nothing useful to report.
    }
  }
}
