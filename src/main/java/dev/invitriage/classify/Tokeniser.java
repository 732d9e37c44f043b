package dev.invitriage.classify;

import static dev.invitriage.classify.Canonical.ASCII_FOLD;
import static dev.invitriage.classify.Canonical.CAPITAL;
import static dev.invitriage.classify.Canonical.LINK;
import static dev.invitriage.classify.Canonical.MAX_KEPT;
import static dev.invitriage.classify.Canonical.appendFolded;
import static dev.invitriage.classify.Canonical.asciiSeparatorKind;
import static dev.invitriage.classify.Canonical.isAsciiAlnum;
import static dev.invitriage.classify.Canonical.isLetterOrDigit;
import static dev.invitriage.classify.Canonical.letterRunEnd;
import static dev.invitriage.classify.Canonical.separatorKind;
import static dev.invitriage.classify.Canonical.staysAsItIs;
import static dev.invitriage.classify.Canonical.thirds;

import java.util.Arrays;

/**
 * The second stage of making a {@link Canonical} note: splits the characters the first stage
 * ({@link Preparer#prepare}) gives, one by one or in runs, into lower-case tokens, and records
 * capitals and separators. Kept per thread and reused from note to note (see Canonical's
 * Workspace); its result is made by {@link #finish}.
 */
final class Tokeniser implements Preparer.Sink {
  /** Whether {@link #finish} copies the tokens out (else the result uses these arrays). */
  private final boolean copyOut;

  /** The limit and the words begun so far, in thirds (see beginToken). */
  private int maxThirds;

  private int thirds;
  private char[] text = new char[512];
  private int[] tokenStart = new int[129];
  private int[] tokenHash = new int[128];
  private byte[] flags = new byte[128];
  private int end; // of the characters in text
  private int size;
  private int pendingBreak;
  private int hash; // of the current token, as String.hashCode
  private boolean inWord;
  private boolean overflow;
  /** Whether words beyond maxThirds are only counted, by the first stage (see start). */
  private boolean capped;
  /** The first half of a surrogate pair, given last; 0 when there is none. */
  private char highSurrogate;

  /** Without copyOut, the Canonical it refills for each note (a note should allocate little). */
  private final Canonical result =
      new Canonical(new char[0], new int[1], new int[0], new byte[0], 0, false, false);

  Tokeniser(boolean copyOut) {
    this.copyOut = copyOut;
  }

  /**
   * Begins a note of at most {@code maxTokens} words, of which the first {@code tokenWords}
   * become tokens (all of them when the two are equal).
   */
  void start(int tokenWords, int maxTokens) {
    this.maxThirds = thirds(tokenWords);
    this.capped = tokenWords < maxTokens;
    this.thirds = 0;
    end = 0;
    size = 0;
    pendingBreak = 0;
    hash = 0;
    inWord = false;
    overflow = false;
    highSurrogate = 0;
    if (text.length > MAX_KEPT || flags.length > MAX_KEPT) {
      text = new char[512]; // grown for a long note: not kept for the next
      tokenStart = new int[129];
      tokenHash = new int[128];
      flags = new byte[128];
    }
  }

  boolean inWord() {
    return inWord;
  }

  /** Takes the next character; false when it would begin a token beyond {@code maxTokens}. */
  @Override
  public boolean take(char c) {
    if (c == ' ' && highSurrogate == 0) {
      separate(0); // the commonest separator, taken first: what the code below would do
      return true;
    }
    if (highSurrogate != 0) {
      char high = highSurrogate;
      highSurrogate = 0;
      if (Character.isLowSurrogate(c)) {
        return takeCodePoint(Character.toCodePoint(high, c));
      }
      takeCodePoint(high); // a lone surrogate separates, so never begins a token
    }
    if (c < 0x80) {
      boolean lower = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
      boolean upper = c >= 'A' && c <= 'Z';
      if (lower || upper) {
        if (!inWord && !beginToken(upper, 3)) {
          return false;
        }
        char folded = upper ? (char) (c + 32) : c;
        if (end == text.length) {
          text = Arrays.copyOf(text, 2 * end);
        }
        text[end++] = folded;
        hash = 31 * hash + folded;
        return true;
      }
      if (c != '\'') { // "I'd" and "Id" are the same word here
        separate(asciiSeparatorKind(c));
      }
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      highSurrogate = c;
      return true;
    }
    return takeCodePoint(c);
  }

