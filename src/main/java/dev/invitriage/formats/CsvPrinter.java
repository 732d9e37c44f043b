package dev.invitriage.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Prints the CSV export as UTF-8 bytes: RFC 4180 with the export's quoting, each cell made safe
 * for spreadsheets ({@link ExportFields#neutralise}), records ended by a bare {@code \n}.
 *
 * <p>Why not a CSV library's printer: they print characters, and a million-row export then spent
 * a sixth of its time in the JDK's encoder, whose fast path ends at the first non-ASCII character
 * of every 8 KB buffer, and more in decoding the store's UTF-8 into strings only to encode them
 * again. Cells here are bytes: a stored string's bytes are printed as they are, and a {@link
 * String} is encoded alone, where the JDK copies ASCII whole. The quoting is the one FastCSV and
 * Commons CSV printed before (a test holds them to the same bytes for any cells). Every
 * character that decides quoting is ASCII, and in UTF-8 no byte of a longer character is ASCII,
 * so the bytes are read as the characters were.
 *
 * <p>Cells are handed on whole, so what reaches a {@link Writer} is always whole characters.
 */
public final class CsvPrinter {
  /** Where printed bytes go: a stream as they are, a writer as the characters they encode. */
  @FunctionalInterface
  private interface Sink {
    void write(byte[] bytes, int length) throws IOException;
  }

  private static final VarHandle WORDS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final Sink sink;
  private byte[] buffer;
  private int length;
  private int field;

  private CsvPrinter(Sink sink) {
    this(1 << 16, sink);
  }

  private CsvPrinter(int capacity, Sink sink) {
    this.buffer = new byte[capacity];
    this.sink = sink;
  }

  public static CsvPrinter to(OutputStream out) {
    return new CsvPrinter((bytes, n) -> out.write(bytes, 0, n));
  }

  static CsvPrinter to(Writer out) {
    return new CsvPrinter((bytes, n) -> out.write(new String(bytes, 0, n, StandardCharsets.UTF_8)));
  }

  /** The next cell of the record. */
  public void cell(String value) {
    if (value.isEmpty()) {
      emptyCell();
    } else {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      cell(utf8, 0, utf8.length);
    }
  }

  /** The next cell, given as the UTF-8 bytes of a whole string. */
  public void cell(byte[] utf8, int from, int to) {
    if (from == to) {
      emptyCell();
      return;
    }
    int first = utf8[from] & 0xff;
    // Neutralised: a ' goes first. Every risky character is '@' or below (most cells start above).
    boolean tick = first <= '@' && ExportFields.isRisky((char) first);
    int quotes = 0;
    boolean special = false;
    for (int i = from; i < to; ) {
      int end = Math.min(i + 8, to);
      if (end - i == 8 && !mayNeedQuotes((long) WORDS.get(utf8, i))) {
        i = end; // eight bytes at a time: most of a note's words have none that matters
        continue;
      }
      for (; i < end; i++) {
        byte b = utf8[i];
        if (b == '"') {
          quotes++;
        } else if (b == ',' || b == '\n' || b == '\r') {
          special = true;
        }
      }
    }
    int shown = tick ? '\'' : first;
    boolean quoted = quotes > 0 || special || shown <= '#' || (utf8[to - 1] & 0xff) <= ' ';
    room(to - from + quotes + 4);
    byte[] out = buffer;
    int n = length;
    if (field++ > 0) {
      out[n++] = ',';
    }
    if (quoted) {
      out[n++] = '"';
    }
    if (tick) {
      out[n++] = '\'';
    }
    if (quotes == 0) {
      System.arraycopy(utf8, from, out, n, to - from);
      n += to - from;
    } else {
      for (int i = from; i < to; i++) {
        out[n++] = utf8[i];
        if (utf8[i] == '"') {
          out[n++] = '"';
        }
      }
    }
    if (quoted) {
      out[n++] = '"';
    }
    length = n;
  }

  /**
   * What {@link #cell(String)} prints for a value that is not empty, after the separator before
   * it: for a value printed again and again, to print it with {@link #printedCell}.
   */
  static byte[] printed(String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("an empty cell is printed as it stands in its record");
    }
    // Sized for the UTF-8, a quote for each byte and the quotes and ' around: never flushed.
    CsvPrinter printer = new CsvPrinter(3 * value.length() + 4, (bytes, n) -> {
      throw new IllegalStateException("a printed value is sized to need no flush");
    });
    printer.cell(value); // a record's first cell: no separator before it
    return Arrays.copyOf(printer.buffer, printer.length);
  }

  /** The next cell, given as {@link #printed} made it. */
  void printedCell(byte[] printed) {
    room(printed.length + 1);
    if (field++ > 0) {
      buffer[length++] = ',';
    }
    System.arraycopy(printed, 0, buffer, length, printed.length);
    length += printed.length;
  }

  /** Whether a byte of {@code word} is a quote, comma, LF or CR, which make a cell quoted. */
  private static boolean mayNeedQuotes(long word) {
    return (zeroByte(word ^ 0x2222222222222222L) | zeroByte(word ^ 0x2c2c2c2c2c2c2c2cL)
        | zeroByte(word ^ 0x0a0a0a0a0a0a0a0aL) | zeroByte(word ^ 0x0d0d0d0d0d0d0d0dL)) != 0;
  }

  /** Not zero when a byte of {@code x} is (Hacker's Delight, 6-1: exact for whether, not which). */
  private static long zeroByte(long x) {
    return (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
  }

  /** An empty cell: quoted when it is a record's first, as a record's only cell must be. */
  private void emptyCell() {
    room(3);
    if (field++ > 0) {
      buffer[length++] = ',';
    } else {
      buffer[length++] = '"';
      buffer[length++] = '"';
    }
  }

  public void endRecord() {
    room(1);
    buffer[length++] = '\n';
    field = 0;
  }

  /** Hands on what is printed; the stream or writer itself is the caller's to flush. */
  public void flush() {
    try {
      sink.write(buffer, length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    length = 0;
  }

  /** Makes room for {@code n} more bytes, handing on what is printed (whole cells) first. */
  private void room(int n) {
    if (buffer.length - length < n) {
      flush();
      if (buffer.length < n) {
        buffer = new byte[Math.max(n, buffer.length * 2)];
      }
    }
  }
}
