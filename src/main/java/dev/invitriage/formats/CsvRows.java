package dev.invitriage.formats;

import dev.invitriage.domain.InvitriageException;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads RFC 4180 records one at a time, each with the physical line it starts on, and turns every
 * Commons CSV failure into a one-line {@link InvitriageException} so its messages never reach a
 * user.
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

  // Empty lines are kept (and skipped by callers) so the parser's line count stays exact.
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  private final String file;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  /** Column names for messages, once the header is known. */
  private List<String> columns = List.of();

  CsvRows(String file, Reader text) {
    this.file = file;
    try {
      this.parser = FORMAT.parse(new CellLimit(text));
    } catch (IOException | UncheckedIOException e) {
      throw translate(e, 1);
    }
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
    // Taken before hasNext(), which reads ahead: between records the count is the line breaks
    // consumed so far, so the next record starts one line later.
    long line = parser.getCurrentLineNumber() + 1;
    try {
      if (!records.hasNext()) {
        return null;
      }
      CSVRecord r = records.next();
      List<String> cells = new ArrayList<>(r.size());
      r.forEach(cells::add);
      return new Row(line, cells);
    } catch (InvitriageException e) {
      throw e;
    } catch (RuntimeException e) {
      throw translate(e, line);
    }
  }

  /** The next record that is not an empty line, or null at the end of the file. */
  Row nextNonBlank() {
    Row row;
    do {
      row = next();
    } while (row != null && row.isBlank());
    return row;
  }

  private InvitriageException translate(Exception e, long line) {
    Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    while (cause instanceof UncheckedIOException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof InvitriageException ie) {
      return ie;
    }
    if (cause instanceof StrictTextReader.MalformedTextException m) {
      return InvitriageException.badInput(file + ":" + m.line() + ": invalid " + m.charsetName());
    }
    if (cause instanceof CellLimit.TooLongException t) {
      if (t.cell < 0) {
        return InvitriageException.badInput(
            file + ":" + t.line + ": more than " + CellLimit.MAX_CELLS + " cells (refused)");
      }
      String field = t.cell < columns.size() ? columns.get(t.cell).strip() : "cell " + (t.cell + 1);
      return Problems.field(
          file + ":" + t.line,
          field,
          "longer than " + CellLimit.MAX_CELL_CHARS + " characters (refused)");
    }
    // Commons CSV says what went wrong only in its message text, somewhere in the cause chain.
    StringBuilder chain = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      chain.append(t.getMessage()).append('\n');
    }
    String msg = chain.toString().toLowerCase(java.util.Locale.ROOT);
    if (msg.contains("eof reached before encapsulated token finished")) {
      return InvitriageException.badInput(file + ":" + line + ": unterminated quoted field");
    }
    if (msg.contains("invalid character between encapsulated token and delimiter")) {
      return InvitriageException.badInput(
          file + ":" + line + ": unexpected text after a closing quote");
    }
    if (cause instanceof IOException && !(cause instanceof org.apache.commons.csv.CSVException)) {
      return InvitriageException.io(file + ": cannot read the file", cause);
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