  @Override
  public int takeLetterRun(char[] s, int from, int to, boolean decompose) {
    if (highSurrogate != 0) {
      // Not after a whole surrogate pair, the only way the first stage gives one: kept general.
      int runEnd = letterRunEnd(s, from, to, decompose);
      for (int i = from; i < runEnd; i++) {
        if (!take(s[i])) {
          return -1;
        }
      }
      return runEnd;
    }
    int facts = CharacterFacts.of(s[from]);
    if (!inWord && !beginToken(CharacterFacts.isUpperOrTitleCase(facts), 3)) {
      return -1;
    }
    int room = end + 2 * (to - from); // "ß" folds to two letters
    if (room > text.length) {
      text = Arrays.copyOf(text, Math.max(2 * text.length, room));
    }
    // In locals: this loop runs over most of the characters of notes in other scripts.
    char[] folded = text;
    int at = end;
    int h = hash;
    int i = from;
    while (true) {
      char c = s[i];
      if (c == 'ß' || c == 'ẞ' || c == 'ς') {
        int before = at;
        at = appendFolded(folded, at, c, CharacterFacts.toLowerCase(facts));
        for (; before < at; before++) {
          h = 31 * h + folded[before];
        }
      } else {
        char lower = CharacterFacts.toLowerCase(facts);
        folded[at++] = lower;
        h = 31 * h + lower;
      }
      if (++i == to || s[i] < 0x80) {
        break;
      }
      facts = CharacterFacts.of(s[i]);
      if (!staysAsItIs(facts, decompose)) {
        break;
      }
    }
    end = at;
    hash = h;
    return i;
  }

  @Override
  public int takeAsciiRun(char[] s, int from, int to) {
    if (highSurrogate != 0) {
      // Not after a whole surrogate pair, the only way the first stage gives one: kept general.
      int end = from;
      while (end < to && isAsciiAlnum(s[end])) {
        if (!take(s[end])) {
          return -1;
        }
        end++;
      }
      return end;
    }
    char first = s[from];
    if (!inWord && !beginToken(first >= 'A' && first <= 'Z', 3)) {
      return -1;
    }
    if (end + (to - from) > text.length) {
      text = Arrays.copyOf(text, Math.max(2 * text.length, end + (to - from)));
    }
    // In locals: this loop runs over most of the characters of most notes. ASCII_FOLD tells a
    // letter or digit (by a non-zero folded form) and folds it in one look-up.
    char[] folded = text;
    int at = end;
    int h = hash;
    int i = from;
    for (char c; i < to && (c = s[i]) < 0x80 && ASCII_FOLD[c] != 0; i++) {
      char lower = ASCII_FOLD[c];
      folded[at++] = lower;
      h = 31 * h + lower;
    }
    end = at;
    hash = h;
    return i;
  }

