package dev.invitriage.classify;

import dev.invitriage.classify.Pieces.Kind;

/**
 * Where noise may stand in a note and what it may be made of: a greeting with names at the start,
 * pleasantries and stock requests, sign-offs, and a signature at the end. {@link Classifier} asks
 * it whether the words around a default text are noise ({@link #prefix}, {@link #trailer}) and
 * whether a note without one is noise throughout ({@link #generic}).
 *
 * <p>Names are the sender's and recipient's words where a name stands, whatever else the word
 * means ("- Will"), and otherwise capitalised words that are no sentence word; a signature is
 * recognised by its shape ({@link Signature}). Any doubt leaves a word as content, because calling
 * a personal note noise is the worst mistake the classifier can make.
 *
 * <p>Each method may record the pieces it accepts ({@link Pieces}); judging passes null and
 * records nothing.
 */
final class NoiseGrammar {
  private NoiseGrammar() {}

  /** Trailer and body flags: what was found. */
  static final int SIGN_OFF = 1;

  static final int SIGNATURE = 2;
  /** A pleasantry, in the trailer or before the default text. */
  static final int PLEASANTRY = 4;
  /** A stock request to connect. */
  static final int REQUEST = 8;
  /** The recipient's name, called out between pieces ("Thanks, Marta!"). */
  static final int NAME = 16;
  /** A greeting (with names) at the start. */
  static final int GREETING = 32;

  static final int NONE = 0;
  static final int INVALID = -1;

  // ---- the whole note without a default text --------------------------------------------

  /**
   * The flags of a note that is noise throughout (greeting, pleasantries, requests, sign-offs,
   * signature, names), or INVALID when any word is content. At least one piece must be found.
   */
  static int generic(Canonical c, PersonName sender, PersonName recipient, Pieces pieces) {
    int mark = Pieces.mark(pieces);
    int g = Noise.GREETINGS.longestAt(c, 0, c.size);
    if (g > 0) {
      // The longest run of names first, then shorter ones: "Hi, Let's connect" has none.
      for (int end = addressEnd(c, g, sender, recipient); end >= g; end--) {
        Pieces.add(pieces, Kind.GREETING, 0, g, Noise.GREETINGS.languagesOf(c, 0, g));
        Pieces.add(pieces, Kind.NAME, g, end, 0);
        int rest = trailer(c, end, sender, recipient, 0, pieces);
        if (rest != INVALID) {
          return GREETING | rest;
        }
        Pieces.reset(pieces, mark);
      }
    }
    // The recipient's or sender's name as the address: "Marta, ...", "Ms. Nowak!", or before
    // the greeting word, as in Chinese: "李明，你好！"
    int name = nameRun(c, 0, sender, recipient);
    if (name > 0) {
      int after = Noise.GREETINGS.longestAt(c, name, c.size);
      for (int end : after > 0 ? new int[] {name + after, name} : new int[] {name}) {
        if (end == c.size || c.breakBefore(end) != 0 || end > name) {
          Pieces.add(pieces, Kind.NAME, 0, name, 0);
          Pieces.add(pieces, Kind.GREETING, name, end, Noise.GREETINGS.languagesOf(c, name, end));
          int rest = trailer(c, end, sender, recipient, 0, pieces);
          if (rest != INVALID) {
            return (end > name ? GREETING : NAME) | rest;
          }
          Pieces.reset(pieces, mark);
        }
      }
    }
    int whole = trailer(c, 0, sender, recipient, 0, pieces);
    if (whole > 0) {
      return whole;
    }
    Pieces.reset(pieces, mark);
    return INVALID;
  }

  /**
   * Length of the run of the recipient's or sender's name words, with titles and particles, from
   * {@code from} ("Ms. Nowak", "李总"); 0 when it holds no name word.
   */
  private static int nameRun(Canonical c, int from, PersonName sender, PersonName recipient) {
    int end = from;
    int last = Noise.namesEnd(c, from);
    boolean named = false;
    while (end < last) {
      boolean nameWord = recipient.contains(c, end) || sender.contains(c, end);
      if (!nameWord && !Noise.isTitle(c, end)
          && !(end > from && Noise.CONNECTORS.contains(c, end))) {
        break;
      }
      named |= nameWord;
      end++;
    }
    return named ? end - from : 0;
  }

