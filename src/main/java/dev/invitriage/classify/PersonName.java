package dev.invitriage.classify;

/**
 * A person's name, the sender's or the recipient's, in canonical tokens, with which of them are
 * name words (not titles or particles such as "Dr." or "von") and their initials. Any word of a
 * name counts as a name where a name stands (a greeting, a sign-off, a signature), even an
 * ordinary word such as "Will" or "Hope": where it stands, not what it means, makes it a name.
 *
 * <p>One per thread and role, remade in place for each new name: most notes come from a name not
 * seen before, and making a name's words anew for each was most of what judging a default
 * allocated. The sender's tokens live in the thread's name workspace ({@link Canonical#ofName});
 * the recipient's, mostly the same for a whole inbox, are copied. NONE is never remade.
 */
final class PersonName {
  /** Most words of a name that count (a letter of Thai a third of one); more are ignored. */
  static final int MAX_WORDS = 8;

  static final PersonName NONE = new PersonName(false);

  private final boolean inWorkspace;
  private String raw = "";
  private Canonical words = Canonical.of("", MAX_WORDS);
  private int nameWords;
  /** The first letters of the name words ("bc" for Ben Carter); empty for a one-word name. */
  private String initials = "";

  private PersonName(boolean inWorkspace) {
    this.inWorkspace = inWorkspace;
  }

  private static final ThreadLocal<PersonName> SENDER =
      ThreadLocal.withInitial(() -> new PersonName(true));
  private static final ThreadLocal<PersonName> RECIPIENT =
      ThreadLocal.withInitial(() -> new PersonName(false));

  /** The sender's name, valid until the next call on the same thread. */
  static PersonName sender(String raw) {
    return of(SENDER, raw);
  }

  /** The recipient's name, valid until the next call on the same thread. */
  static PersonName recipient(String raw) {
    return of(RECIPIENT, raw);
  }

  private static PersonName of(ThreadLocal<PersonName> role, String raw) {
    if (raw == null || raw.isBlank()) {
      return NONE;
    }
    PersonName name = role.get();
    if (!raw.equals(name.raw)) {
      name.raw = raw;
      name.words = null; // read when first asked: many notes are judged without it
    }
    return name;
  }

  /** The name's words, read from the raw name if not yet. */
  private Canonical words() {
    if (words == null) {
      set(raw);
    }
    return words;
  }

  /**
   * {@code sender(raw).length()}, at most MAX_WORDS, without remaking the sender's name for a new
   * name.
   */
  static int senderWords(String raw) {
    if (raw == null || raw.isBlank()) {
      return 0;
    }
    PersonName last = SENDER.get();
    // At most MAX_WORDS, though a name of Thai or Chinese letters has up to three tokens a word.
    if (raw.equals(last.raw) && last.words != null) {
      return Math.min(MAX_WORDS, last.length());
    }
    return Math.min(MAX_WORDS, Canonical.sizeOf(bounded(raw), MAX_WORDS));
  }

  private void set(String raw) {
    Canonical c = inWorkspace
        ? Canonical.ofName(bounded(raw), MAX_WORDS)
        : Canonical.of(bounded(raw), MAX_WORDS);
    // Titles and particles in a name ("Dr.", "von") must not make such words name-like; a
    // particle written with a capital is a name ("Lê Thị Hoa", "Le Guen").
    int nameWords = 0;
    for (int k = 0; k < c.size; k++) {
      boolean particle = Noise.CONNECTORS.contains(c, k) && !c.capital(k);
      if (!Noise.TITLES.contains(c, k) && !particle && !c.link(k)) {
        nameWords |= 1 << k;
      }
    }
    this.raw = raw;
    this.words = c;
    this.nameWords = nameWords;
    this.initials = null;
  }

  /** The initials, made when first asked: most names are never asked for them. */
  private String initials() {
    if (initials == null) {
      StringBuilder first = new StringBuilder();
      for (int k = 0; k < words.size; k++) {
        if ((nameWords & 1 << k) != 0) {
          first.append(words.charAt(k, 0));
        }
      }
      initials = first.length() > 1 ? first.toString() : "";
    }
    return initials;
  }

  /** Bounded: a pathological "name" must not make every note expensive. */
  private static String bounded(String raw) {
    return raw.length() > 200 ? raw.substring(0, 200) : raw;
  }

  /** The number of words in the name. */
  int length() {
    return words().size;
  }

  boolean isEmpty() {
    words();
    return nameWords == 0;
  }

