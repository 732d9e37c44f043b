package dev.invitriage.classify;

import dev.invitriage.text.Entities;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * A note in canonical form: lower-case word tokens without accents, apostrophes, punctuation,
 * emoji or invisible characters, plus for each token whether it was capitalised and which
 * separators preceded it (so signatures and greetings can still be recognised).
 *
 * <p>An e-mail address or URL ({@code john.smith@acme.example}, {@code https://acme.example/jobs},
 * {@code www.acme.example}, {@code acme.com}) becomes one lower-case token that keeps its dots and
 * slashes and is flagged in {@link #link}: it can never equal a phrase or noise word, and only a
 * signature may contain it. Phone numbers stay digit tokens; the classifier recognises a run of
 * them as one number inside a signature.
 */
final class Canonical {
  /** Separator flags stored per token, describing what stood between it and the previous token. */
  static final int COMMA = 1;

  static final int DASH = 2;
  static final int OTHER = 4;
  static final int NEWLINE = 8;
  /** A vertical bar, as between the parts of a signature line; always together with DASH. */
  static final int BAR = 16;

  /**
   * The tokens' characters back to back: token k is {@code text[tokenStart[k]]} up to {@code
   * text[tokenStart[k + 1]]}. Kept as characters because most notes are judged without looking at
   * most of their words as strings (a long personal note only has its first words compared with the
   * phrase table), and one String per word was most of a note's cost.
   */
  private char[] text;

  private int[] tokenStart;
  /**
   * Each token's {@link String#hashCode}, computed while tokenising (the characters are at hand
   * then) for look-ups that need no string ({@link WordIndex}).
   */
  private int[] tokenHash;
  /** Each token as a string, made on first use by {@link #token}; null until then. */
  private String[] tokens;

  /**
   * Per token, the separators before it (the flags above), whether it was capitalised and whether
   * it is a link, in one array: a note's arrays are most of what tokenising allocates.
   */
  private byte[] flags;

  private static final int SEPARATORS = COMMA | DASH | OTHER | NEWLINE | BAR;
  private static final int CAPITAL = 32;
  private static final int LINK = 64;

  // Not final: the Canonical that ofNote and ofName return is refilled in place for each note
  // (see Tokeniser.result); any other never changes once made.

  int size;
  /** True when tokenising stopped early because the note had more than the allowed tokens. */
  boolean overflow;
  /**
   * True when the tokens end before the note's words do, with words beyond them counted but not
   * tokenised (see {@link #ofNoteStart}); {@link #overflow} then tells whether there were more
   * than the allowed words, as counted by the first stage, which may count fewer words than the
   * tokeniser makes tokens ("follow-up" is one word there).
   */
  boolean truncated;
  /** False when nothing but whitespace, control and invisible characters was found. */
  boolean visible;

  private Canonical(
      char[] text,
      int[] tokenStart,
      int[] tokenHash,
      byte[] flags,
      int size,
      boolean overflow,
      boolean visible) {
    fill(text, tokenStart, tokenHash, flags, size, overflow, false, visible);
  }

  private void fill(
      char[] text,
      int[] tokenStart,
      int[] tokenHash,
      byte[] flags,
      int size,
      boolean overflow,
      boolean truncated,
      boolean visible) {
    this.text = text;
    this.tokenStart = tokenStart;
    this.tokenHash = tokenHash;
    this.flags = flags;
    this.tokens = null;
    this.memoIndex = null;
    this.size = size;
    this.overflow = overflow;
    this.truncated = truncated;
    this.visible = visible;
  }

  private static final Canonical INVISIBLE =
      new Canonical(new char[0], new int[1], new int[0], new byte[0], 0, false, false);

  /** True when token {@code k} was capitalised. */
  boolean capital(int k) {
    return (flags[k] & CAPITAL) != 0;
  }

  /** The separators before token {@code k}: COMMA, DASH, OTHER, NEWLINE and BAR flags. */
  int breakBefore(int k) {
    return flags[k] & SEPARATORS;
  }

  /**
   * True when token {@code k} is in a script without case (Han, Arabic, Hebrew, Devanagari,
   * Thai, Hangul, ...): no capital letter tells its names from its other words.
   */
  boolean uncased(int k) {
    // Through CharacterFacts: Character.getType on characters of many planes makes the JIT stop
    // inlining it everywhere (see CharacterFacts).
    int type = CharacterFacts.type(CharacterFacts.of(text[tokenStart[k]]));
    return type == Character.OTHER_LETTER || type == Character.MODIFIER_LETTER; // "ー" too
  }

  /** True when token {@code k} is one letter of a script written without spaces (Han, Thai). */
  boolean alone(int k) {
    return tokenLength(k) == 1 && CharacterFacts.standsAlone(CharacterFacts.of(text[tokenStart[k]]));
  }

  /** True for a token that is a whole e-mail address or URL. */
  boolean link(int k) {
    return (flags[k] & LINK) != 0;
  }

  /** Token {@code k} (0 to size - 1) as a string. */
  String token(int k) {
    if (tokens == null) {
      tokens = new String[size]; // most notes never need one (see text)
    }
    String t = tokens[k];
    if (t == null) {
      t = new String(text, tokenStart[k], tokenStart[k + 1] - tokenStart[k]);
      tokens[k] = t;
    }
    return t;
  }

  /** Appends token {@code k} to {@code sb}, without making the token's string. */
  void appendToken(StringBuilder sb, int k) {
    sb.append(text, tokenStart[k], tokenStart[k + 1] - tokenStart[k]);
  }

  /** All tokens as strings. */
  String[] tokens() {
    String[] all = new String[size];
    for (int k = 0; k < size; k++) {
      all[k] = token(k);
    }
    return all;
  }

  /** The number of characters of token {@code k}. */
  int tokenLength(int k) {
    return tokenStart[k + 1] - tokenStart[k];
  }

  /** Character {@code i} of token {@code k}. */
  char charAt(int k, int i) {
    return text[tokenStart[k] + i];
  }

  /** True when token {@code k} is token {@code j} of {@code other}. */
  boolean sameToken(int k, Canonical other, int j) {
    int length = tokenLength(k);
    if (tokenHash[k] != other.tokenHash[j] || length != other.tokenLength(j)) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (charAt(k, i) != other.charAt(j, i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * As {@link #tokenEquals(int, String)}, for a word kept as characters ({@link WordIndex}): the
   * same loop over a String calls charAt, which checks the string's coding for every character, and
   * the look-ups that use this are compiled into dozens of places in the judging code.
   */
  boolean tokenEquals(int k, char[] word) {
    int from = tokenStart[k];
    int length = tokenStart[k + 1] - from;
    if (length != word.length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (text[from + i] != word[i]) {
        return false;
      }
    }
    return true;
  }

  /** True when token {@code k} is {@code word}, without making the token's string. */
  boolean tokenEquals(int k, String word) {
    int from = tokenStart[k];
    int length = tokenStart[k + 1] - from;
    if (length != word.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (text[from + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Token {@code k}'s {@link String#hashCode}, without making the token's string. */
  int tokenHash(int k) {
    return tokenHash[k];
  }

  /**
   * The number of token {@code k} in {@code index} ({@link WordIndex#numberOf}), remembered per
   * token for one index at a time: the default texts' table looks up the same tokens at every
   * start it tries, and again when a default is judged.
   */
  int numberIn(WordIndex index, int k) {
    if (memoIndex != index) {
      if (memo.length < size) {
        memo = new int[Math.max(size, 2 * memo.length)];
      }
      Arrays.fill(memo, 0, size, NOT_LOOKED_UP);
      memoIndex = index;
    }
    int number = memo[k];
    if (number == NOT_LOOKED_UP) {
      number = index.numberOf(this, k);
      memo[k] = number;
    }
    return number;
  }

  private static final int NOT_LOOKED_UP = -2;

  /** The index whose numbers {@link #memo} holds, or null. */
  private WordIndex memoIndex;

  private int[] memo = new int[0];

  /** The tokens joined by single spaces. */
  String joined(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(token(i));
    }
    return sb.toString();
  }

  /**
   * Normalises a note. Never throws. Stops after {@code maxTokens} words, a letter of a script
   * written without spaces counting as a third of one (setting {@link
   * #overflow}) so that long personal notes cost little.
   *
   * <p>In two stages: {@link #prepare} cleans the characters, a {@link Tokeniser} splits them into
   * tokens. Most notes go through both in one pass, each prepared character straight to the
   * tokeniser (two passes over a note cost almost twice one). A note that may hold an e-mail
   * address or URL goes through them one after the other, because the tokeniser then looks ahead
   * in the prepared text for where a link ends; so does a note that needs NFKD as a whole.
   */
  static Canonical of(String raw, int maxTokens) {
    return of(raw, maxTokens, maxTokens, WORKSPACE.get().tokeniser);
  }

  /**
   * Like {@link #of}, but the tokens stay in arrays this thread reuses instead of being copied
   * out: the result is valid only until the next call of this method on the same thread. For a
   * note judged at once ({@link Classifier#classify}): copying its tokens out was most of what
   * judging a note allocated, and fresh memory is what bounds the first seconds of a run (see
   * Workspace).
   */
  static Canonical ofNote(String raw, int maxTokens) {
    return of(raw, maxTokens, maxTokens, WORKSPACE.get().noteTokeniser);
  }

  /**
   * Like {@link #ofNote}, but only the first {@code tokenWords} words become tokens; the rest are
   * only counted, up to {@code maxTokens} (see {@link #truncated}). Counting a word costs far less
   * than tokenising it, and most long notes are judged by their first words.
   */
  static Canonical ofNoteStart(String raw, int maxTokens, int tokenWords) {
    return of(raw, maxTokens, tokenWords, WORKSPACE.get().noteTokeniser);
  }

  /**
   * Like {@link #ofNote}, with arrays of their own: for the sender's name of the note being
   * judged, valid until the next call of this method on the same thread.
   */
  static Canonical ofName(String raw, int maxTokens) {
    return of(raw, maxTokens, maxTokens, WORKSPACE.get().nameTokeniser);
  }

  /** {@code of(raw, maxTokens).size}, found without making the Canonical. */
  static int sizeOf(String raw, int maxTokens) {
    if (raw == null || raw.isEmpty()) {
      return 0;
    }
    Tokeniser tokeniser = WORKSPACE.get().tokeniser;
    return tokenise(raw, maxTokens, maxTokens, tokeniser).visible ? tokeniser.count() : 0;
  }

  private static Canonical of(String raw, int maxTokens, int tokenWords, Tokeniser tokeniser) {
    if (raw == null || raw.isEmpty()) {
      return INVISIBLE;
    }
    Prepared p = tokenise(raw, maxTokens, tokenWords, tokeniser);
    return p.visible ? tokeniser.finish(p.stoppedEarly) : INVISIBLE;
  }

  /**
   * Prepares and tokenises a note into {@code tokeniser}, in one pass if it can.
   *
   * <p>HTML character references are decoded only once preparing meets an '&', rather than after
   * a search of every whole note for one: that search was one more pass over each note, over the
   * whole of a long one. The result is the same, because decoding changes nothing before the
   * first '&', and preparing that did not meet one read nothing from it on (see prepare).
   */
  private static Prepared tokenise(String raw, int maxTokens, int tokenWords, Tokeniser tokeniser) {
    tokeniser.start(tokenWords, maxTokens);
    Prepared p = prepare(raw, maxTokens, true, tokeniser, false, false);
    boolean decoded = false;
    if (p == Prepared.NEEDS_DECODING) {
      // Twice, because exporters sometimes double-encode ("&amp;#39;").
      raw = Entities.decode(Entities.decode(raw));
      decoded = true;
      tokeniser.start(tokenWords, maxTokens);
      p = prepare(raw, maxTokens, true, tokeniser, false, true);
    }
    if (p == Prepared.NEEDS_TWO_PASSES) {
      p = inTwoPasses(
          decoded ? raw : Entities.decode(Entities.decode(raw)), maxTokens, tokenWords, tokeniser);
    }
    return p;
  }

  /**
   * Prepares the whole note first, then tokenises it, finding links. Package-private so that a
   * test can hold the one pass of {@link #of} to it.
   */
  static Canonical inTwoPasses(String raw, int maxTokens) {
    Tokeniser tokeniser = WORKSPACE.get().tokeniser;
    Prepared p = inTwoPasses(Entities.decode(Entities.decode(raw)), maxTokens, maxTokens, tokeniser);
    return p.visible ? tokeniser.finish(p.stoppedEarly) : INVISIBLE;
  }

  /** As above, for a note whose character references are decoded. */
  private static Prepared inTwoPasses(
      String raw, int maxTokens, int tokenWords, Tokeniser tokeniser) {
    // NFKD folds compatibility forms (mathematical letters, ligatures, full-width) and splits
    // accents off so that they can be dropped: "gustaría" and "gustaria" then match.
    PreparedText text = new PreparedText(raw.length());
    Prepared p = prepare(raw, maxTokens, true, text, true, true);
    if (p == Prepared.NEEDS_TWO_PASSES) {
      PreparedText plain = new PreparedText(raw.length());
      p = prepare(raw, maxTokens, false, plain, true, true);
      text = new PreparedText(Normalizer.normalize(plain.toString(), Normalizer.Form.NFKD));
    }
    tokeniser.start(tokenWords, maxTokens);
    if (!p.visible) {
      return p;
    }
    char[] s = text.chars;
    int len = text.length;
    for (int i = 0; i < len; i++) {
      char c = s[i];
      if (p.maybeLink
          && !tokeniser.inWord()
          && isAsciiAlnum(c)
          && (i == 0 || CHUNK_END.indexOf(s[i - 1]) >= 0)) {
        int linkEnd = linkEnd(s, i, len);
        if (linkEnd > 0) {
          if (!tokeniser.takeLink(s, i, linkEnd)) {
            break;
          }
          i = linkEnd - 1;
          continue;
        }
      }
      if (!tokeniser.take(c)) {
        break;
      }
    }
    return p;
  }

  /**
   * What preparing found: any visible character, whether it stopped early at {@code maxTokens}
   * words, whether the note may hold a link.
   */
  private record Prepared(boolean visible, boolean stoppedEarly, boolean maybeLink) {
    /** Each of the eight, made once: a note should allocate as little as it can (Workspace). */
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
  private interface Sink {
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
   * What a thread reuses from note to note while preparing and tokenising: a buffer for the note's
   * characters, and tokenisers with their arrays, one whose tokens are copied out to arrays of
   * their exact size ({@link #of}) and two whose tokens stay ({@link #ofNote}, {@link #ofName}).
   * Why: a new array
   * per note is cheap to allocate but is fresh memory, which is not cheap to touch (a new heap's
   * first pass costs about 1.7 us a kilobyte on a VM, more than all the rest of the work on a
   * note), and reused arrays stay in the cache. Arrays grown beyond what ordinary notes need are
   * not kept.
   */
  private static final class Workspace {
    char[] read = new char[512];
    final Tokeniser tokeniser = new Tokeniser(true);
    final Tokeniser noteTokeniser = new Tokeniser(false);
    final Tokeniser nameTokeniser = new Tokeniser(false);
  }

  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  /** Arrays no longer than this are kept for the next note. */
  private static final int MAX_KEPT = 8192;

  /** A buffer of at least {@code length} characters, to be used only until the next call. */
  private static char[] readBuffer(int length) {
    Workspace workspace = WORKSPACE.get();
    if (workspace.read.length < length) {
      char[] read = new char[length];
      if (length <= MAX_KEPT) {
        workspace.read = read;
      }
      return read;
    }
    return workspace.read;
  }

  /**
   * First stage: drops terminal escape sequences and invisible characters, turns whitespace and
   * control characters into spaces or line breaks, and unifies apostrophe look-alikes. With {@code
   * decompose}, gives every other character as its NFKD ({@link Decompositions}). Returns
   * NEEDS_TWO_PASSES when a character needs NFKD of the whole note instead, or, without {@code
   * linksAllowed}, as soon as the note may hold a link; unless {@code decoded}, returns
   * NEEDS_DECODING as soon as it reads an '&'. What it reads is always the note from its start
   * on, up to where it stops (every character up to there, including those it looks ahead at).
   */
  private static Prepared prepare(
      String note,
      int maxTokens,
      boolean decompose,
      Sink sink,
      boolean linksAllowed,
      boolean decoded) {
    // An array is read faster than String.charAt, which checks the string's coding each time.
    int n = note.length();
    char[] raw = readBuffer(n);
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
            && isLinkInner(c)
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
   * The end of the run of non-ASCII letters and digits that stay as they are (no NFKD change when
   * {@code decompose}) from {@code s[from]}, which is one, up to {@code to}.
   */
  private static int letterRunEnd(char[] s, int from, int to, boolean decompose) {
    int end = from + 1;
    while (end < to && s[end] >= 0x80 && staysAsItIs(CharacterFacts.of(s[end]), decompose)) {
      end++;
    }
    return end;
  }

  /** A plain letter or digit that NFKD does not change, or that is not decomposed. */
  private static boolean staysAsItIs(int facts, boolean decompose) {
    return CharacterFacts.isPlainLetterOrDigit(facts)
        && !(decompose && CharacterFacts.decomposes(facts));
  }

  /** A limit of words in thirds of a word (see Tokeniser.beginToken), without overflowing. */
  private static int thirds(int words) {
    return words >= Integer.MAX_VALUE / 3 ? Integer.MAX_VALUE : 3 * words;
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

  /** Character.isLetterOrDigit, from a type already looked up (the JDK defines it by type). */
  private static boolean isLetterOrDigit(int type) {
    return ((LETTER_OR_DIGIT_TYPES >> type) & 1) != 0;
  }

  private static final int LETTER_OR_DIGIT_TYPES =
      (1 << Character.UPPERCASE_LETTER)
          | (1 << Character.LOWERCASE_LETTER)
          | (1 << Character.TITLECASE_LETTER)
          | (1 << Character.MODIFIER_LETTER)
          | (1 << Character.OTHER_LETTER)
          | (1 << Character.DECIMAL_DIGIT_NUMBER);

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
  private static final class PreparedText implements Sink {
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

  /**
   * Second stage: splits prepared characters, given one by one, into lower-case tokens, and
   * records capitals and separators.
   */
  private static final class Tokeniser implements Sink {
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

  // ---- e-mail addresses and URLs -------------------------------------------------------

  /** Characters that may join the words of one link ("john.smith@acme.example"). */
  private static boolean isLinkInner(char c) {
    return c == '.' || c == '@' || c == '-' || c == '_' || c == ':' || c == '/';
  }

  /** Characters before a chunk that may be a link, and characters that end it. */
  private static final String CHUNK_END = " \n\t<>()[]{}\"'|,;:";

  /** Characters a link's last character may not be (sentence punctuation after it). */
  private static final String LINK_TRAILING = ".!?:;-_/'";

  /** Top-level domains that make a bare "acme.com" a link; only when typed in lower case. */
  private static final java.util.Set<String> TLDS =
      java.util.Set.of(
          "com", "org", "net", "io", "dev", "ai", "app", "tech", "info", "biz", "co", "uk", "eu",
          "de", "fr", "es", "nl", "pt", "br", "ch", "se", "dk", "fi", "pl", "cz", "ie", "ca",
          "au", "jp", "cn", "xyz", "gg", "ly", "mx", "ar", "cl", "ro", "gr", "tr", "za", "nz",
          "sg", "hk", "il", "ae", "lu", "no", "at", "be", "it", "in", "us", "me");

  /**
   * If the chunk starting at {@code from} is an e-mail address or URL, returns the index just
   * after it, otherwise -1. Only ASCII addresses are recognised; anything else stays words.
   */
  private static int linkEnd(char[] s, int from, int len) {
    int end = from;
    while (end < len
        && s[end] > ' '
        && s[end] < 0x7F
        && (s[end] == ':' || CHUNK_END.indexOf(s[end]) < 0)) {
      end++;
    }
    while (end > from && LINK_TRAILING.indexOf(s[end - 1]) >= 0) {
      end--;
    }
    int n = end - from;
    if (n < 4) {
      return -1;
    }
    if (startsWithIgnoreCase(s, from, end, "https://")
        || startsWithIgnoreCase(s, from, end, "http://")) {
      return n > 8 ? end : -1;
    }
    int at = -1;
    for (int i = from; i < end; i++) {
      if (s[i] == '@') {
        if (at >= 0) {
          return -1;
        }
        at = i;
      }
    }
    if (at >= 0) {
      // local@domain.tld: something before the @, a dot in the domain, letters after it
      return at > from && isHost(s, at + 1, end, false) ? end : -1;
    }
    if (startsWithIgnoreCase(s, from, end, "www.")) {
      return n > 4 ? end : -1;
    }
    int slash = from;
    while (slash < end && s[slash] != '/') {
      slash++;
    }
    return isHost(s, from, slash, true) ? end : -1;
  }

  /** "acme.example", "mail.acme.co.uk": dot-separated labels ending in two or more letters. */
  private static boolean isHost(char[] s, int from, int to, boolean knownTld) {
    int lastDot = -1;
    int labelStart = from;
    for (int i = from; i < to; i++) {
      char c = s[i];
      if (c == '.') {
        if (i == labelStart) {
          return false;
        }
        lastDot = i;
        labelStart = i + 1;
      } else if (!isAsciiAlnum(c) && c != '-') {
        return false;
      }
    }
    if (lastDot < 0 || to - lastDot - 1 < 2) {
      return false;
    }
    for (int i = lastDot + 1; i < to; i++) {
      boolean lower = s[i] >= 'a' && s[i] <= 'z';
      boolean upper = s[i] >= 'A' && s[i] <= 'Z';
      // A bare domain must end in a lower-case known TLD: "LinkedIn.It was" is two words.
      if (!(lower || (upper && !knownTld))) {
        return false;
      }
    }
    return !knownTld || TLDS.contains(new String(s, lastDot + 1, to - lastDot - 1));
  }

  private static boolean startsWithIgnoreCase(char[] s, int from, int end, String prefix) {
    if (end - from < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (Character.toLowerCase(s[from + i]) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** An ASCII letter or digit: one look-up rather than three ranges, on most characters. */
  private static boolean isAsciiAlnum(char c) {
    return c < 0x80 && ASCII_FOLD[c] != 0;
  }

  /** Per ASCII character: its lower case if it is a letter or digit, else 0. */
  private static final char[] ASCII_FOLD = new char[0x80];

  static {
    for (char c = '0'; c <= '9'; c++) {
      ASCII_FOLD[c] = c;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII_FOLD[c] = c;
      ASCII_FOLD[c - 32] = c;
    }
  }

  /** Appends a letter or digit folded ({@code lower}: its lower case); returns the new end. */
  private static int appendFolded(char[] text, int end, int cp, int lower) {
    if (cp == 'ß' || cp == 'ẞ') {
      text[end] = 's';
      text[end + 1] = 's';
      return end + 2;
    }
    if (cp == 'ς') {
      text[end] = 'σ';
      return end + 1;
    }
    return end + Character.toChars(lower, text, end);
  }

  private static int asciiSeparatorKind(int cp) {
    switch (cp) {
      case ' ':
        return 0;
      case '\n':
        return NEWLINE;
      case ',':
        return COMMA;
      case '|':
        return DASH | BAR;
      case '~':
      case '/':
      case '-': // the only ASCII character of type DASH_PUNCTUATION
        return DASH;
      default:
        return OTHER;
    }
  }

  private static int separatorKind(int cp, int type) {
    switch (cp) {
      case '\u060C':
      case '\u3001':
      case '\uFF0C':
        return COMMA;
      default:
        return type == Character.DASH_PUNCTUATION ? DASH : OTHER;
    }
  }
}