  /**
   * End of the longest run of names after a greeting word ending at {@code g} ("Hi Marta", "Dear
   * Ms. Kowalczyk"). With the recipient's name known, only its words stand as names here: "Hi
   * KubeCon folks" says where they met.
   */
  private static int addressEnd(Canonical c, int g, PersonName sender, PersonName recipient) {
    int end = g;
    int last = Noise.namesEnd(c, g);
    while (end < last
        && addressName(c, end, end > g, sender, recipient)
        && !(end > g && c.breakBefore(end) != 0 && !Noise.isTitle(c, end - 1))) {
      end++;
    }
    return end;
  }

  /** True when token {@code k} may be part of the name after a greeting in a generic note. */
  private static boolean addressName(
      Canonical c, int k, boolean notFirst, PersonName sender, PersonName recipient) {
    if (Noise.isTitle(c, k) || Noise.FILLERS.contains(c, k)
        || (notFirst && Noise.CONNECTORS.contains(c, k))) {
      return true;
    }
    if (!recipient.isEmpty()) {
      return recipient.contains(c, k) || recipient.isInitial(c, k) && c.capital(k);
    }
    return sender.contains(c, k) || strictName(c, k)
        || (!notFirst && !anyCapital(c) && plainWord(c, k));
  }

  // ---- before a default text ------------------------------------------------------------

  /**
   * Classifies tokens before {@code start}: NONE, GREETING, PLEASANTRY (pleasantries or requests,
   * REQUEST added for requests), or INVALID. Pleasantries must cover the tokens right up to the
   * default text; before them only a greeting.
   */
  static int prefix(
      Canonical c,
      int start,
      boolean namedLead,
      int prefixLimit,
      PersonName sender,
      PersonName recipient,
      Pieces pieces) {
    if (start == 0) {
      return NONE;
    }
    int mark = Pieces.mark(pieces);
    int greeting = greeting(c, start, namedLead, sender, recipient, pieces);
    if (greeting != INVALID) {
      return greeting;
    }
    int maxHead = start - 1;
    for (int head = 0; head <= maxHead; head++) {
      if (!startsPleasantry(c, head)) {
        continue;
      }
      int g = head == 0 ? NONE : greeting(c, head, namedLead, sender, recipient, pieces);
      if (g != INVALID) {
        int found = pleasantries(c, head, start, Noise.MAX_LEADING_PLEASANTRIES, pieces);
        if (found != INVALID) {
          return g | found;
        }
      }
      Pieces.reset(pieces, mark);
    }
    return INVALID;
  }

  private static boolean startsPleasantry(Canonical c, int k) {
    return Noise.PLEASANTRIES.isFirstWord(c, k) || Noise.REQUESTS.isFirstWord(c, k);
  }

  /**
   * Flags (PLEASANTRY, with REQUEST for a request) when tokens {@code from..to} are exactly one to
   * {@code max} pleasantries and requests; NONE when empty; else INVALID.
   */
  private static int pleasantries(Canonical c, int from, int to, int max, Pieces pieces) {
    if (from == to) {
      return NONE;
    }
    if (max == 0 || !startsPleasantry(c, from)) {
      return INVALID;
    }
    int mark = Pieces.mark(pieces);
    // Every length that matches, not just the longest: "thanks" + "hope you are well".
    for (int k = from; k < to && k - from < Noise.MAX_PLEASANTRY_WORDS; k++) {
      long pleasantry = Noise.PLEASANTRIES.languagesOf(c, from, k + 1);
      long request = pleasantry != 0 ? 0 : Noise.REQUESTS.languagesOf(c, from, k + 1);
      if (pleasantry == 0 && request == 0) {
        continue;
      }
      Pieces.add(pieces, pleasantry != 0 ? Kind.PLEASANTRY : Kind.REQUEST, from, k + 1,
          pleasantry | request);
      int more = pleasantries(c, k + 1, to, max - 1, pieces);
      if (more != INVALID) {
        return more | PLEASANTRY | (request != 0 ? REQUEST : 0);
      }
      Pieces.reset(pieces, mark);
    }
    return INVALID;
  }

