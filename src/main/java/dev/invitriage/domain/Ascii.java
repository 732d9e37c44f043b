package dev.invitriage.domain;

/**
 * ASCII's own rules, for text that is mostly ASCII: the JDK's general ones (Unicode case mapping,
 * normalisation, regular expressions) make copies and look up tables that ASCII never needs.
 */
public final class Ascii {
  private Ascii() {}

  /** True when every character of {@code text} is ASCII (the empty text too). */
  public static boolean isAscii(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** {@code c} in lower case, for an ASCII character as {@code String.toLowerCase(Locale.ROOT)}. */
  public static char toLowerCase(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
