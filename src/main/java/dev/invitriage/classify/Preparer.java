package dev.invitriage.classify;

import static dev.invitriage.classify.Canonical.isAsciiAlnum;
import static dev.invitriage.classify.Canonical.isLetterOrDigit;
import static dev.invitriage.classify.Canonical.letterRunEnd;
import static dev.invitriage.classify.Canonical.thirds;

import java.util.Arrays;

/**
 * The first stage of making a note canonical ({@link Canonical}): the note's characters cleaned
 * (escape sequences and invisible characters dropped, white space and control characters made
 * spaces or line breaks, apostrophes unified, letters decomposed) and given one at a time, or a
 * run at a time, to a {@link Sink}: the {@link Tokeniser}, the second stage, or a {@link
 * PreparedText} when the note must be prepared whole before it is tokenised.
 */
final class Preparer {
  private Preparer() {}

  /**
   * What preparing found: any visible character, whether it stopped early at {@code maxTokens}
   * words, whether the note may hold a link.
   */
  record Prepared(boolean visible, boolean stoppedEarly, boolean maybeLink) {
    /**
     * Each of the eight, made once: a note should allocate as little as it can (see Canonical's
     * Workspace).
     */
    private static final Prepared[] ALL = new Prepared[8];

    static {
      for (int i = 0; i < 8; i++) {
        ALL[i] = new Prepared((i & 1) != 0, (i & 2) != 0, (i & 4) != 0);
      }
    }

    static Prepared of(boolean visible, boolean stoppedEarly, boolean maybeLink) {
      return ALL[(visible ? 1 : 0) | (stoppedEarly ? 2 : 0) | (maybeLink ? 4 : 0)];
    }

    /** The note must go through two passes (see Canonical.of); recognised by identity. */
    static final Prepared NEEDS_TWO_PASSES = new Prepared(false, false, false);

    /** Preparing met an '&' before the references were decoded; recognised by identity. */
    static final Prepared NEEDS_DECODING = new Prepared(false, false, false);
  }

  /** Takes prepared characters: the tokeniser, or a text to tokenise later. */
  interface Sink {
    /** Takes the next character; false when it takes no more (the tokeniser is full). */
    boolean take(char c);

    /**
     * Takes the non-ASCII letters and digits that stay as they are from {@code s[from]} (one)
     * on, up to {@code to} (see letterRunEnd), at once; returns where they end, or -1 when it
     * takes no more (as {@link #take}).
     */
    int takeLetterRun(char[] s, int from, int to, boolean decompose);

    /**
     * Takes the ASCII letters and digits from {@code s[from]} (one) on, up to {@code to} or the
     * first other character, at once; returns where they end, or -1 when it takes no more (as
     * {@link #take}).
     */
    int takeAsciiRun(char[] s, int from, int to);

    /**
     * Takes a letter of a script written without spaces that stays as it is, with its facts; false
     * when it takes no more (as {@link #take}).
     */
    boolean takeAlone(char c, int facts);
  }