  /** Tokens {@code 0..start} as a greeting alone: NONE (none), GREETING or INVALID. */
  private static int greeting(
      Canonical c,
      int start,
      boolean namedLead,
      PersonName sender,
      PersonName recipient,
      Pieces pieces) {
    if (start == 0) {
      return NONE;
    }
    int g = Noise.GREETINGS.longestAt(c, 0, start);
    if (g > 0
        && start <= Noise.namesEnd(c, g)
        && greetingNames(c, g, start, sender, recipient)) {
      Pieces.add(pieces, Kind.GREETING, 0, g, Noise.GREETINGS.languagesOf(c, 0, g));
      Pieces.add(pieces, Kind.NAME, g, start, 0);
      return GREETING;
    }
    if (nameRun(c, 0, sender, recipient) == start) {
      Pieces.add(pieces, Kind.NAME, 0, start, 0);
      return GREETING; // a name as the address, or the sender's own as in the group form
    }
    // Names before the greeting word, as Chinese and Japanese put them: "李明，你好", "田中様こんにちは"
    for (int j = 1, last = Noise.namesEnd(c, 0); j < start && j <= last; j++) {
      if (Noise.GREETINGS.languagesOf(c, j, start) != 0
          && greetingNames(c, 0, j, sender, recipient)) {
        Pieces.add(pieces, Kind.NAME, 0, j, 0);
        Pieces.add(pieces, Kind.GREETING, j, start, Noise.GREETINGS.languagesOf(c, j, start));
        return GREETING;
      }
    }
    int maxBare = namedLead ? Noise.namesEnd(c, 0) : 2;
    if (start <= maxBare && (namedLead || (c.breakBefore(start) & Canonical.COMMA) != 0)) {
      boolean names = true;
      for (int k = 0; k < start && names; k++) {
        names =
            strictName(c, k)
                || (k > 0 && Noise.CONNECTORS.contains(c, k))
                // no case signal at all: one plain word before a comma ("anna, ...")
                || (start == 1 && !anyCapital(c) && plainWord(c, k));
      }
      if (names) {
        Pieces.add(pieces, Kind.NAME, 0, start, 0);
        return GREETING;
      }
    }
    return INVALID;
  }

  /** True when tokens {@code from..to} can be the names after a greeting word. */
  private static boolean greetingNames(
      Canonical c, int from, int to, PersonName sender, PersonName recipient) {
    int lowerCase = 0;
    for (int k = from; k < to; k++) {
      if (Noise.isTitle(c, k) || Noise.FILLERS.contains(c, k)
          || sender.contains(c, k) || recipient.contains(c, k)) {
        continue;
      }
      if (k > from && Noise.CONNECTORS.contains(c, k)) {
        continue;
      }
      if (strictName(c, k)) {
        continue;
      }
      // A writer who never uses capitals gives no case signal: allow one plain word as the name.
      if (!c.capital(k) && !anyCapital(c) && plainWord(c, k) && ++lowerCase <= 1) {
        continue;
      }
      return false;
    }
    return true;
  }

  /** End of the greeting for template keys: greeting word and names, or a bare "Anna,". */
  static int greetingEnd(Canonical c, PersonName sender, PersonName recipient) {
    int g = Noise.GREETINGS.longestAt(c, 0, c.size);
    if (g > 0) {
      int end = g;
      int last = Noise.namesEnd(c, g);
      while (end < last
          && greetingNames(c, end, end + 1, sender, recipient)
          && !(end > g && c.breakBefore(end) != 0 && !Noise.isTitle(c, end - 1))) {
        end++;
      }
      return end;
    }
    if (c.size > 2
        && (strictName(c, 0) || recipient.contains(c, 0))
        && (c.breakBefore(1) & Canonical.COMMA) != 0) {
      return 1;
    }
    return 0;
  }

  // ---- after a default text, or after the greeting of a generic note ---------------------

