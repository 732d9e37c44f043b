package dev.invitriage.formats;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Refuses a CSV cell longer than {@link #MAX_CELL_CHARS} characters, or a record of more than
 * {@link #MAX_CELLS} cells, before the parser has buffered it, so a hostile file cannot exhaust
 * memory with one huge cell. It follows RFC 4180 quoting just far enough to know where cells and
 * records end; on malformed quoting the parser reports the real problem.
 */
final class CellLimit extends FilterReader {

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

  private long line = 1;
  private long recordLine = 1;
  private boolean atRecordStart = true;
  private boolean inQuotes;
  private boolean lastWasCr;
  private int cell;
  private long cellChars;
  /** The character {@link #read()} read, for {@link #see}. */
  private final char[] one = new char[1];

  CellLimit(Reader in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      one[0] = (char) c;
      see(one, 0, 1);
    }
    return c;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      see(buf, off, off + n);
    }
    return n;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /**
   * Follows {@code buf[from, to)}, the state in locals and the loop in one method: every character
   * of an import passes here, on the first JIT tier, which inlines little.
   */
  private void see(char[] buf, int from, int to) throws IOException {
    long line = this.line;
    long recordLine = this.recordLine;
    boolean atRecordStart = this.atRecordStart;
    boolean inQuotes = this.inQuotes;
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
        inQuotes = !inQuotes; // "" inside quotes toggles twice: still inside
      } else if (!inQuotes && c == ',') {
        cell++;
        cellChars = 0;
        if (cell >= MAX_CELLS) {
          throw new TooLongException(recordLine, -1);
        }
      } else if (!inQuotes && (lf || cr)) {
        cell = 0;
        cellChars = 0;
        atRecordStart = true;
      } else if (++cellChars > MAX_CELL_CHARS) {
        throw new TooLongException(recordLine, cell);
      }
      if (lf && !lastWasCr || cr) {
        line++;
      }
      lastWasCr = cr;
    }
    this.line = line;
    this.recordLine = recordLine;
    this.atRecordStart = atRecordStart;
    this.inQuotes = inQuotes;
    this.lastWasCr = lastWasCr;
    this.cell = cell;
    this.cellChars = cellChars;
  }
}
