package dev.invitriage.cli;

import dev.invitriage.text.TerminalText;
import java.io.IOException;
import java.io.Writer;

/**
 * Stands between {@code list}/{@code export} data and standard output when that is a terminal, so
 * hostile text in an export cannot steer it. JSON stays valid and means the same data: every unsafe
 * code point becomes a {@code \\uXXXX} escape (JSON strings are the only place one can occur). CSV
 * is display on a terminal: each line is {@link TerminalText#sanitize}d, so controls, escape
 * sequences, bidi and zero-width characters show as visible stand-ins (line breaks stay). When
 * standard output is a file or pipe this writer is not used and the bytes are exact.
 */
final class TerminalSafeWriter extends Writer {
  /** What the text is, which decides how unsafe characters are shown. */
  enum Kind {
    CSV,
    JSON
  }

  private final Writer out;
  private final Kind kind;
  private final StringBuilder line = new StringBuilder();

  TerminalSafeWriter(Writer out, Kind kind) {
    this.out = out;
    this.kind = kind;
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      char c = buf[i];
      if (c == '\n') {
        emitLine();
        out.write('\n');
      } else {
        line.append(c);
      }
    }
  }

  private void emitLine() throws IOException {
    String s = line.toString();
    line.setLength(0);
    out.write(kind == Kind.CSV ? TerminalText.sanitize(s) : escapeJson(s));
  }

  private static String escapeJson(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      if (TerminalText.isUnsafe(cp)) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        for (int j = i; j < i + n; j++) {
          sb.append(String.format("\\u%04x", (int) s.charAt(j)));
        }
      } else if (sb != null) {
        sb.append(s, i, i + n);
      }
      i += n;
    }
    return sb == null ? s : sb.toString();
  }

  /** Emits the unfinished line too: flush comes at the end of an export. */
  @Override
  public void flush() throws IOException {
    if (line.length() > 0) {
      emitLine();
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