  /**
   * Classifies tokens from {@code from} to the end: a combination of SIGN_OFF, PLEASANTRY, REQUEST,
   * NAME and SIGNATURE flags (NONE when there is nothing), or INVALID when they contain content.
   */
  static int trailer(
      Canonical c, int from, PersonName sender, PersonName recipient, int depth, Pieces pieces) {
    if (from >= c.size) {
      return NONE;
    }
    if (!mayStartTrailer(c, from, sender, recipient)) {
      return INVALID;
    }
    int titled = from;
    while (titled < c.size && titled - from < 2 && Noise.isTitle(c, titled)) {
      titled++; // "Dr. John Smith"
    }
    int name = sender.prefixMatch(c, titled, c.size);
    if (name > 0) {
      int rest = titled + name;
      if (rest == c.size
          || (c.breakBefore(rest) != 0
              && Signature.spans(c, rest, c.size, sender, true, true))) {
        Pieces.add(pieces, Kind.SIGNATURE, from, c.size, 0);
        return SIGNATURE;
      }
      // A sign-off after the name, as Chinese and Japanese letters end: "吳建宏 敬上"
      int s = Noise.SIGN_OFFS.longestAt(c, rest, c.size);
      if (s > 0 && rest + s == c.size) {
        Pieces.add(pieces, Kind.SIGNATURE, from, rest, 0);
        Pieces.add(pieces, Kind.SIGN_OFF, rest, c.size, Noise.SIGN_OFFS.languagesOf(c, rest, c.size));
        return SIGNATURE | SIGN_OFF;
      }
    }
    if (depth < Noise.MAX_SIGN_OFFS) {
      int mark = Pieces.mark(pieces);
      // A sign-off first ("Thanks!" stays a sign-off), then a pleasantry ("Thanks for
      // connecting"), then a request ("Let's connect").
      int found = piece(c, from, Noise.SIGN_OFFS, Kind.SIGN_OFF, SIGN_OFF, true, sender, recipient, depth, pieces);
      if (found == INVALID) {
        // A second greeting ("Hi 大家好", "光さん、はじめまして！")
        found = piece(c, from, Noise.GREETINGS, Kind.GREETING, GREETING, false, sender, recipient, depth, pieces);
      }
      if (found == INVALID) {
        found = piece(c, from, Noise.PLEASANTRIES, Kind.PLEASANTRY, PLEASANTRY, false, sender, recipient, depth, pieces);
      }
      if (found == INVALID) {
        found = piece(c, from, Noise.REQUESTS, Kind.REQUEST, REQUEST, false, sender, recipient, depth, pieces);
      }
      if (found != INVALID) {
        return found;
      }
      int called = recipient.prefixMatch(c, from, c.size);
      if (called > 0 && (from + called == c.size || c.breakBefore(from + called) != 0)) {
        Pieces.add(pieces, Kind.NAME, from, from + called, 0);
        int more = trailer(c, from + called, sender, recipient, depth + 1, pieces);
        if (more != INVALID) {
          return NAME | more;
        }
        Pieces.reset(pieces, mark);
      }
    }
    if ((c.breakBefore(from) & Canonical.DASH) != 0
        && Signature.spans(c, from, c.size, sender, false, true)) {
      Pieces.add(pieces, Kind.SIGNATURE, from, c.size, 0);
      return SIGNATURE;
    }
    if ((c.breakBefore(from) & Canonical.NEWLINE) != 0 && bareName(c, from)
        && Signature.signedBySender(c, from, c.size, sender)) {
      Pieces.add(pieces, Kind.SIGNATURE, from, c.size, 0);
      return SIGNATURE; // a name alone on the last line
    }
    return INVALID;
  }

  /**
   * False where no trailer can begin: every part of one begins with a title, a name, the first
   * word of a sign-off, greeting, pleasantry or request, or after a dash or line break. One look-up
   * and two name comparisons, where trying each part takes eight look-ups; a mass template's key
   * tries every token of a note's end, and most are none of these.
   */
  private static boolean mayStartTrailer(Canonical c, int from, PersonName sender, PersonName recipient) {
    return Noise.TRAILER_STARTS.contains(c, from)
        || sender.contains(c, from)
        || recipient.contains(c, from)
        || (c.breakBefore(from) & (Canonical.DASH | Canonical.NEWLINE)) != 0;
  }

  /**
   * The longest of {@code sequences} at {@code from}, recorded as a {@code kind} piece, and what
   * follows it: {@code flag} with the flags of what follows, or INVALID (nothing recorded).
   */
  private static int piece(
      Canonical c,
      int from,
      WordSequences sequences,
      Kind kind,
      int flag,
      boolean afterSignOff,
      PersonName sender,
      PersonName recipient,
      int depth,
      Pieces pieces) {
    int length = sequences.longestAt(c, from, c.size);
    if (length == 0) {
      return INVALID;
    }
    int mark = Pieces.mark(pieces);
    Pieces.add(pieces, kind, from, from + length, sequences.languagesOf(c, from, from + length));
    int more = afterPiece(c, from + length, sender, recipient, depth, afterSignOff, pieces);
    if (more == INVALID) {
      Pieces.reset(pieces, mark);
      return INVALID;
    }
    return flag | more;
  }

