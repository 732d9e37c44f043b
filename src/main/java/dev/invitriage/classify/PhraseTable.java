package dev.invitriage.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The known default texts as a token trie, so a note is matched against all of them in one walk
 * from each possible start instead of one regular expression per variant.
 *
 * <p>The trie is keyed by word numbers, and a note's token is looked up by its characters
 * ({@link WordIndex}): most notes match nothing, and finding that out must not make a string of
 * every word they start with.
 */
final class PhraseTable {
  /** Token that stands for a placeholder in the middle of a phrase. */
  static final String WILDCARD = "\u0000";
  /** Most tokens a placeholder in the middle of a phrase may stand for (a group's name). */
  static final int MAX_WILDCARD = 10;

  private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]{1,20}>");

  /** A trie node; {@code ends} lists the phrases that end here. */
  private static final class Node {
    /** The children's word numbers and the children, in step; most nodes have one. */
    private int[] words = NO_WORDS;

    private Node[] children = NO_CHILDREN;
    Node wildcard;
    /** Most nodes end no phrase: they share one empty list (see #ending). */
    List<Phrase> ends = List.of();

    /** The child for word number {@code word}, or null (also for -1, a word no phrase has). */
    Node child(int word) {
      if (word < 0) {
        return null; // most of a note's words are in no phrase
      }
      for (int i = 0; i < words.length; i++) {
        if (words[i] == word) {
          return children[i];
        }
      }
      return null;
    }

    void ending(Phrase phrase) {
      if (ends.isEmpty()) {
        ends = new ArrayList<>(1);
      }
      ends.add(phrase);
    }

    Node childAdding(int word) {
      Node child = child(word);
      if (child == null) {
        child = new Node();
        words = Arrays.copyOf(words, words.length + 1);
        children = Arrays.copyOf(children, children.length + 1);
        words[words.length - 1] = word;
        children[children.length - 1] = child;
      }
      return child;
    }
  }

  private static final int[] NO_WORDS = {};
  private static final Node[] NO_CHILDREN = {};

  /**
   * The phrases found at one start of a note, each with the end of its tokens, longest last. Kept
   * per thread and refilled by each {@link #matchesAt}, so that finding them allocates nothing:
   * read them before the next call on the same thread.
   */
  static final class Matches {
    private Phrase[] phrases = new Phrase[8];
    private int[] ends = new int[8];
    private int size;
    /**
     * True when the walk met the end of the note's tokens where a phrase could go on: of a
     * truncated note (see Canonical#truncated), what the words not tokenised hold is not known.
     */
    private boolean cut;

    int size() {
      return size;
    }

    boolean cut() {
      return cut;
    }

    Phrase phrase(int i) {
      return phrases[i];
    }

    /** Just after the phrase's last token. */
    int end(int i) {
      return ends[i];
    }

    private void add(Phrase phrase, int end) {
      if (size == phrases.length) {
        phrases = Arrays.copyOf(phrases, 2 * size);
        ends = Arrays.copyOf(ends, 2 * size);
      }
      phrases[size] = phrase;
      ends[size] = end;
      size++;
    }
  }

  private static final ThreadLocal<Matches> MATCHES = ThreadLocal.withInitial(Matches::new);

  private final Node root = new Node();
  private final WordIndex words = new WordIndex();
  /** By word number, whether some phrase begins with the word. */
  private boolean[] firstWords = new boolean[0];
  private final List<Phrase> phrases = new ArrayList<>();
  private int maxLength;

  /**
   * A default text as the table holds it: its canonical tokens ({@link #WILDCARD} for a
   * placeholder in its middle), and whether it began with a name placeholder (see Phrase).
   */
  record Tokens(List<String> words, boolean namedLead) {}

  /**
   * The default texts of every built-in language ({@link Languages}), tokenised by the build
   * (tokenising them here was a third of making a classifier in a fresh JVM).
   */
  static PhraseTable builtIn() {
    PhraseTable table = new PhraseTable();
    for (CompiledLanguages.Default text : CompiledLanguages.builtIn().defaults()) {
      table.add(text.label(), text.tokens());
    }
    return table;
  }

  /** Adds a phrase; returns false when nothing of it is left to match (e.g. only a placeholder). */
  boolean add(String label, String text) {
    Tokens tokens = tokenise(text);
    if (tokens == null) {
      return false;
    }
    add(label, tokens);
    return true;
  }

  /** A phrase's tokens, or null when nothing of it is left to match (e.g. only a placeholder). */
  static Tokens tokenise(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    int last = 0;
    boolean placeholderSeen = false;
    boolean namedLead = false;
    while (m.find()) {
      List<String> before = Languages.tokensOf(text.substring(last, m.start()));
      // A placeholder before any literal (after at most a greeting word) is the name in a greeting
      // or the sender's name: greeting handling covers it, so it is dropped with its greeting.
      if (tokens.isEmpty() && before.size() <= Noise.MAX_GREETING_WORDS && !placeholderSeen) {
        namedLead = true;
      } else {
        tokens.addAll(before);
        tokens.add(WILDCARD);
      }
      placeholderSeen = true;
      last = m.end();
    }
    tokens.addAll(Languages.tokensOf(text.substring(last)));
    // A trailing placeholder is a signature ("- <name>"): signature handling covers it.
    while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).equals(WILDCARD)) {
      tokens.remove(tokens.size() - 1);
    }
    return tokens.isEmpty() ? null : new Tokens(List.copyOf(tokens), namedLead);
  }

  private void add(String label, Tokens tokens) {
    String[] phraseTokens = tokens.words().toArray(new String[0]);
    boolean namedLead = tokens.namedLead();
    Node node = root;
    int length = 0;
    for (int i = 0; i < phraseTokens.length; i++) {
      String t = phraseTokens[i];
      if (t.equals(WILDCARD)) {
        if (node.wildcard == null) {
          node.wildcard = new Node();
        }
        node = node.wildcard;
        length += 3 * MAX_WILDCARD;
      } else {
        int number = words.add(t);
        phraseTokens[i] = words.word(number); // a word's one copy, not one per phrase that has it
        if (node == root) {
          if (number >= firstWords.length) {
            firstWords = Arrays.copyOf(firstWords, Math.max(number + 1, 2 * firstWords.length));
          }
          firstWords[number] = true;
        }
        node = node.childAdding(number);
        // In thirds of a word: a letter of Thai or Japanese is a third (see Canonical).
        length += t.length() == 1 && CharacterFacts.standsAlone(CharacterFacts.of(t.charAt(0))) ? 1 : 3;
      }
    }
    Phrase phrase = new Phrase(label, phraseTokens, namedLead, phrases.size());
    node.ending(phrase);
    phrases.add(phrase);
    maxLength = Math.max(maxLength, (length + 2) / 3);
  }

  /**
   * Most words any phrase can cover, counting each placeholder at its maximum and a letter of a
   * script without spaces as a third of a word.
   */
  int maxLength() {
    return maxLength;
  }

  List<Phrase> phrases() {
    return List.copyOf(phrases);
  }

  /** Quick test whether any phrase can start with token {@code k}. */
  boolean canStartWith(Canonical c, int k) {
    int number = c.numberIn(words, k);
    return number >= 0 && number < firstWords.length && firstWords[number];
  }

  /** All phrases that start at token {@code start}, longest last (see Matches). */
  Matches matchesAt(Canonical c, int start) {
    Matches out = MATCHES.get();
    out.size = 0;
    out.cut = false;
    walk(root, c, start, out);
    return out;
  }

  private void walk(Node node, Canonical c, int pos, Matches out) {
    for (int i = 0; i < node.ends.size(); i++) {
      out.add(node.ends.get(i), pos);
    }
    if (pos >= c.size) {
      out.cut |= node.words.length > 0 || node.wildcard != null;
      return;
    }
    Node child = node.child(c.numberIn(words, pos));
    if (child != null) {
      walk(child, c, pos + 1, out);
    }
    if (node.wildcard != null) {
      out.cut |= pos + MAX_WILDCARD > c.size;
      for (int k = 1; k <= MAX_WILDCARD && pos + k <= c.size; k++) {
        walk(node.wildcard, c, pos + k, out);
      }
    }
  }
}
