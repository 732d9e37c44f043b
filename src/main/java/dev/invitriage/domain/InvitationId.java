package dev.invitriage.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;

/**
 * An invitation's stable 128-bit id: a hash of its direction, the other person (profile URL, or
 * name when there is none) and the time it was sent. Re-importing the same export yields the same
 * ids, which is how imports recognise what they already know.
 */
public record InvitationId(long hi, long lo) implements Comparable<InvitationId> {

  /** Hex digits in a full id. */
  public static final int HEX_LENGTH = 32;

  /** Shortest prefix ever shown, as git does: shorter prefixes collide early. */
  public static final int MIN_ABBREV = 8;

  public static InvitationId of(Invitation inv) {
    String url = ProfileUrl.normalise(inv.counterpartUrl());
    return of(inv, url, url.isEmpty() ? Names.normalise(inv.counterpartName()) : "");
  }

  /**
   * {@link #of(Invitation)}, given the other person's profile URL and name as {@link
   * ProfileUrl#normalise} and {@link Names#normalise} make them (an import needs them for more
   * than the id, and they are dear to make); the name is read only when there is no URL.
   */
  public static InvitationId of(Invitation inv, String normalisedUrl, String normalisedName) {
    // The UTF-8 of "v1\n" + direction + "\n" + ("url:" + url or "name:" + name) + "\n" + sentAt,
    // written straight into the digest's bytes: the concatenated string and its encoding were a
    // third of making an id (SHA-256 the rest).
    Key key = KEY.get();
    key.length = 0;
    key.add("v1\n").add(String.valueOf(inv.direction())).add("\n");
    if (normalisedUrl.isEmpty()) {
      key.add("name:").add(normalisedName);
    } else {
      key.add("url:").add(normalisedUrl);
    }
    key.add("\n").add(inv.sentAt());
    key.sha256.update(key.bytes, 0, key.length);
    byte[] digest = key.sha256.digest();
    return new InvitationId(readLong(digest, 0), readLong(digest, 8));
  }

  /**
   * An id's key as UTF-8, and SHA-256, one of each per thread: finding SHA-256 among the security
   * providers again for every row was a fifth of making its id.
   */
  private static final class Key {
    final MessageDigest sha256 = sha256();
    byte[] bytes = new byte[256];
    int length;

    Key add(String s) {
      int n = s.length();
      room(3 * n); // UTF-8 takes at most three bytes a character (a surrogate pair four for its two)
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x80) {
          byte[] rest = s.substring(i).getBytes(StandardCharsets.UTF_8);
          System.arraycopy(rest, 0, bytes, length, rest.length);
          length += rest.length;
          return this;
        }
        bytes[length++] = (byte) c;
      }
      return this;
    }

    /**
     * {@code add(String.valueOf(t))}, the digits written straight in where the year has four and
     * the time no fraction of a second, as every export's have: making the string was a sixth of
     * making an id.
     */
    Key add(LocalDateTime t) {
      int year = t.getYear();
      if (year < 1000 || year > 9999 || t.getNano() != 0) {
        return add(String.valueOf(t));
      }
      room("yyyy-MM-ddTHH:mm:ss".length());
      twoDigits(year / 100).twoDigits(year % 100).put('-').twoDigits(t.getMonthValue())
          .put('-').twoDigits(t.getDayOfMonth()).put('T').twoDigits(t.getHour())
          .put(':').twoDigits(t.getMinute());
      return t.getSecond() == 0 ? this : put(':').twoDigits(t.getSecond());
    }

    private void room(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
      }
    }

    private Key twoDigits(int value) {
      bytes[length++] = (byte) ('0' + value / 10);
      bytes[length++] = (byte) ('0' + value % 10);
      return this;
    }

    private Key put(char ascii) {
      bytes[length++] = (byte) ascii;
      return this;
    }
  }

  private static final ThreadLocal<Key> KEY = ThreadLocal.withInitial(Key::new);

  /** Parses a full 32-digit hex id. */
  public static InvitationId parse(String hex) {
    if (!isHex(hex) || hex.length() != HEX_LENGTH) {
      throw InvitriageException.badInput("not an invitation id: '" + hex + "'");
    }
    return new InvitationId(
        Long.parseUnsignedLong(hex.substring(0, 16), 16),
        Long.parseUnsignedLong(hex.substring(16), 16));
  }

  /** True when the text is non-empty and made only of hex digits (either case). */
  public static boolean isHex(String text) {
    if (text.isEmpty() || text.length() > HEX_LENGTH) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  public String hex() {
    byte[] digits = new byte[HEX_LENGTH];
    writeHex(digits, 0);
    return new String(digits, StandardCharsets.US_ASCII);
  }

  /**
   * Writes {@link #hex} into {@code out} at {@code at} as {@link #HEX_LENGTH} ASCII bytes: what an
   * export prints for every row, without the string.
   */
  public void writeHex(byte[] out, int at) {
    writeHex(hi, out, at);
    writeHex(lo, out, at + 16);
  }

  private static void writeHex(long value, byte[] out, int at) {
    for (int i = at + 15; i >= at; i--) {
      out[i] = HEX_DIGITS[(int) value & 0xf];
      value >>>= 4;
    }
  }

  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** Number of leading hex digits this id shares with another. */
  public int commonHexPrefix(InvitationId other) {
    long x = hi ^ other.hi;
    if (x != 0) {
      return Long.numberOfLeadingZeros(x) / 4;
    }
    x = lo ^ other.lo;
    return x == 0 ? HEX_LENGTH : 16 + Long.numberOfLeadingZeros(x) / 4;
  }

  /** Lowest id that starts with the given hex prefix; ids starting with it sort from here on. */
  public static InvitationId lowestWithPrefix(String prefix) {
    String hex = prefix.toLowerCase(Locale.ROOT) + "0".repeat(HEX_LENGTH - prefix.length());
    return parse(hex);
  }

  /** True when this id's hex form starts with the given prefix (either case). */
  public boolean startsWith(String prefix) {
    return hex().startsWith(prefix.toLowerCase(Locale.ROOT));
  }

  @Override
  public int compareTo(InvitationId o) {
    int c = Long.compareUnsigned(hi, o.hi);
    return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
  }

  @Override
  public String toString() {
    return hex();
  }

  private static long readLong(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[off + i] & 0xFF);
    }
    return v;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