  /**
   * What may follow a sign-off, pleasantry or request at {@code rest}: flags, or INVALID. The
   * recipient's name may follow at once ("Thanks Marta"); anything else only after a break
   * ("Cheers for the beer" is content).
   */
  private static int afterPiece(
      Canonical c,
      int rest,
      PersonName sender,
      PersonName recipient,
      int depth,
      boolean afterSignOff,
      Pieces pieces) {
    if (rest == c.size) {
      return NONE;
    }
    int flags = NONE;
    int called = recipient.prefixMatch(c, rest, c.size);
    if (called > 0
        && joined(c, rest)
        && (rest + called == c.size || !joined(c, rest + called))) {
      Pieces.add(pieces, Kind.NAME, rest, rest + called, 0);
      rest += called;
      flags = NAME;
      if (rest == c.size) {
        return flags;
      }
    }
    if (joined(c, rest)) {
      // The sender's name may follow at once ("Mvh Johan", "LG Lena", "此致 敬礼 吴芳"); anything
      // else is content: "Best regards from the Lisbon JUG team", "Cheers for the beer".
      int name = sender.prefixMatch(c, rest, c.size);
      if (name > 0 && (rest + name == c.size
          || c.breakBefore(rest + name) != 0
              && Signature.spans(c, rest + name, c.size, sender, true, true))) {
        Pieces.add(pieces, Kind.SIGNATURE, rest, c.size, 0);
        return flags | SIGNATURE;
      }
      return INVALID;
    }
    // Words without case after a sign-off may be a name, but not letters of Thai or Chinese on
    // the same line: "ขอบคุณสำหรับคำแนะนำ" is "thanks" and then what for.
    boolean uncasedNames = onItsOwn(c, rest) || afterSignOff && !c.alone(rest);
    if (Signature.spans(c, rest, c.size, sender, false, uncasedNames)) {
      Pieces.add(pieces, Kind.SIGNATURE, rest, c.size, 0);
      return flags | SIGNATURE;
    }
    int more = trailer(c, rest, sender, recipient, depth + 1, pieces);
    return more > 0 ? flags | more : INVALID;
  }

  /**
   * True when token {@code k} follows the one before within a phrase: no separator between them,
   * in a script that puts spaces between words ("Cheers for the beer"). Between letters of Thai
   * or Chinese, where nothing separates words, pieces may follow each other at once.
   */
  private static boolean joined(Canonical c, int k) {
    return c.breakBefore(k) == 0 && !(c.alone(k - 1) && c.alone(k));
  }

  /** True when token {@code k} begins a line, or follows a dash or bar. */
  private static boolean onItsOwn(Canonical c, int k) {
    return (c.breakBefore(k) & (Canonical.NEWLINE | Canonical.DASH)) != 0;
  }

  /**
   * True when the tokens from {@code from} to the end are one to three capitalised names and
   * nothing else. Only trusted on a line of their own: "Great Talk" after a full stop is content.
   */
  private static boolean bareName(Canonical c, int from) {
    if (c.size - from > 3) {
      return false;
    }
    for (int k = from; k < c.size; k++) {
      if (!strictName(c, k) || (k > from && c.breakBefore(k) != 0)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A capitalised alphabetic word (or one of a script without case) that is neither a sentence
   * word, greeting nor sign-off.
   */
  static boolean strictName(Canonical c, int k) {
    return (c.capital(k) || c.uncased(k))
        && isAlphabetic(c, k)
        && !Noise.isSentenceWord(c, k)
        && !Noise.GREETINGS.contains(c, k)
        && !Noise.SIGN_OFFS.contains(c, k);
  }

  /** A lower-case word that could be a name when the writer ignores case. */
  private static boolean plainWord(Canonical c, int k) {
    return isAlphabetic(c, k)
        && !Noise.isSentenceWord(c, k)
        && !Noise.GREETINGS.contains(c, k)
        && !Noise.SIGN_OFFS.contains(c, k)
        && !Noise.CONNECTORS.contains(c, k);
  }

  static boolean anyCapital(Canonical c) {
    for (int k = 0; k < c.size; k++) {
      if (c.capital(k)) {
        return true;
      }
    }
    return false;
  }

  static boolean isAlphabetic(Canonical c, int k) {
    for (int i = 0; i < c.tokenLength(k); i++) {
      if (Character.isDigit(c.charAt(k, i))) {
        return false;
      }
    }
    return true;
  }
}