  /**
   * First stage: drops terminal escape sequences and invisible characters, turns whitespace and
   * control characters into spaces or line breaks, and unifies apostrophe look-alikes. With {@code
   * decompose}, gives every other character as its NFKD ({@link Decompositions}). Returns
   * NEEDS_TWO_PASSES when a character needs NFKD of the whole note instead, or, without {@code
   * linksAllowed}, as soon as the note may hold a link; unless {@code decoded}, returns
   * NEEDS_DECODING as soon as it reads an '&'. What it reads is always the note from its start
   * on, up to where it stops (every character up to there, including those it looks ahead at).
   * {@code raw} is a buffer of at least the note's length, to read it from.
   */
  static Prepared prepare(
      String note,
      char[] raw,
      int maxTokens,
      boolean decompose,
      Sink sink,
      boolean linksAllowed,
      boolean decoded) {
    // An array is read faster than String.charAt, which checks the string's coding each time.
    int n = note.length();
    note.getChars(0, n, raw, 0);
    int given = 0; // characters given to the sink
    // Once the tokeniser is full, the rest is still read: whether it may hold a link decides how
    // the words before are tokenised.
    boolean taking = true;
    boolean visible = false;
    boolean maybeLink = false;
    // Words are counted as the tokeniser will see them (apostrophes and invisible characters do
    // not split a word), so a long note stops being read once it cannot be a default any more.
    int words = 0; // in thirds: a letter of a script without spaces is a third of a word
    int maxWords = thirds(maxTokens);
    boolean inWord = false;
    for (int i = 0; i < n; i++) {
      char c = raw[i];
      if (c == 0x1B || c == 0x9B) {
        int escapeEnd = skipEscape(raw, n, i);
        for (int k = i + 1; k <= escapeEnd && !decoded; k++) {
          if (raw[k] == '&') {
            return Prepared.NEEDS_DECODING;
          }
        }
        i = escapeEnd;
        if (given > 0) {
          taking = taking && sink.take(' ');
          given++;
        }
        continue;
      }
      if (c < 0x80) {
        if (isAsciiAlnum(c)) {
          if (!inWord && (words += 3) > maxWords) {
            return Prepared.of(true, true, maybeLink);
          }
          inWord = true;
          visible = true;
          // The rest of the word's letters and digits at once: most of a note is such runs.
          int runEnd = taking ? sink.takeAsciiRun(raw, i, n) : -1;
          if (runEnd < 0) {
            taking = false;
            runEnd = i + 1;
            while (runEnd < n && isAsciiAlnum(raw[runEnd])) {
              runEnd++;
            }
          }
          given += runEnd - i;
          i = runEnd - 1;
          continue;
        }
        if (c == ' ') {
          // The commonest separator, taken first: what the tests below would do with it.
          inWord = false;
          taking = taking && sink.take(' ');
          given++;
          continue;
        }
        if (c == '&' && !decoded) {
          return Prepared.NEEDS_DECODING;
        }
        if (inWord
            && Links.isLinkInner(c)
            && i + 1 < n
            && isAsciiAlnum(raw[i + 1])) {
          // "john.smith@acme.example" counts as one word, as the tokeniser will make it one
          // token; counting less than the tokeniser only makes this early stop later.
          if (c != '-' && c != '_') {
            if (!linksAllowed) {
              return Prepared.NEEDS_TWO_PASSES;
            }
            maybeLink = true;
          }
        } else if (c == '/' && i > 0 && raw[i - 1] == '/') {
          if (!linksAllowed) {
            return Prepared.NEEDS_TWO_PASSES;
          }
          maybeLink = true;
          inWord = false;
        } else if (c != '\'' && c != '`') {
          inWord = false;
        }
        char prepared;
        if (c == '\n' || c == '\r') {
          prepared = '\n';
        } else if (c < 0x20 || c == 0x7F) {
          prepared = ' ';
        } else {
          prepared = c == '`' ? '\'' : c;
          visible |= c != ' ';
        }
        taking = taking && sink.take(prepared);
        given++;
        continue;
      }
      // One look-up serves every test below: this loop runs over every character of a note.
      int facts = CharacterFacts.of(c);
      int type = CharacterFacts.type(facts);
      if (CharacterFacts.standsAlone(facts)) {
        if (++words > maxWords) {
          return Prepared.of(true, true, maybeLink);
        }
        inWord = false; // a word of its own
        visible = true;
        if (!(decompose && CharacterFacts.decomposes(facts))) {
          // Straight to the tokeniser: most of a Chinese, Japanese or Thai note is such letters.
          taking = taking && sink.takeAlone(c, facts);
          given++;
          continue;
        }
      } else if (isLetterOrDigit(type)) {
        if (!inWord && (words += 3) > maxWords) {
          return Prepared.of(true, true, maybeLink);
        }
        inWord = true;
      } else if (type != Character.SURROGATE
          && type != Character.FORMAT
          && type != Character.NON_SPACING_MARK
          && !isApostrophe(c)) {
        inWord = false;
      }
      // Most characters here are letters, which skip the tests for the other kinds.
      if (!CharacterFacts.isPlainLetterOrDigit(facts)) {
        char prepared;
        if (c == 0x85 || c == 0x2028 || c == 0x2029) {
          prepared = '\n';
        } else if (c < 0xA0) {
          prepared = ' '; // C1 control characters
        } else if (Character.isHighSurrogate(c)) {
          if (i + 1 < n && Character.isLowSurrogate(raw[i + 1])) {
            char low = raw[++i];
            if (isSupplementaryFormat(Character.toCodePoint(c, low))) {
              continue; // e.g. tag characters used in flag emoji
            }
            String d = decompose ? Decompositions.of(c, low) : new String(new char[] {c, low});
            if (d == null) {
              return Prepared.NEEDS_TWO_PASSES;
            }
            for (int k = 0; k < d.length(); k++) {
              taking = taking && sink.take(d.charAt(k));
              given++;
            }
            visible = true;
            continue;
          }
          prepared = ' '; // lone surrogate
        } else if (Character.isLowSurrogate(c)) {
          prepared = ' ';
        } else if (isApostrophe(c)) {
          prepared = '\'';
          visible = true;
        } else if (type == Character.FORMAT) {
          continue; // zero-width characters, BOM, bidi controls, soft hyphen
        } else if (type == Character.SPACE_SEPARATOR
            || type == Character.LINE_SEPARATOR
            || type == Character.PARAGRAPH_SEPARATOR) {
          // Above U+00A0, Character.isWhitespace adds nothing to isSpaceChar, which is these.
          prepared = ' ';
        } else if (isInvisibleFiller(c)) {
          continue;
        } else {
          prepared = 0; // any other visible character: given as it is, or its NFKD, below
        }
        if (prepared != 0) {
          taking = taking && sink.take(prepared);
          given++;
          continue;
        }
      }
      visible = true;
      if (decompose && CharacterFacts.decomposes(facts)) {
        String d = Decompositions.of(c);
        if (d == null) {
          return Prepared.NEEDS_TWO_PASSES;
        }
        for (int k = 0; k < d.length(); k++) {
          taking = taking && sink.take(d.charAt(k));
          given++;
        }
        continue;
      }
      if (!CharacterFacts.isPlainLetterOrDigit(facts)) {
        taking = taking && sink.take(c);
        given++;
        continue;
      }
      // The rest of the word's letters that stay as they are, at once, as for ASCII above.
      int runEnd = taking ? sink.takeLetterRun(raw, i, n, decompose) : -1;
      if (runEnd < 0) {
        taking = false;
        runEnd = letterRunEnd(raw, i, n, decompose);
      }
      given += runEnd - i;
      i = runEnd - 1;
    }
    return Prepared.of(visible, false, maybeLink);
  }

