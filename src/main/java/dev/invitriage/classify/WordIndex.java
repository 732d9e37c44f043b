package dev.invitriage.classify;

import java.util.Arrays;
import java.util.function.ObjIntConsumer;

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
  private String[] byNumber = new String[4];
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
    if (count == byNumber.length) {
      byNumber = Arrays.copyOf(byNumber, 2 * count);
    }
    byNumber[count] = word;
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

  /**
   * Adds the word {@code text[from..to)} if new, making its string only then; returns its number.
   * Tens of thousands of phrases are cut into words at start, most of them words seen before.
   */
  int add(String text, int from, int to) {
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + text.charAt(i);
    }
    int mask = slots.length - 1;
    for (int i = spread(hash) & mask; slots[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == hash && slots[i].length() == to - from && slots[i].regionMatches(0, text, from, to - from)) {
        return numbers[i];
      }
    }
    return add(text.substring(from, to));
  }

  /** Each word with its number. */
  void forEach(ObjIntConsumer<String> action) {
    for (int number = 0; number < count; number++) {
      action.accept(byNumber[number], number);
    }
  }

  /** True when {@code word} is one of the words. */
  boolean contains(String word) {
    return slots[slotOf(word)] != null;
  }

  /** The number of {@code word}, or -1 when it is none of the words. */
  int numberOf(String word) {
    int slot = slotOf(word);
    return slots[slot] == null ? -1 : numbers[slot];
  }

  /** Word number {@code number}: the index's one copy of it, for all who ask. */
  String word(int number) {
    return byNumber[number];
  }

  /** The slot holding {@code word}, or the empty slot where it belongs. */
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
    char[][] oldChars = chars;
    int[] oldHashes = hashes;
    int[] oldNumbers = numbers;
    slots = new String[2 * oldSlots.length];
    chars = new char[2 * oldSlots.length][];
    hashes = new int[2 * oldSlots.length];
    numbers = new int[2 * oldSlots.length];
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != null) {
        int slot = slotOf(oldSlots[i]);
        slots[slot] = oldSlots[i];
        chars[slot] = oldChars[i];
        hashes[slot] = oldHashes[i];
        numbers[slot] = oldNumbers[i];
      }
    }
  }

  /** Mixes the high bits in: words' hash codes often differ only there. */
  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
