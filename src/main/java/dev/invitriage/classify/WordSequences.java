package dev.invitriage.classify;

import java.util.HashSet;
import java.util.Set;

/**
 * A closed list of word sequences in canonical form ("best regards", "hope you are well"), found
 * at a position of a note. Knows the sequences' first words, so that a note's word that begins
 * none (most of them) is turned away before any joining of words.
 */
final class WordSequences {
  private final Set<String> sequences;
  private final Set<String> firstWords;
  private final int maxWords;

  /** {@code maxWords}: longer sequences are never found by {@link #longestAt}. */
  WordSequences(Set<String> sequences, int maxWords) {
    this.sequences = Set.copyOf(sequences);
    Set<String> first = new HashSet<>();
    for (String s : sequences) {
      int space = s.indexOf(' ');
      first.add(space < 0 ? s : s.substring(0, space));
    }
    this.firstWords = Set.copyOf(first);
    this.maxWords = maxWords;
  }

  /** True when {@code words} (canonical tokens joined by single spaces) is one of the sequences. */
  boolean contains(String words) {
    return sequences.contains(words);
  }

  /** True when some sequence begins with {@code word}. */
  boolean isFirstWord(String word) {
    return firstWords.contains(word);
  }

  /**
   * The number of tokens of the longest sequence (of at most maxWords words) that the note's
   * tokens {@code from} (up to {@code to}) begin with; 0 for none.
   */
  int longestAt(Canonical c, int from, int to) {
    if (from >= to || !firstWords.contains(c.token(from))) {
      return 0;
    }
    int best = 0;
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < maxWords && from + k < to; k++) {
      if (k > 0) {
        sb.append(' ');
      }
      sb.append(c.token(from + k));
      if (sequences.contains(sb.toString())) {
        best = k + 1;
      }
    }
    return best;
  }
}
