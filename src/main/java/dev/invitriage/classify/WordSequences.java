package dev.invitriage.classify;

import java.util.Arrays;
import java.util.Map;

/**
 * A closed list of word sequences in canonical form ("best regards", "hope you are well"), found
 * at a position of a note by walking a trie of their words token by token, looked up by the
 * tokens' characters ({@link WordIndex}): most of a note's words begin no sequence, and none of
 * them is made a string. Each sequence keeps the languages that list it (bits by language number,
 * see {@link Noise#languageCode}), for reasons.
 */
final class WordSequences {
  private final int maxWords;
  private final Node root = new Node();

  /** Most languages a sequence's bits can name. */
  static final int MAX_LANGUAGES = 64;

  /** A trie node: the words that may come next, and whether a sequence ends here. */
  private static final class Node {
    /** The words that may come next; null for the many nodes that end every sequence through. */
    WordIndex words;
    Node[] next = NONE;
    boolean end;
    long languages;

    /** The node after token {@code k} of the note, or null. */
    Node next(Canonical c, int k) {
      if (words == null) {
        return null;
      }
      int word = words.numberOf(c, k);
      return word < 0 ? null : next[word];
    }

    Node nextAdding(String word) {
      if (words == null) {
        words = new WordIndex();
      }
      int number = words.add(word);
      if (number == next.length) {
        next = Arrays.copyOf(next, number + 1);
        next[number] = new Node();
      }
      return next[number];
    }
  }

  private static final Node[] NONE = new Node[0];

  /** Every word of a sequence of two or more words: only those can be inside one. */
  private final WordIndex inLonger = new WordIndex();

  /** {@code sequences}: canonical tokens joined by single spaces, each with its languages. */
  WordSequences(Map<String, Long> sequences) {
    int longest = 0;
    for (Map.Entry<String, Long> sequence : sequences.entrySet()) {
      Node node = root;
      String[] words = sequence.getKey().split(" ");
      for (String word : words) {
        node = node.nextAdding(word);
        if (words.length > 1) {
          inLonger.add(word);
        }
      }
      node.end = true;
      node.languages |= sequence.getValue();
      longest = Math.max(longest, words.length);
    }
    this.maxWords = longest;
  }

  /** The number of words of the longest sequence. */
  int maxWords() {
    return maxWords;
  }

  /** The languages that list tokens {@code from} up to {@code to} as one sequence; 0 if none. */
  long languagesOf(Canonical c, int from, int to) {
    Node node = root;
    for (int k = from; k < to && node != null; k++) {
      node = node.next(c, k);
    }
    return node != null && node.end && to > from ? node.languages : 0;
  }

  /** True when {@code word}, one canonical token, is one of the sequences. */
  boolean containsWord(String word) {
    if (root.words == null || !root.words.contains(word)) {
      return false;
    }
    Node node = root.next[root.words.add(word)];
    return node.end;
  }

  /** True when token {@code k} is a word of some sequence of two or more words. */
  boolean inLongerSequence(Canonical c, int k) {
    return inLonger.contains(c, k);
  }

  /** True when token {@code k} alone is one of the sequences. */
  boolean contains(Canonical c, int k) {
    Node node = root.next(c, k);
    return node != null && node.end;
  }

  /** True when some sequence begins with token {@code k}. */
  boolean isFirstWord(Canonical c, int k) {
    return root.next(c, k) != null;
  }

  /**
   * The number of tokens of the longest sequence (of at most maxWords words) that the note's
   * tokens {@code from} (up to {@code to}) begin with; 0 for none.
   */
  int longestAt(Canonical c, int from, int to) {
    int best = 0;
    Node node = root;
    for (int k = 0; k < maxWords && from + k < to; k++) {
      node = node.next(c, from + k);
      if (node == null) {
        break;
      }
      if (node.end) {
        best = k + 1;
      }
    }
    return best;
  }
}
