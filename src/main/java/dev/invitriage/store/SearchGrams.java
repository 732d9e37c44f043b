package dev.invitriage.store;

import dev.invitriage.domain.Ascii;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.Locale;
import org.mapdb.BTreeMap;

/**
 * For each chunk of invitations, a Bloom filter of the characters and character pairs of their
 * searchable text (name, message, note) in lower case: a search skips every chunk whose filter
 * lacks one of the needle's characters or pairs, since a text that contains the needle contains
 * all of them. It never skips a chunk that holds a match; it may let through one that does not
 * (about 3% of chunks for a two-character needle on typical text, far fewer for longer ones), which
 * the search then reads in full. This is what keeps a search for a rare word over a million
 * messages from reading all of them.
 *
 * <p>Persisted {@link Chunks#SIZE} invitations to a MapDB value: {@code byte version, long[WORDS]}.
 * Derived data: a missing or damaged chunk is derived again from its records.
 */
final class SearchGrams {
  private static final int VERSION = 1;
  private static final int BITS = 1 << 14;
  private static final int WORDS = BITS / 64;

  private SearchGrams() {
  }

  /** Adds the characters and pairs of one searchable field (any case) to a chunk's filter. */
  static void add(long[] filter, String text) {
    add(filter, text, null);
  }

  /**
   * {@link #add(long[], String)}, skipping the ASCII characters and pairs {@code seen} (when not
   * null) says were added to this filter already: an import adds a chunk's rows one after another,
   * and hashed their common pairs again for every row (a third of storing a row).
   */
  static void add(long[] filter, String text, Seen seen) {
    if (text.isEmpty()) {
      return;
    }
    char[] lower = null;
    int n = text.length();
    if (seen != null) {
      seen.useFor(filter);
      lower = seen.loweredOneByOne(text);
    }
    if (lower == null) {
      lower = text.toLowerCase(Locale.ROOT).toCharArray();
      n = lower.length;
    }
    int previous = -1;
    for (int i = 0; i < n; i++) {
      char c = lower[i];
      if (seen == null || seen.first(c)) {
        set(filter, hash(c));
      }
      if (previous >= 0 && (seen == null || seen.first(previous, c))) {
        set(filter, hash(previous, c));
      }
      previous = c;
    }
  }

  /**
   * The ASCII characters and pairs added to one filter so far. Bits are only ever added to a
   * filter, and a dropped filter is a new array, so the keys seen stay in it while it is the same.
   */
  static final class Seen {
    private static final int ASCII = 128;
    private long[] filter;
    /** A bit for each ASCII character, then for each pair of them. */
    private final long[] keys = new long[(ASCII + ASCII * ASCII) / 64];
    /** The text being added, lowered, as characters: read without a call for each. */
    private char[] chars = new char[256];

    private void useFor(long[] f) {
      if (f != filter) {
        filter = f;
        java.util.Arrays.fill(keys, 0);
      }
    }

    /**
     * A text in lower case, its first {@code text.length()} characters, where that is its
     * characters' own, one by one, as it is for nearly all text; null for one holding a character
     * {@code String.toLowerCase} lowers by what stands around it (Σ, which ends a word as ς), into
     * two (İ), or as a pair (a surrogate). The lower-case copy of each text and a call for each of
     * its characters were a third of storing an imported row.
     */
    private char[] loweredOneByOne(String text) {
      int n = text.length();
      if (chars.length < n) {
        chars = new char[Math.max(n, 2 * chars.length)];
      }
      text.getChars(0, n, chars, 0);
      for (int i = 0; i < n; i++) {
        char c = chars[i];
        if (c < ASCII) {
          chars[i] = Ascii.toLowerCase(c);
        } else if (c == '\u03A3' || c == '\u0130' || Character.isSurrogate(c)) {
          return null;
        } else {
          int lower = Character.toLowerCase((int) c);
          if (!Character.isBmpCodePoint(lower)) {
            return null;
          }
          chars[i] = (char) lower;
        }
      }
      return chars;
    }

    /** True, once, for an ASCII character; always for any other. */
    private boolean first(char c) {
      return c >= ASCII || firstKey(c);
    }

    /** True, once, for a pair of ASCII characters; always for any other. */
    private boolean first(int previous, char c) {
      return previous >= ASCII || c >= ASCII || firstKey(ASCII + (previous << 7 | c));
    }

    private boolean firstKey(int k) {
      long bit = 1L << k;
      if ((keys[k >>> 6] & bit) != 0) {
        return false;
      }
      keys[k >>> 6] |= bit;
      return true;
    }
  }

  /**
   * The keys a chunk's filter must hold for its text to possibly contain the lower-case needle: its
   * distinct characters and pairs, at most a few dozen (more would not narrow further).
   */
  static long[] keys(String lowerCaseNeedle) {
    int n = Math.min(lowerCaseNeedle.length(), 32);
    long[] keys = new long[2 * n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      char c = lowerCaseNeedle.charAt(i);
      keys[k++] = hash(c);
      if (i > 0) {
        keys[k++] = hash(lowerCaseNeedle.charAt(i - 1), c);
      }
    }
    return java.util.Arrays.copyOf(keys, k);
  }

  static boolean mayContain(long[] filter, long[] keys) {
    for (long key : keys) {
      int a = (int) key & (BITS - 1);
      int b = (int) (key >>> 32) & (BITS - 1);
      if ((filter[a >>> 6] & (1L << a)) == 0 || (filter[b >>> 6] & (1L << b)) == 0) {
        return false;
      }
    }
    return true;
  }

  static long[] empty() {
    return new long[WORDS];
  }

  /** Two bit positions a key sets: the low and high halves of a mixed 64-bit hash. */
  private static void set(long[] filter, long key) {
    int a = (int) key & (BITS - 1);
    int b = (int) (key >>> 32) & (BITS - 1);
    filter[a >>> 6] |= 1L << a;
    filter[b >>> 6] |= 1L << b;
  }

  private static long hash(char c) {
    return mix(c);
  }

  private static long hash(int first, char second) {
    return mix(0x1_0000_0000L | ((long) first << 16) | second);
  }

  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  /** The stored filter of one chunk, or null when it is missing or not as expected. */
  static long[] load(BTreeMap<Integer, byte[]> map, int chunk) {
    byte[] bytes = map.get(chunk);
    if (bytes == null || bytes.length != 1 + 8 * WORDS || bytes[0] != VERSION) {
      return null;
    }
    long[] filter = new long[WORDS];
    ByteBuffer.wrap(bytes, 1, 8 * WORDS).asLongBuffer().get(filter);
    return filter;
  }

  /** Writes the given chunks' filters (uncommitted). */
  static void store(BTreeMap<Integer, byte[]> map, long[][] filters, BitSet chunks) {
    for (int chunk = chunks.nextSetBit(0); chunk >= 0; chunk = chunks.nextSetBit(chunk + 1)) {
      ByteBuffer buf = ByteBuffer.allocate(1 + 8 * WORDS);
      buf.put((byte) VERSION);
      buf.asLongBuffer().put(filters[chunk]);
      map.put(chunk, buf.array());
    }
  }
}
