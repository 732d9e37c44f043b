package dev.invitriage.classify;

import java.util.Set;

/**
 * A closed set of words in canonical form, looked up as a note's tokens without making the
 * tokens' strings ({@link WordIndex}): a note judged word by word would otherwise make a string of
 * each.
 */
final class WordSet {
  private final WordIndex index;

  WordSet(Set<String> words) {
    this.index = WordIndex.of(words);
  }

  /** True when token {@code k} of the note is one of the words. */
  boolean contains(Canonical c, int k) {
    return index.contains(c, k);
  }
}