  /**
   * {@code Character.getType(cp) == Character.FORMAT} for a code point beyond the BMP, by its
   * ranges: asking Character for emoji of every note made it the hottest call of all once the
   * classifier also looks up other planes (a test holds it to Character for every code point).
   */
  static boolean isSupplementaryFormat(int cp) {
    if (cp < 0x110BD) {
      return false; // most emoji are U+1F300 and above; nothing below here is a format character
    }
    return cp >= 0xE0000
        ? cp == 0xE0001 || cp >= 0xE0020 && cp <= 0xE007F
        : cp == 0x110BD || cp == 0x110CD || cp >= 0x13430 && cp <= 0x13438
            || cp >= 0x1BCA0 && cp <= 0x1BCA3 || cp >= 0x1D173 && cp <= 0x1D17A;
  }

  /** Fillers and variation selectors that render as nothing. */
  static boolean isInvisibleFiller(char c) {
    return c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800
        || (c >= 0xFE00 && c <= 0xFE0F) || c == 0x034F || c == 0x180E;
  }

  /** Returns the index of the last character of the escape sequence starting at {@code i}. */
  private static int skipEscape(char[] s, int n, int i) {
    int j;
    if (s[i] == 0x9B) {
      j = i + 1; // C1 CSI: parameters follow directly
    } else {
      if (i + 1 >= n) {
        return i;
      }
      char kind = s[i + 1];
      if (kind == ']' || kind == 'P' || kind == '_' || kind == '^') {
        // OSC/DCS/APC/PM: up to BEL or ST (ESC \), but never unbounded beyond a line
        for (j = i + 2; j < n; j++) {
          char c = s[j];
          if (c == 0x07 || c == '\n') {
            return j;
          }
          if (c == 0x1B) {
            return (j + 1 < n && s[j + 1] == '\\') ? j + 1 : j - 1;
          }
        }
        return n - 1;
      }
      if (kind != '[') {
        return kind >= 0x20 && kind < 0x7F ? i + 1 : i;
      }
      j = i + 2;
    }
    while (j < n && s[j] >= 0x30 && s[j] <= 0x3F) {
      j++;
    }
    while (j < n && s[j] >= 0x20 && s[j] <= 0x2F) {
      j++;
    }
    if (j < n && s[j] >= 0x40 && s[j] <= 0x7E) {
      return j;
    }
    return j - 1;
  }

  static boolean isApostrophe(char c) {
    switch (c) {
      case '\'':
      case '`':
      case '\u00B4': // acute accent
      case '\u2018':
      case '\u2019':
      case '\u201A':
      case '\u201B':
      case '\u2032': // prime
      case '\u2035':
      case '\u02B9':
      case '\u02BB':
      case '\u02BC':
      case '\u02BD':
      case '\u02C8':
      case '\u02CA':
      case '\u02CB':
      case '\uA78C':
      case '\uFF07':
      case '\uFF40':
        return true;
      default:
        return false;
    }
  }

  /** A prepared note kept whole, to be tokenised once it is known whether it may hold a link. */
  static final class PreparedText implements Sink {
    char[] chars;
    int length;

    PreparedText(int capacity) {
      chars = new char[Math.max(capacity, 1)];
    }

    PreparedText(String text) {
      chars = text.toCharArray();
      length = chars.length;
    }

    @Override
    public boolean take(char c) {
      if (length == chars.length) {
        chars = Arrays.copyOf(chars, 2 * length);
      }
      chars[length++] = c;
      return true;
    }

    @Override
    public int takeAsciiRun(char[] s, int from, int to) {
      int end = from + 1;
      while (end < to && isAsciiAlnum(s[end])) {
        end++;
      }
      append(s, from, end);
      return end;
    }

    @Override
    public int takeLetterRun(char[] s, int from, int to, boolean decompose) {
      int end = letterRunEnd(s, from, to, decompose);
      append(s, from, end);
      return end;
    }

    @Override
    public boolean takeAlone(char c, int facts) {
      return take(c);
    }

    private void append(char[] s, int from, int to) {
      if (length + (to - from) > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(2 * chars.length, length + (to - from)));
      }
      System.arraycopy(s, from, chars, length, to - from);
      length += to - from;
    }

    @Override
    public String toString() {
      return new String(chars, 0, length);
    }
  }
}
