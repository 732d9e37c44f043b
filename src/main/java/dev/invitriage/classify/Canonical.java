package dev.invitriage.classify;

import dev.invitriage.classify.Preparer.Prepared;
import dev.invitriage.classify.Preparer.PreparedText;
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
 * <p>Made in two stages: {@link Preparer} cleans the note's characters, a {@link Tokeniser} splits
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
    return tokenise(raw, maxTokens, maxTokens, tokeniser).visible() ? tokeniser.count() : 0;
  }

  private static Canonical of(String raw, int maxTokens, int tokenWords, Tokeniser tokeniser) {
    if (raw == null || raw.isEmpty()) {
      return INVISIBLE;
    }
    Prepared p = tokenise(raw, maxTokens, tokenWords, tokeniser);
    return p.visible() ? tokeniser.finish(p.stoppedEarly()) : INVISIBLE;
  }

  /**
   * Prepares and tokenises a note into {@code tokeniser}, in one pass if it can.
   *
   * <p>HTML character references are decoded only once preparing meets an '&', rather than after
   * a search of every whole note for one: that search was one more pass over each note, over the
   * whole of a long one. The result is the same, because decoding changes nothing before the
   * first '&', and preparing that did not meet one read nothing from it on (see Preparer.prepare).
   */
  private static Prepared tokenise(String raw, int maxTokens, int tokenWords, Tokeniser tokeniser) {
    tokeniser.start(tokenWords, maxTokens);
    Prepared p =
        Preparer.prepare(raw, readBuffer(raw.length()), maxTokens, true, tokeniser, false, false);
    boolean decoded = false;
    if (p == Prepared.NEEDS_DECODING) {
      // Twice, because exporters sometimes double-encode ("&amp;#39;").
      raw = Entities.decode(Entities.decode(raw));
      decoded = true;
      tokeniser.start(tokenWords, maxTokens);
      p = Preparer.prepare(raw, readBuffer(raw.length()), maxTokens, true, tokeniser, false, true);
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
    return p.visible() ? tokeniser.finish(p.stoppedEarly()) : INVISIBLE;
  }

  /** As above, for a note whose character references are decoded. */
  private static Prepared inTwoPasses(
      String raw, int maxTokens, int tokenWords, Tokeniser tokeniser) {
    // NFKD folds compatibility forms (mathematical letters, ligatures, full-width) and splits
    // accents off so that they can be dropped: "gustaría" and "gustaria" then match.
    PreparedText text = new PreparedText(raw.length());
    Prepared p = Preparer.prepare(raw, readBuffer(raw.length()), maxTokens, true, text, true, true);
    if (p == Prepared.NEEDS_TWO_PASSES) {
      PreparedText plain = new PreparedText(raw.length());
      p = Preparer.prepare(raw, readBuffer(raw.length()), maxTokens, false, plain, true, true);
      text = new PreparedText(Normalizer.normalize(plain.toString(), Normalizer.Form.NFKD));
    }
    tokeniser.start(tokenWords, maxTokens);
    if (!p.visible()) {
      return p;
    }
    char[] s = text.chars;
    int len = text.length;
    for (int i = 0; i < len; i++) {
      char c = s[i];
      if (p.maybeLink()
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
