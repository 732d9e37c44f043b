package dev.invitriage.classify;

/**
 * Numbers a closed set of words, and finds a note's token among them by its characters, without
 * making the token's string (see {@link Canonical#tokenEquals}).
 *
 * <p>An open-addressing hash table keyed by {@link String#hashCode}, which {@link
 * Canonical#tokenHash} gives for a token: a {@code HashMap} would need the token as a string.
 */
final class WordIndex {
  /**
   * Slots hold a word or null; at most a quarter are used, so that looking up a note's word, which
   * is mostly none of them, ends at once at a null.
   */
  private String[] slots = new String[4];

  /**
   * The slots' words as characters, what a look-up compares a token with (see {@link
   * Canonical#tokenEquals(int, char[])}); null where the slot is empty.
   */
  private char[][] chars = new char[4][];

  /** The slots' words' hash codes, compared first: an int array stays in cache, words may not. */
  private int[] hashes = new int[4];

  private int[] numbers = new int[4];
  private int count;

  /** An index of the given words. */
  static WordIndex of(Iterable<String> words) {
    WordIndex index = new WordIndex();
    for (String word : words) {
      index.add(word);
    }
    return index;
  }

  /** True when token {@code k} of the note is one of the words. */
  boolean contains(Canonical c, int k) {
    return numberOf(c, k) >= 0;
  }

  /** Adds a word if new; returns its number (0, 1, 2, ... in order of adding). */
  int add(String word) {
    int slot = slotOf(word);
    if (slots[slot] != null) {
      return numbers[slot];
    }
    if (4 * (count + 1) > slots.length) {
      grow();
      slot = slotOf(word);
    }
    slots[slot] = word;
    chars[slot] = word.toCharArray();
    hashes[slot] = word.hashCode();
    numbers[slot] = count;
    return count++;
  }

  /** The number of token {@code k} of the note, or -1 when it is none of the words. */
  int numberOf(Canonical c, int k) {
    int hash = c.tokenHash(k);
    int mask = chars.length - 1;
    for (int i = spread(hash) & mask; chars[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == hash && c.tokenEquals(k, chars[i])) {
        return numbers[i];
      }
    }
    return -1;
  }

  /** The slot holding {@code word}, or the empty slot where it belongs. */
  /** True when {@code word} is one of the words. */
  boolean contains(String word) {
    return slots[slotOf(word)] != null;
  }

  private int slotOf(String word) {
    int mask = slots.length - 1;
    int i = spread(word.hashCode()) & mask;
    while (slots[i] != null && !slots[i].equals(word)) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    String[] oldSlots = slots;
    int[] oldNumbers = numbers;
    slots = new String[2 * oldSlots.length];
    chars = new char[2 * oldSlots.length][];
    hashes = new int[2 * oldSlots.length];
    numbers = new int[2 * oldSlots.length];
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != null) {
        int slot = slotOf(oldSlots[i]);
        slots[slot] = oldSlots[i];
        chars[slot] = oldSlots[i].toCharArray();
        hashes[slot] = oldSlots[i].hashCode();
        numbers[slot] = oldNumbers[i];
      }
    }
  }

  /** Mixes the high bits in: words' hash codes often differ only there. */
  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
