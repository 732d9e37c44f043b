package dev.invitriage.classify;

import dev.invitriage.domain.Fnv1a;
import dev.invitriage.text.Entities;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * A note in canonical form: lower-case word tokens without accents, apostrophes, punctuation,
 * emoji or invisible characters, plus for each token whether it was capitalised and which
 * separators preceded it (so signatures and greetings can still be recognised).
 *
 * <p>An e-mail address or URL ({@code john.smith@acme.example}, {@code https://acme.example/jobs},
 * {@code www.acme.example}, {@code acme.com}; found by {@link Links}) becomes one lower-case token
 * that keeps its dots and slashes and is flagged in {@link #link}: it can never equal a phrase or
 * noise word, and only a signature may contain it. Phone numbers stay digit tokens; the
 * classifier recognises a run of them as one number inside a signature.
 *
 * <p>Made in two stages: {@link #prepare} cleans the note's characters, a {@link Tokeniser} splits
 * them into tokens.
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
  static final int CAPITAL = 32;
  static final int LINK = 64;

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

  Canonical(
      char[] text,
      int[] tokenStart,
      int[] tokenHash,
      byte[] flags,
      int size,
      boolean overflow,
      boolean visible) {
    fill(text, tokenStart, tokenHash, flags, size, overflow, false, visible);
  }

  void fill(
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

  /** {@code hash} with token {@code k} added (see {@link Fnv1a}). */
  long hashToken(long hash, int k) {
    return Fnv1a.add(hash, text, tokenStart[k], tokenStart[k + 1]);
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
          && (i == 0 || Links.CHUNK_END.indexOf(s[i - 1]) >= 0)) {
        int linkEnd = Links.linkEnd(s, i, len);
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
  static final int MAX_KEPT = 8192;

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
   * The end of the run of non-ASCII letters and digits that stay as they are (no NFKD change when
   * {@code decompose}) from {@code s[from]}, which is one, up to {@code to}.
   */
  static int letterRunEnd(char[] s, int from, int to, boolean decompose) {
    int end = from + 1;
    while (end < to && s[end] >= 0x80 && staysAsItIs(CharacterFacts.of(s[end]), decompose)) {
      end++;
    }
    return end;
  }

  /** A plain letter or digit that NFKD does not change, or that is not decomposed. */
  static boolean staysAsItIs(int facts, boolean decompose) {
    return CharacterFacts.isPlainLetterOrDigit(facts)
        && !(decompose && CharacterFacts.decomposes(facts));
  }

  /** A limit of words in thirds of a word (see Tokeniser.beginToken), without overflowing. */
  static int thirds(int words) {
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
  static boolean isLetterOrDigit(int type) {
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

  /** An ASCII letter or digit: one look-up rather than three ranges, on most characters. */
  static boolean isAsciiAlnum(char c) {
    return c < 0x80 && ASCII_FOLD[c] != 0;
  }

  /** Per ASCII character: its lower case if it is a letter or digit, else 0. */
  static final char[] ASCII_FOLD = new char[0x80];

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
  static int appendFolded(char[] text, int end, int cp, int lower) {
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

  static int asciiSeparatorKind(int cp) {
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

  static int separatorKind(int cp, int type) {
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