  private boolean takeCodePoint(int cp) {
    int type;
    boolean upper;
    int lower;
    if (cp <= 0xFFFF) {
      int facts = CharacterFacts.of((char) cp);
      type = CharacterFacts.type(facts);
      upper = CharacterFacts.isUpperOrTitleCase(facts);
      lower = CharacterFacts.toLowerCase(facts);
    } else {
      type = Character.getType(cp); // rare (emoji, mathematical letters): not remembered
      upper = Character.isUpperCase(cp) || Character.isTitleCase(cp);
      lower = Character.toLowerCase(cp);
    }
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
      return true; // accents split off by NFKD
    }
    if (cp <= 0xFFFF ? CharacterFacts.standsAlone(CharacterFacts.of((char) cp))
        : CharacterFacts.standsAlone(cp, type)) {
      return takeLetterAlone(cp, lower);
    }
    if (isLetterOrDigit(type) || type == Character.COMBINING_SPACING_MARK) {
      if (!inWord) {
        if (type == Character.COMBINING_SPACING_MARK) {
          return true;
        }
        if (!beginToken(upper, 3)) {
          return false;
        }
      }
      // Written out here as in takeLetterAlone, not called: with this one call more, C2 stopped
      // inlining the tokeniser's steps and the classifier's JMH figure fell from 0.96 to 0.57 M
      // notes/s.
      if (end + 2 > text.length) {
        text = Arrays.copyOf(text, 2 * text.length + 2);
      }
      int folded = end;
      end = appendFolded(text, end, cp, lower);
      for (; folded < end; folded++) {
        hash = 31 * hash + text[folded];
      }
      return true;
    }
    separate(separatorKind(cp, type));
    return true;
  }

  @Override
  public boolean takeAlone(char c, int facts) {
    if (highSurrogate != 0) {
      return take(c); // after a lone high surrogate: the general way
    }
    return takeLetterAlone(c, CharacterFacts.toLowerCase(facts));
  }

  /**
   * Takes a letter of a script without spaces as a token of its own. Apart from takeCodePoint,
   * which must stay small enough for the JIT to inline it.
   */
  private boolean takeLetterAlone(int cp, int lower) {
    separate(0);
    if (!beginToken(false, 1)) {
      return false;
    }
    if (end + 2 > text.length) {
      text = Arrays.copyOf(text, 2 * text.length + 2);
    }
    int folded = end;
    end = appendFolded(text, end, cp, lower);
    for (; folded < end; folded++) {
      hash = 31 * hash + text[folded];
    }
    separate(0); // the next character begins another token, with no break before it
    return true;
  }

  /** Takes a link, {@code s[from..to)}, as one token; false when that would be too many. */
  boolean takeLink(char[] s, int from, int to) {
    if (!beginToken(false, 3)) {
      return false;
    }
    if (end + (to - from) > text.length) {
      text = Arrays.copyOf(text, Math.max(2 * text.length, end + (to - from)));
    }
    for (int k = from; k < to; k++) {
      char l = s[k];
      text[end] = l >= 'A' && l <= 'Z' ? (char) (l + 32) : l;
      hash = 31 * hash + text[end++];
    }
    flags[size] |= LINK;
    inWord = false;
    tokenHash[size] = hash;
    size++;
    tokenStart[size] = end;
    pendingBreak = 0;
    return true;
  }

  /**
   * Begins a token of {@code cost} thirds of a word: 3, or 1 for a letter of a script without
   * spaces, so that a limit of words means as much text in Thai as in English.
   */
  private boolean beginToken(boolean capitalised, int cost) {
    if (thirds + cost > maxThirds) {
      overflow = true;
      return false;
    }
    thirds += cost;
    if (size + 1 == flags.length) {
      int capacity = 2 * flags.length;
      tokenStart = Arrays.copyOf(tokenStart, capacity + 1);
      tokenHash = Arrays.copyOf(tokenHash, capacity);
      flags = Arrays.copyOf(flags, capacity);
    }
    flags[size] = (byte) (pendingBreak | (capitalised ? CAPITAL : 0));
    tokenStart[size] = end;
    hash = 0;
    inWord = true;
    return true;
  }

  /** A separator: ends the current word and is remembered as a break before the next one. */
  private void separate(int separator) {
    if (inWord) {
      tokenHash[size] = hash;
      size++;
      tokenStart[size] = end;
      inWord = false;
      pendingBreak = 0;
    }
    pendingBreak |= separator;
  }

  /** Ends the note; returns its number of tokens. */
  int count() {
    if (highSurrogate != 0) {
      char high = highSurrogate;
      highSurrogate = 0;
      takeCodePoint(high);
    }
    if (inWord) {
      tokenHash[size] = hash;
      size++;
      tokenStart[size] = end;
      inWord = false;
    }
    return size;
  }

  /** Ends the note; returns its tokens. */
  Canonical finish(boolean stoppedEarly) {
    count();
    if (!copyOut) {
      result.fill(
          text, tokenStart, tokenHash, flags, size, stoppedEarly || overflow && !capped,
          overflow && capped, true);
      return result;
    }
    Canonical c = new Canonical(
        Arrays.copyOf(text, end),
        Arrays.copyOf(tokenStart, size + 1),
        Arrays.copyOf(tokenHash, size),
        Arrays.copyOf(flags, size),
        size,
        stoppedEarly || overflow && !capped,
        true);
    c.truncated = overflow && capped;
    return c;
  }
}
