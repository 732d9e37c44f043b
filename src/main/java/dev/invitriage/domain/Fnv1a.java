package dev.invitriage.domain;

/**
 * FNV-1a, 64 bits, over the UTF-8 of text as {@link String#getBytes} writes it (a surrogate without
 * its pair as {@code '?'}): the store's hash of normalised strings and template keys, stable
 * across runs and versions. Fed a character at a time, so a key made of pieces is hashed without
 * being put together or encoded first.
 */
public final class Fnv1a {
  private Fnv1a() {}

  /** The hash of nothing, to add to. */
  public static final long START = 0xcbf29ce484222325L;

  private static final long PRIME = 0x100000001b3L;

  /**
   * The hash of {@code s}: the loop of {@link #add}, written again over the string itself, since
   * copying its characters out to call {@link #add} would cost an array for every string an import
   * hashes.
   */
  public static long of(String s) {
    long h = START;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        h = (h ^ c) * PRIME;
      } else if (Character.isHighSurrogate(c) && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        h = addCodePoint(h, Character.toCodePoint(c, s.charAt(++i)));
      } else {
        h = addChar(h, c);
      }
    }
    return h;
  }

  /** {@code h} with the characters {@code text[from, to)} added. */
  public static long add(long h, char[] text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text[i];
      if (c < 0x80) {
        h = (h ^ c) * PRIME;
      } else if (Character.isHighSurrogate(c) && i + 1 < to
          && Character.isLowSurrogate(text[i + 1])) {
        h = addCodePoint(h, Character.toCodePoint(c, text[++i]));
      } else {
        h = addChar(h, c);
      }
    }
    return h;
  }

  /** {@code h} with one ASCII character added. */
  public static long addAscii(long h, char c) {
    return (h ^ c) * PRIME;
  }

  /** A character of the Basic Multilingual Plane; a surrogate here has lost its pair. */
  private static long addChar(long h, char c) {
    if (Character.isSurrogate(c)) {
      return (h ^ '?') * PRIME;
    }
    if (c < 0x800) {
      h = (h ^ (0xC0 | c >> 6)) * PRIME;
    } else {
      h = (h ^ (0xE0 | c >> 12)) * PRIME;
      h = (h ^ (0x80 | (c >> 6 & 0x3F))) * PRIME;
    }
    return (h ^ (0x80 | (c & 0x3F))) * PRIME;
  }

  private static long addCodePoint(long h, int cp) {
    h = (h ^ (0xF0 | cp >> 18)) * PRIME;
    h = (h ^ (0x80 | (cp >> 12 & 0x3F))) * PRIME;
    h = (h ^ (0x80 | (cp >> 6 & 0x3F))) * PRIME;
    return (h ^ (0x80 | (cp & 0x3F))) * PRIME;
  }
}
