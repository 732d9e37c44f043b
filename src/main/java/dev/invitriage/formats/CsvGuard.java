package dev.invitriage.formats;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Follows RFC 4180 quoting as the text passes to the parser and refuses, at the physical line its
 * record starts, what the parser must never be given: a cell longer than {@link #MAX_CELL_CHARS}
 * characters or a record of more than {@link #MAX_CELLS} cells (found before the parser has
 * buffered it, so a hostile file cannot exhaust memory with one huge cell), text after a closing
 * quote, and a quote never closed (which FastCSV would take as a cell running to the end of the
 * file).
 *
 * <p>It also hides every carriage return inside a quoted cell from FastCSV as {@link
 * #CR_IN_QUOTES}, which {@link CsvRows} turns back: FastCSV 3.4 to 4.1 lose the cell, and run the
 * record on into the next line's, when a quoted cell holding a lone carriage return ends its record
 * ({@code a,"x\r"\nb,c} reads as one record {@code a,b,c}). The text comes from {@link
 * StrictTextReader}, whose strict decoding never yields a lone surrogate, so the stand-in cannot
 * be mistaken for text.
 */
final class CsvGuard extends FilterReader {

  /** Longest cell accepted: far beyond any LinkedIn message (300) or a note anyone types. */
  static final int MAX_CELL_CHARS = 1_000_000;

  /** Most cells in one record: every file we read has at most 17 columns. */
  static final int MAX_CELLS = 10_000;

  /** A cell or record past the limits, at the physical line its record starts. */
  static final class TooLongException extends IOException {
    private static final long serialVersionUID = 1L;
    final long line;
    /** The 0-based cell, or -1 when the record has too many cells. */
    final int cell;

    TooLongException(long line, int cell) {
      super("record at line " + line + " is too large");
      this.line = line;
      this.cell = cell;
    }
  }

  /** Quoting that is not RFC 4180's, at the physical line its record starts. */
  static final class BadQuotingException extends IOException {
    private static final long serialVersionUID = 1L;
    final long line;

    BadQuotingException(long line, String problem) {
      super(problem);
      this.line = line;
    }
  }

  /** What a carriage return inside a quoted cell is given to the parser as: a lone surrogate. */
  static final char CR_IN_QUOTES = '\uDFFF';

  /** Where in a cell the last character left us. */
  private static final int CELL_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  /** Just after a quote inside a quoted cell: its end, or the first of a doubled quote. */
  private static final int AFTER_QUOTE = 3;

  private long line = 1;
  private long recordLine = 1;
  private boolean atRecordStart = true;
  private int state = CELL_START;
  private boolean lastWasCr;
  private int cell;
  private long cellChars;
  /** The character {@link #read()} read, for {@link #see}. */
  private final char[] one = new char[1];

  CsvGuard(Reader in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c < 0) {
      atEnd();
      return c;
    }
    one[0] = (char) c;
    see(one, 0, 1);
    return one[0];
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      see(buf, off, off + n);
    } else if (n < 0) {
      atEnd();
    }
    return n;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void atEnd() throws BadQuotingException {
    if (state == QUOTED) {
      throw new BadQuotingException(recordLine, "unterminated quoted field");
    }
  }

  /**
   * Follows {@code buf[from, to)}, hiding carriage returns in quoted cells; the state in locals
   * and the loop in one method: every character of an import passes here, on the first JIT tier,
   * which inlines little.
   */
  private void see(char[] buf, int from, int to) throws IOException {
    long line = this.line;
    long recordLine = this.recordLine;
    boolean atRecordStart = this.atRecordStart;
    int state = this.state;
    boolean lastWasCr = this.lastWasCr;
    int cell = this.cell;
    long cellChars = this.cellChars;
    for (int i = from; i < to; i++) {
      char c = buf[i];
      if (c > '"' && c != ',') {
        // Most characters are inside a cell and end no line: counted as a run.
        int start = i;
        while (i + 1 < to && buf[i + 1] > '"' && buf[i + 1] != ',') {
          i++;
        }
        if (atRecordStart) {
          atRecordStart = false;
          recordLine = line;
        }
        if (state == AFTER_QUOTE) {
          throw new BadQuotingException(recordLine, "unexpected text after a closing quote");
        }
        if (state == CELL_START) {
          state = UNQUOTED;
        }
        cellChars += i + 1 - start;
        if (cellChars > MAX_CELL_CHARS) {
          throw new TooLongException(recordLine, cell);
        }
        lastWasCr = false;
        continue;
      }
      boolean lf = c == '\n';
      boolean cr = c == '\r';
      if (atRecordStart && !lf && !cr) {
        atRecordStart = false;
        recordLine = line;
      }
      if (c == '"') {
        // A quote opens a quoted cell only at its start; elsewhere in an unquoted cell it is text.
        state = switch (state) {
          case CELL_START, AFTER_QUOTE -> QUOTED; // after a quote, the second of a doubled one
          case QUOTED -> AFTER_QUOTE;
          default -> UNQUOTED;
        };
        if (++cellChars > MAX_CELL_CHARS) {
          throw new TooLongException(recordLine, cell);
        }
      } else if (state != QUOTED && c == ',') {
        state = CELL_START;
        cell++;
        cellChars = 0;
        if (cell >= MAX_CELLS) {
          throw new TooLongException(recordLine, -1);
        }
      } else if (state != QUOTED && (lf || cr)) {
        state = CELL_START;
        cell = 0;
        cellChars = 0;
        atRecordStart = true;
      } else if (state == AFTER_QUOTE) {
        throw new BadQuotingException(recordLine, "unexpected text after a closing quote");
      } else {
        if (state == CELL_START) {
          state = UNQUOTED;
        } else if (cr && state == QUOTED) {
          buf[i] = CR_IN_QUOTES;
        }
        if (++cellChars > MAX_CELL_CHARS) {
          throw new TooLongException(recordLine, cell);
        }
      }
      if (lf && !lastWasCr || cr) {
        line++;
      }
      lastWasCr = cr;
    }
    this.line = line;
    this.recordLine = recordLine;
    this.atRecordStart = atRecordStart;
    this.state = state;
    this.lastWasCr = lastWasCr;
    this.cell = cell;
    this.cellChars = cellChars;
  }
}
