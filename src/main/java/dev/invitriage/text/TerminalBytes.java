package dev.invitriage.text;

import java.nio.charset.StandardCharsets;

/**
 * What a UTF-8 stream terminal writes for a character or a cell's string. Lanterna's own encodes
 * each character alone through {@code Charset.encode} and writes the encoder's whole buffer: a
 * trailing NUL after every two-byte character ("á" went out as C3 A1 00), a '?' for each half of
 * an emoji, and a thread-local look-up per character that was a quarter of a frame's time. Here a
 * string is encoded whole, and printable ASCII comes from a table.
 */
public final class TerminalBytes {
  private static final byte[] NOTHING = new byte[0];
  private static final byte[][] ASCII = new byte[128][];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII[c] = printable(c) ? new byte[] {(byte) c} : NOTHING;
    }
  }

  private TerminalBytes() { }

  /** Lanterna's test ({@code TerminalTextUtils.isPrintableCharacter}): not C0 or DEL, or tab, LF, BS. */
  static boolean printable(char c) {
    return (c >= 32 && c != 127) || c == '\t' || c == '\n' || c == '\b';
  }

  /** One character, dropped if Lanterna would not print it. Shared arrays: do not modify. */
  public static byte[] of(char c) {
    if (c < 128) {
      return ASCII[c];
    }
    return printable(c) ? String.valueOf(c).getBytes(StandardCharsets.UTF_8) : NOTHING;
  }

  /** A string, a surrogate pair as the one character it is, characters Lanterna would not print dropped. */
  public static byte[] of(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!printable(s.charAt(i))) {
        StringBuilder printable = new StringBuilder(s.length());
        for (int j = 0; j < s.length(); j++) {
          if (printable(s.charAt(j))) {
            printable.append(s.charAt(j));
          }
        }
        return printable.toString().getBytes(StandardCharsets.UTF_8);
      }
    }
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
