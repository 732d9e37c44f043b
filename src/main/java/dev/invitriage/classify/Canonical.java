package dev.invitriage.classify;

import java.text.Normalizer;

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

  final String[] tokens;
  final boolean[] capital;
  final byte[] breakBefore;
  /** True for a token that is a whole e-mail address or URL. */
  final boolean[] link;

  final int size;
  /** True when tokenising stopped early because the note had more than the allowed tokens. */
  final boolean overflow;
  /** False when nothing but whitespace, control and invisible characters was found. */
  final boolean visible;

  private Canonical(
      String[] tokens,
      boolean[] capital,
      byte[] breakBefore,
      boolean[] link,
      int size,
      boolean overflow,
      boolean visible) {
    this.tokens = tokens;
    this.capital = capital;
    this.breakBefore = breakBefore;
    this.link = link;
    this.size = size;
    this.overflow = overflow;
    this.visible = visible;
  }

  private static final Canonical INVISIBLE =
      new Canonical(new String[0], new boolean[0], new byte[0], new boolean[0], 0, false, false);

  /** The tokens joined by single spaces. */
  String joined(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(tokens[i]);
    }
    return sb.toString();
  }

  /**
   * Normalises a note. Never throws. Stops after {@code maxTokens} tokens (setting {@link
   * #overflow}) so that long personal notes cost little.
   */
  static Canonical of(String raw, int maxTokens) {
    if (raw == null || raw.isEmpty()) {
      return INVISIBLE;
    }
    if (raw.indexOf('&') >= 0) {
      // Twice, because exporters sometimes double-encode ("&amp;#39;").
      raw = Entities.decode(Entities.decode(raw));
    }
    Prepared p = prepare(raw, maxTokens);
    if (!p.visible) {
      return INVISIBLE;
    }
    char[] chars = p.chars;
    int len = p.length;
    if (p.nonAscii) {
      // NFKD folds compatibility forms (mathematical letters, ligatures, full-width) and splits
      // accents off so that they can be dropped: "gustaría" and "gustaria" then match.
      String s = Normalizer.normalize(new String(chars, 0, len), Normalizer.Form.NFKD);
      chars = s.toCharArray();
      len = chars.length;
    }
    Canonical c = tokenise(chars, len, maxTokens, p.maybeLink);
    return p.overflow && !c.overflow
        ? new Canonical(c.tokens, c.capital, c.breakBefore, c.link, c.size, true, true)
        : c;
  }

  private record Prepared(
      char[] chars,
      int length,
      boolean visible,
      boolean nonAscii,
      boolean overflow,
      boolean maybeLink) {}

  /**
   * First pass: drops terminal escape sequences and invisible characters, turns whitespace and
   * control characters into spaces or line breaks, and unifies apostrophe look-alikes.
   */
  private static Prepared prepare(String raw, int maxTokens) {
    int n = raw.length();
    char[] out = new char[n];
    int len = 0;
    boolean visible = false;
    boolean nonAscii = false;
    boolean maybeLink = false;
    // Words are counted as the tokeniser will see them (apostrophes and invisible characters do
    // not split a word), so a long note stops being copied once it cannot be a default any more.
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c == 0x1B || c == 0x9B) {
        i = skipEscape(raw, i);
        if (len > 0) {
          out[len++] = ' ';
        }
        continue;
      }
      if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
          if (!inWord && ++words > maxTokens) {
            return new Prepared(out, len, true, nonAscii, true, maybeLink);
          }
          inWord = true;
        } else if (c != ' '
            && inWord
            && isLinkInner(c)
            && i + 1 < n
            && isAsciiAlnum(raw.charAt(i + 1))) {
          // "john.smith@acme.example" counts as one word, as the tokeniser will make it one
          // token; counting less than the tokeniser only makes this early stop later.
          maybeLink |= c != '-' && c != '_';
        } else if (c == '/' && i > 0 && raw.charAt(i - 1) == '/') {
          maybeLink = true;
          inWord = false;
        } else if (c != '\'' && c != '`') {
          inWord = false;
        }
      } else if (Character.isLetterOrDigit(c)) {
        if (!inWord && ++words > maxTokens) {
          return new Prepared(out, len, true, nonAscii, true, maybeLink);
        }
        inWord = true;
      } else if (!Character.isSurrogate(c) && !isApostrophe(c)) {
        int t = Character.getType(c);
        if (t != Character.FORMAT && t != Character.NON_SPACING_MARK) {
          inWord = false;
        }
      }
      if (c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029) {
        out[len++] = '\n';
        continue;
      }
      if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
        out[len++] = ' ';
        continue;
      }
      if (c < 0x80) {
        out[len++] = c == '`' ? '\'' : c;
        if (c != ' ') {
          visible = true;
        }
        continue;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(raw.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, raw.charAt(i + 1));
          i++;
          if (Character.getType(cp) == Character.FORMAT) {
            continue; // e.g. tag characters used in flag emoji
          }
          out[len++] = c;
          out[len++] = raw.charAt(i);
          visible = true;
          nonAscii = true;
          continue;
        }
        out[len++] = ' '; // lone surrogate
        continue;
      }
      if (Character.isLowSurrogate(c)) {
        out[len++] = ' ';
        continue;
      }
      if (isApostrophe(c)) {
        out[len++] = '\'';
        visible = true;
        continue;
      }
      int type = Character.getType(c);
      if (type == Character.FORMAT) {
        continue; // zero-width characters, BOM, bidi controls, soft hyphen
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        out[len++] = ' ';
        continue;
      }
      if (c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800
          || (c >= 0xFE00 && c <= 0xFE0F) || c == 0x034F || c == 0x180E) {
        continue; // fillers and variation selectors that render as nothing
      }
      out[len++] = c;
      visible = true;
      nonAscii = true;
    }
    return new Prepared(out, len, visible, nonAscii, false, maybeLink);
  }

  /** Returns the index of the last character of the escape sequence starting at {@code i}. */
  private static int skipEscape(String s, int i) {
    int n = s.length();
    int j;
    if (s.charAt(i) == 0x9B) {
      j = i + 1; // C1 CSI: parameters follow directly
    } else {
      if (i + 1 >= n) {
        return i;
      }
      char kind = s.charAt(i + 1);
      if (kind == ']' || kind == 'P' || kind == '_' || kind == '^') {
        // OSC/DCS/APC/PM: up to BEL or ST (ESC \), but never unbounded beyond a line
        for (j = i + 2; j < n; j++) {
          char c = s.charAt(j);
          if (c == 0x07 || c == '\n') {
            return j;
          }
          if (c == 0x1B) {
            return (j + 1 < n && s.charAt(j + 1) == '\\') ? j + 1 : j - 1;
          }
        }
        return n - 1;
      }
      if (kind != '[') {
        return kind >= 0x20 && kind < 0x7F ? i + 1 : i;
      }
      j = i + 2;
    }
    while (j < n && s.charAt(j) >= 0x30 && s.charAt(j) <= 0x3F) {
      j++;
    }
    while (j < n && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x2F) {
      j++;
    }
    if (j < n && s.charAt(j) >= 0x40 && s.charAt(j) <= 0x7E) {
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

  /** Second pass: splits into lower-case tokens and records capitals and separators. */
  private static Canonical tokenise(char[] s, int len, int maxTokens, boolean maybeLink) {
    int cap = Math.min(maxTokens, len / 2 + 1) + 1;
    String[] tokens = new String[cap];
    boolean[] capital = new boolean[cap];
    byte[] breaks = new byte[cap];
    boolean[] link = new boolean[cap];
    StringBuilder word = new StringBuilder(32);
    int size = 0;
    int pendingBreak = 0;
    boolean inWord = false;
    boolean overflow = false;
    for (int i = 0; i < len; i++) {
      char c = s[i];
      int cp = c;
      if (maybeLink && !inWord && isAsciiAlnum(c) && (i == 0 || CHUNK_END.indexOf(s[i - 1]) >= 0)) {
        int end = linkEnd(s, i, len);
        if (end > 0) {
          if (size == maxTokens) {
            overflow = true;
            break;
          }
          tokens[size] = asciiLower(s, i, end);
          capital[size] = false;
          breaks[size] = (byte) pendingBreak;
          link[size] = true;
          size++;
          pendingBreak = 0;
          i = end - 1;
          continue;
        }
      }
      if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s[i + 1])) {
        cp = Character.toCodePoint(c, s[++i]);
      }
      if (cp < 0x80) {
        if (cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9') {
          if (!inWord) {
            if (size == maxTokens) {
              overflow = true;
              break;
            }
            capital[size] = false;
            breaks[size] = (byte) pendingBreak;
            inWord = true;
          }
          word.append((char) cp);
          continue;
        }
        if (cp >= 'A' && cp <= 'Z') {
          if (!inWord) {
            if (size == maxTokens) {
              overflow = true;
              break;
            }
            capital[size] = true;
            breaks[size] = (byte) pendingBreak;
            inWord = true;
          }
          word.append((char) (cp + 32));
          continue;
        }
        if (cp == '\'') {
          continue; // "I'd" and "Id" are the same word here
        }
      } else {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
          continue; // accents split off by NFKD
        }
        if (Character.isLetterOrDigit(cp) || type == Character.COMBINING_SPACING_MARK) {
          if (!inWord) {
            if (type == Character.COMBINING_SPACING_MARK) {
              continue;
            }
            if (size == maxTokens) {
              overflow = true;
              break;
            }
            capital[size] = Character.isUpperCase(cp) || Character.isTitleCase(cp);
            breaks[size] = (byte) pendingBreak;
            inWord = true;
          }
          appendFolded(word, cp);
          continue;
        }
      }
      // A separator: ends the current word and is remembered as a break before the next one.
      if (inWord) {
        tokens[size++] = word.toString();
        word.setLength(0);
        inWord = false;
        pendingBreak = 0;
      }
      pendingBreak |= separatorKind(cp);
    }
    if (inWord) {
      tokens[size++] = word.toString();
    }
    return new Canonical(tokens, capital, breaks, link, size, overflow, true);
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

  private static String asciiLower(char[] s, int from, int to) {
    char[] out = new char[to - from];
    for (int i = from; i < to; i++) {
      char c = s[i];
      out[i - from] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    return new String(out);
  }

  private static boolean isAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static void appendFolded(StringBuilder word, int cp) {
    if (cp == 'ß' || cp == 'ẞ') {
      word.append("ss");
    } else if (cp == 'ς') {
      word.append('σ');
    } else {
      word.appendCodePoint(Character.toLowerCase(cp));
    }
  }

  private static int separatorKind(int cp) {
    switch (cp) {
      case ' ':
        return 0;
      case '\n':
        return NEWLINE;
      case ',':
      case '\u060C':
      case '\u3001':
      case '\uFF0C':
        return COMMA;
      case '|':
        return DASH | BAR;
      case '~':
      case '/':
        return DASH;
      default:
        return Character.getType(cp) == Character.DASH_PUNCTUATION ? DASH : OTHER;
    }
  }
}