  /** True when token {@code k} of the note is one of the name words, or a form of one. */
  boolean contains(Canonical c, int k) {
    Canonical words = words();
    for (int j = 0; j < words.size; j++) {
      if ((nameWords & 1 << j) != 0 && c.sameToken(k, words, j)) {
        return true;
      }
    }
    // Only the recipient is addressed, so only their name is declined (the sender signs with
    // theirs as it is); a Korean given name stands alone or with an honorific for either.
    return nameWords != 0 && (!inWorkspace && inflected(c, k) || honoured(c, k));
  }

  /**
   * True when token {@code k} is a Korean name word, or its given name, with an honorific
   * written on ("하늘님", "김하늘씨" for 김하늘): Korean writes them as one word.
   */
  private boolean honoured(Canonical c, int k) {
    int length = c.tokenLength(k);
    if (!isJamo(c.charAt(k, 0))) {
      return false;
    }
    for (int j = 0; j < words.size; j++) {
      int wordLength = words.tokenLength(j);
      if ((nameWords & 1 << j) == 0 || !isJamo(words.charAt(j, 0))) {
        continue;
      }
      // The family name is the first syllable: the given name begins at the next initial.
      int given = 1;
      while (given < wordLength && !isInitialJamo(words.charAt(j, given))) {
        given++;
      }
      for (int skip : new int[] {0, given}) {
        int part = wordLength - skip;
        if (part <= 0 || part > length || (skip > 0 && part == wordLength)) {
          continue;
        }
        boolean same = true;
        for (int i = 0; i < part && same; i++) {
          same = c.charAt(k, i) == words.charAt(j, skip + i);
        }
        if (same && (part == length
            || Noise.TITLES.containsWord(c.token(k).substring(part)))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Hangul as NFKD spells it: conjoining letters (jamo). */
  private static boolean isJamo(char ch) {
    return ch >= 0x1100 && ch <= 0x11FF;
  }

  /** A jamo that begins a syllable. */
  private static boolean isInitialJamo(char ch) {
    return ch >= 0x1100 && ch <= 0x1112;
  }

  /**
   * True when token {@code k} is a name word with another ending: Polish, Czech, Ukrainian and
   * other languages address people in the vocative ("Pani Katarzyno", "pane Nováku", "Олеже"
   * for Katarzyna, Novák, Олег). Both at least four letters, the same up to the last letter of
   * the shorter, or its last but one, and at most two letters apart in length.
   */
  private boolean inflected(Canonical c, int k) {
    int length = c.tokenLength(k);
    if (length < MIN_INFLECTED || c.uncased(k) || c.link(k)) {
      return false;
    }
    for (int j = 0; j < words.size; j++) {
      int wordLength = words.tokenLength(j);
      if ((nameWords & 1 << j) == 0 || wordLength < MIN_INFLECTED
          || Math.abs(wordLength - length) > 2) {
        continue;
      }
      int shorter = Math.min(length, wordLength);
      int same = 0;
      while (same < shorter && c.charAt(k, same) == words.charAt(j, same)) {
        same++;
      }
      if (same >= shorter - 1) {
        return true;
      }
    }
    return false;
  }

  private static final int MIN_INFLECTED = 4;

  /**
   * True when token {@code k} is the name's initials ("BC", or "B" and "C" apart) or one initial:
   * only ever asked where a signature stands.
   */
  boolean isInitial(Canonical c, int k) {
    Canonical words = words();
    int length = c.tokenLength(k);
    if (length == 1) {
      for (int j = 0; j < words.size; j++) {
        if ((nameWords & 1 << j) != 0 && words.charAt(j, 0) == c.charAt(k, 0)) {
          return true;
        }
      }
      return false;
    }
    return length > 1 && c.tokenEquals(k, initials());
  }

  /**
   * True when token {@code k} begins as a name word does, four letters or more: how people sign
   * with the short form of their name ("Bartek" for Bartosz, "Alex" for Alexander).
   */
  boolean isShortForm(Canonical c, int k) {
    Canonical words = words();
    int length = c.tokenLength(k);
    if (length < 4 || c.uncased(k)) {
      return false;
    }
    for (int j = 0; j < words.size; j++) {
      if ((nameWords & 1 << j) == 0 || words.tokenLength(j) < 4) {
        continue;
      }
      int same = 0;
      while (same < 4 && c.charAt(k, same) == words.charAt(j, same)) {
        same++;
      }
      if (same == 4) {
        return true;
      }
    }
    return false;
  }

  /** Length of the longest run of the name words starting at {@code from}. */
  int prefixMatch(Canonical c, int from, int to) {
    int k = from;
    while (k < to && k - from < length() && contains(c, k)) {
      k++;
    }
    return k - from;
  }
}
