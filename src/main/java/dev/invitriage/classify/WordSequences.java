package dev.invitriage.classify;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * A closed list of word sequences in canonical form ("best regards", "hope you are well"), found
 * at a position of a note by walking a trie of their words token by token, looked up by the
 * tokens' characters ({@link WordIndex}): most of a note's words begin no sequence, and none of
 * them is made a string. Each sequence keeps the languages that list it (bits by language number,
 * see {@link Noise#languageCode}), for reasons.
 *
 * <p>The trie is flat: nodes are numbers, every word is numbered once for the whole list, and a
 * node's children are found in one table keyed by node and word. Tens of thousands of sequences
 * made as objects (a node, a word index and four arrays each) were 30 MB that every collection of
 * a starting command copied, and a fifth of a second to build.
 */
final class WordSequences {
  /** Most languages a sequence's bits can name. */
  static final int MAX_LANGUAGES = 64;

  private static final int ROOT = 0;
  private static final long NO_EDGE = -1;

  private final int maxWords;
  /** Every word of every sequence, numbered once. */
  private final WordIndex words = new WordIndex();
  /** Every word of a sequence of two or more words: only those can be inside one. */
  private final WordIndex inLonger = new WordIndex();

  /**
   * The trie's edges, open addressing: a key is a node's number and a word's ({@link #edge}),
   * {@link #NO_EDGE} where the slot is empty; at most half the slots are used.
   */
  private long[] edgeKeys = emptyEdges(16);

  private int[] edgeChildren = new int[16];
  private int edgeCount;

  /** Per node: whether a sequence ends there, and the languages that list it. */
  private boolean[] ends = new boolean[16];

  private long[] languages = new long[16];
  private int nodeCount = 1; // the root

  /** {@code sequences}: canonical tokens joined by single spaces, each with its languages. */
  WordSequences(Map<String, Long> sequences) {
    int longest = 0;
    for (Map.Entry<String, Long> sequence : sequences.entrySet()) {
      String text = sequence.getKey();
      boolean several = text.indexOf(' ') >= 0;
      int node = ROOT;
      int count = 0;
      for (int from = 0, to; from <= text.length(); from = to + 1) {
        to = text.indexOf(' ', from);
        if (to < 0) {
          to = text.length();
        }
        int word = words.add(text, from, to);
        node = childAdding(node, word);
        if (several) {
          inLonger.add(text, from, to);
        }
        count++;
      }
      ends[node] = true;
      languages[node] |= sequence.getValue();
      longest = Math.max(longest, count);
    }
    this.maxWords = longest;
  }

  /** Adds every word of every sequence to {@code into}. */
  void addWordsTo(Set<String> into) {
    words.forEach((word, number) -> into.add(word));
  }

  /** Adds the first word of every sequence to {@code into}. */
  void addFirstWordsTo(Set<String> into) {
    words.forEach((word, number) -> {
      if (child(ROOT, number) >= 0) {
        into.add(word);
      }
    });
  }

  /** The number of words of the longest sequence. */
  int maxWords() {
    return maxWords;
  }

  /** The languages that list tokens {@code from} up to {@code to} as one sequence; 0 if none. */
  long languagesOf(Canonical c, int from, int to) {
    int node = ROOT;
    for (int k = from; k < to && node >= 0; k++) {
      node = next(node, c, k);
    }
    return node >= 0 && ends[node] && to > from ? languages[node] : 0;
  }

  /** True when {@code word}, one canonical token, is one of the sequences. */
  boolean containsWord(String word) {
    int number = words.numberOf(word);
    int node = number < 0 ? -1 : child(ROOT, number);
    return node >= 0 && ends[node];
  }

  /** True when token {@code k} is a word of some sequence of two or more words. */
  boolean inLongerSequence(Canonical c, int k) {
    return inLonger.contains(c, k);
  }

  /** True when token {@code k} alone is one of the sequences. */
  boolean contains(Canonical c, int k) {
    int node = next(ROOT, c, k);
    return node >= 0 && ends[node];
  }

  /** True when some sequence begins with token {@code k}. */
  boolean isFirstWord(Canonical c, int k) {
    return next(ROOT, c, k) >= 0;
  }

  /**
   * The number of tokens of the longest sequence (of at most maxWords words) that the note's
   * tokens {@code from} (up to {@code to}) begin with; 0 for none.
   */
  int longestAt(Canonical c, int from, int to) {
    int best = 0;
    int node = ROOT;
    for (int k = 0; k < maxWords && from + k < to; k++) {
      node = next(node, c, from + k);
      if (node < 0) {
        break;
      }
      if (ends[node]) {
        best = k + 1;
      }
    }
    return best;
  }

  /** The node after {@code node} on token {@code k} of the note, or -1. */
  private int next(int node, Canonical c, int k) {
    int word = words.numberOf(c, k);
    return word < 0 ? -1 : child(node, word);
  }

  /** The child of {@code node} on word number {@code word}, or -1. */
  private int child(int node, int word) {
    long key = edge(node, word);
    int mask = edgeKeys.length - 1;
    for (int i = slot(key) & mask; ; i = (i + 1) & mask) {
      long found = edgeKeys[i];
      if (found == key) {
        return edgeChildren[i];
      }
      if (found == NO_EDGE) {
        return -1;
      }
    }
  }

  private int childAdding(int node, int word) {
    int child = child(node, word);
    if (child >= 0) {
      return child;
    }
    if (2 * (edgeCount + 1) > edgeKeys.length) {
      growEdges();
    }
    child = nodeCount++;
    if (child == ends.length) {
      ends = Arrays.copyOf(ends, 2 * child);
      languages = Arrays.copyOf(languages, 2 * child);
    }
    put(edge(node, word), child);
    return child;
  }

  private void put(long key, int child) {
    int mask = edgeKeys.length - 1;
    int i = slot(key) & mask;
    while (edgeKeys[i] != NO_EDGE) {
      i = (i + 1) & mask;
    }
    edgeKeys[i] = key;
    edgeChildren[i] = child;
    edgeCount++;
  }

  private void growEdges() {
    long[] oldKeys = edgeKeys;
    int[] oldChildren = edgeChildren;
    edgeKeys = emptyEdges(2 * oldKeys.length);
    edgeChildren = new int[2 * oldKeys.length];
    edgeCount = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != NO_EDGE) {
        put(oldKeys[i], oldChildren[i]);
      }
    }
  }

  private static long[] emptyEdges(int size) {
    long[] keys = new long[size];
    Arrays.fill(keys, NO_EDGE);
    return keys;
  }

  private static long edge(int node, int word) {
    return (long) node << 32 | word;
  }

  /** The key's slot before masking: the high half of a multiplicative hash mixes both halves. */
  private static int slot(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32);
  }
}
