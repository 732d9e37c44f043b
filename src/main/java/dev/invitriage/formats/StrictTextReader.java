package dev.invitriage.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes text strictly: UTF-8 (a leading BOM is dropped), or UTF-16 when the bytes start with a
 * UTF-16 BOM. Malformed bytes raise {@link MalformedTextException} carrying the line they are on,
 * because the JDK's own decoders either replace them silently or report only a byte offset.
 */
final class StrictTextReader extends Reader {

  /** Malformed bytes at a known line. */
  static final class MalformedTextException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long line;
    private final String charsetName;

    MalformedTextException(long line, String charsetName) {
      super("invalid " + charsetName + " on line " + line);
      this.line = line;
      this.charsetName = charsetName;
    }

    long line() {
      return line;
    }

    String charsetName() {
      return charsetName;
    }
  }

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final String charsetName;
  private final ByteBuffer bytes = ByteBuffer.allocate(8192);
  private final CharBuffer chars = CharBuffer.allocate(8192);
  private boolean eof;
  private boolean flushed;

  /** Line breaks decoded so far; a CR followed by LF counts once. */
  private long lineBreaks;

  private boolean lastWasCr;

  /** How many of the characters in {@code chars} have been counted. */
  private int counted;

  private StrictTextReader(InputStream in, Charset charset) {
    this.in = in;
    this.charsetName = charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "UTF-16";
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    bytes.flip();
    chars.flip();
  }

  /** Sniffs the byte order mark, skips it, and returns a reader for the rest. */
  static StrictTextReader open(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 8192);
    in.mark(3);
    int b0 = in.read();
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
      in.skipNBytes(3);
      return new StrictTextReader(in, StandardCharsets.UTF_8);
    }
    if (b0 == 0xFF && b1 == 0xFE) {
      in.skipNBytes(2);
      return new StrictTextReader(in, StandardCharsets.UTF_16LE);
    }
    if (b0 == 0xFE && b1 == 0xFF) {
      in.skipNBytes(2);
      return new StrictTextReader(in, StandardCharsets.UTF_16BE);
    }
    return new StrictTextReader(in, StandardCharsets.UTF_8);
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(len, chars.remaining());
    chars.get(cbuf, off, n);
    return n;
  }

  /** Decodes more characters into {@code chars}; false at the end of the input. */
  private boolean fill() throws IOException {
    if (flushed) {
      return false;
    }
    chars.clear();
    counted = 0;
    while (chars.position() == 0) {
      if (!bytes.hasRemaining() && !eof) {
        bytes.clear();
        int n = in.read(bytes.array(), 0, bytes.capacity());
        if (n < 0) {
          eof = true;
          bytes.limit(0);
        } else {
          bytes.limit(n);
        }
      } else if (bytes.hasRemaining() && !eof) {
        // Keep a partial multi-byte sequence and read more behind it.
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
          eof = true;
        } else {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
      }
      CoderResult result = decoder.decode(bytes, chars, eof);
      countLines(chars.position());
      if (result.isError()) {
        throw new MalformedTextException(lineBreaks + 1, charsetName);
      }
      if (eof && !bytes.hasRemaining()) {
        decoder.flush(chars);
        countLines(chars.position());
        flushed = true;
        break;
      }
    }
    chars.flip();
    return chars.hasRemaining();
  }

  /** Counts line breaks among the characters decoded since the last call. */
  private void countLines(int upTo) {
    char[] a = chars.array();
    for (int i = counted; i < upTo; i++) {
      char c = a[i];
      if (c == '\n') {
        if (!lastWasCr) {
          lineBreaks++;
        }
        lastWasCr = false;
      } else if (c == '\r') {
        lineBreaks++;
        lastWasCr = true;
      } else {
        lastWasCr = false;
      }
    }
    counted = upTo;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
