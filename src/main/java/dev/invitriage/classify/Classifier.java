package dev.invitriage.classify;

import dev.invitriage.domain.MessageClassifier;
import dev.invitriage.domain.Classification;
import dev.invitriage.domain.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether an invitation's note is LinkedIn's default text (an offender), empty (also an
 * offender) or personal.
 *
 * <p>How it works: the note is normalised once into canonical tokens ({@link Canonical}), keeping
 * per token only whether it was capitalised and which separators preceded it. A known default
 * text ({@link PhraseTable}) must then start within the first few tokens, after nothing but a
 * greeting ("Hello Dr. Smith -") or a bare name ("Anna,") and generic pleasantries ("hope you are
 * well"), and be followed by nothing but sign-offs, pleasantries ("Thanks for connecting") and a
 * name-like signature or the sender's name. A signature follows a sign-off, a dash or the
 * sender's name and may hold names, job-title and company words, phone numbers, e-mail addresses
 * and URLs ("Best regards, John Smith | Senior Recruiter at Acme Corp | +1 555 0100 |
 * john@acme.example"), but no sentence word. Pleasantries are a closed list of exact forms, so
 * "hope you are well after the surgery" is content. Greetings, pleasantries and signatures are
 * recognised by word lists and capitalisation ({@link Noise}); any sentence word in them makes the
 * note personal, because calling a personal note a default is the worst mistake this class can
 * make. Notes with more tokens than any default with its largest allowed noise are personal
 * without a trie walk.
 *
 * <p>Speed: a quarter of a million notes a second was not enough for imports and views of a large
 * inbox. Most notes are personal and say so in their first words, so a note is tokenised once,
 * without a string per word, and the sender's name is read only when a default text is found near
 * the note's start (or, for a long note, only its number of words). Judging allocates almost
 * nothing: buffers are reused per thread ({@link Canonical#ofNote}, {@link PhraseTable.Matches}),
 * and verdicts that recur are made once.
 *
 * <p>Instances are safe to share between threads: the sender's name is kept per thread, and the
 * only mutable field caches the verdicts of defaults, immutable records, so a race costs at most
 * a recomputation.
 */
public final class Classifier implements MessageClassifier {
  private static final Classification NO_MESSAGE =
      new Classification(Verdict.EMPTY, "no message");
  private static final Classification EMPTY_MESSAGE =
      new Classification(Verdict.EMPTY, "empty message");
  private static final Classification ONLY_SYMBOLS =
      new Classification(Verdict.PERSONAL, "personal: symbols or punctuation but no words");
  private static final Classification NO_DEFAULT =
      new Classification(Verdict.PERSONAL, "personal: matches no default text");

  /** Trailer flags. */
  private static final int SIGN_OFF = 1;

  private static final int SIGNATURE = 2;
  /** A pleasantry, in the trailer or (as a prefix flag) before the default text. */
  private static final int PLEASANTRY = 4;

  private static final int INVALID = -1;

  /** Prefix flags. */
  private static final int NO_PREFIX = 0;

  private static final int GREETING = 1;

  private final PhraseTable table;

  private final String fingerprint;

  /**
   * The verdicts of notes too long for a default text, by the number of words in the sender's
   * name: the same few reasons for many notes, made once rather than for each.
   */
  private final Classification[] noDefaultNearStart = new Classification[MAX_SENDER_WORDS + 1];

  private final Classification[] longerThanAnyDefault = new Classification[MAX_SENDER_WORDS + 1];

  /** By phrase number and noise flags (see defaultVerdict); filled as they are first needed. */
  private final Classification[][] defaultVerdicts;

  private Classifier(PhraseTable table, String fingerprint) {
    this.table = table;
    this.fingerprint = fingerprint;
    this.defaultVerdicts = new Classification[table.phrases().size()][16];
    for (int words = 0; words <= MAX_SENDER_WORDS; words++) {
      noDefaultNearStart[words] =
          new Classification(
              Verdict.PERSONAL,
              "personal: more than "
                  + (prefixLimit(words) + table.maxLength())
                  + " words, and no default text near the start");
      longerThanAnyDefault[words] =
          new Classification(
              Verdict.PERSONAL,
              "personal: more than "
                  + (table.maxLength() + noiseLimit(words))
                  + " words, longer than any default text with greeting and signature");
    }
  }

  /**
   * Built-in phrases from the resource file plus the user's own phrases (each a default text, may
   * be empty list).
   */
  public static Classifier create(List<String> userPhrases) {
    PhraseTable table = PhraseTable.builtIn();
    int number = 0;
    for (String phrase : userPhrases == null ? List.<String>of() : userPhrases) {
      number++;
      if (phrase != null) {
        table.add("user phrase " + number, phrase);
      }
    }
    return new Classifier(table, fingerprintOf(userPhrases));
  }

  /**
   * The classifier {@link #create} would make, built on its first use instead of now: opening a
   * store needs only the fingerprint, and commands such as {@code stats} judge no note (building
   * the phrase tables was 80 ms of a 1.1 s cold {@code stats}).
   */
  public static MessageClassifier onFirstUse(List<String> userPhrases) {
    List<String> phrases = userPhrases == null ? null : new ArrayList<>(userPhrases);
    String fingerprint = fingerprintOf(phrases);
    return new MessageClassifier() {
      private volatile Classifier built;

      private Classifier built() {
        Classifier c = built;
        if (c == null) {
          synchronized (this) {
            c = built;
            if (c == null) {
              c = create(phrases);
              built = c;
            }
          }
        }
        return c;
      }

      @Override
      public Classification classify(String message, String senderName) {
        return built().classify(message, senderName);
      }

      @Override
      public String templateKey(String message, String senderName) {
        return built().templateKey(message, senderName);
      }

      @Override
      public String fingerprint() {
        return fingerprint;
      }
    };
  }

  private static String fingerprintOf(List<String> userPhrases) {
    StringBuilder fingerprint = new StringBuilder("rules ").append(RULES_VERSION);
    for (String phrase : userPhrases == null ? List.<String>of() : userPhrases) {
      if (phrase != null) {
        fingerprint.append('\n').append(phrase);
      }
    }
    return fingerprint.toString();
  }

  /**
   * Bump whenever a change to the rules or the built-in phrases can change any verdict: stores
   * compare it (with the user's phrases) to know when to judge their invitations again.
   */
  static final int RULES_VERSION = 2;

  @Override
  public String fingerprint() {
    return fingerprint;
  }

  /**
   * Verdict DEFAULT, EMPTY or PERSONAL (never TEMPLATE: that is decided inbox-wide by the caller)
   * and a reason. senderName may be "" (used to recognise greetings/signatures naming the sender).
   */
  public Classification classify(String message, String senderName) {
    if (message == null || message.isEmpty()) {
      return NO_MESSAGE;
    }
    if (message.isBlank()) {
      return EMPTY_MESSAGE; // as Canonical would find, but without reading the sender's name
    }
    // A default text starts within the first prefixLimit tokens, so it lies wholly within the
    // first `reach` tokens. Most long notes are personal: tokenise only that far first, and go
    // on to the full bound only when a default text is found there. The bound grows with the
    // sender's name only beyond a greeting's six words, and most notes are judged without reading
    // the name: a note tokenised whole, with no default text near its start whatever the name,
    // is personal; a longer note needs only the number of words in the name.
    int reach = prefixLimit(0) + table.maxLength();
    // The note's tokens stay in this thread's workspace (see Canonical.ofNote): each Canonical
    // below replaces the one before, and nothing else here uses ofNote.
    Canonical c = Canonical.ofNote(message, reach);
    int senderWords = 0;
    if (c.overflow) {
      senderWords = senderWords(senderName);
      if (prefixLimit(senderWords) + table.maxLength() != reach) {
        reach = prefixLimit(senderWords) + table.maxLength();
        c = Canonical.ofNote(message, reach);
      }
    }
    if (!c.visible) {
      return EMPTY_MESSAGE;
    }
    if (c.size == 0) {
      return ONLY_SYMBOLS;
    }
    if (!c.overflow) {
      // Whatever the sender's name, judge looks at no later start than this: with no default
      // text there, the note is personal and the name is not needed.
      int first = firstDefaultStart(c, MAX_PREFIX_LIMIT);
      return first < 0 ? NO_DEFAULT : judge(c, sender(senderName), first);
    }
    if (firstDefaultStart(c, prefixLimit(senderWords)) < 0) {
      return noDefaultNearStart[senderWords]; // "more than `reach` words, ..."
    }
    SenderName sender = sender(senderName);
    c = Canonical.ofNote(message, tokenLimit(sender));
    if (c.overflow) {
      return longerThanAnyDefault[senderWords]; // "more than tokenLimit words, ..."
    }
    return judge(c, sender, 0);
  }

  /**
   * The first of the first {@code prefixLimit} tokens at which some default text starts, or -1:
   * judging may begin there, as it finds nothing before.
   */
  private int firstDefaultStart(Canonical c, int prefixLimit) {
    int maxStart = Math.min(c.size - 1, prefixLimit);
    for (int start = 0; start <= maxStart; start++) {
      if (table.canStartWith(c, start) && table.matchesAt(c, start).size() > 0) {
        return start;
      }
    }
    return -1;
  }

  /**
   * For mass-template detection: the message normalised with greetings, names, sign-offs, case,
   * punctuation, whitespace, emoji and apostrophe noise removed, so that the same template sent by
   * different people gives the same key. Returns "" for messages that classify as EMPTY or
   * DEFAULT.
   */
  public String templateKey(String message, String senderName) {
    if (message == null || message.isEmpty()) {
      return "";
    }
    SenderName sender = sender(senderName);
    Canonical c = Canonical.of(message, Integer.MAX_VALUE);
    if (c.size == 0) {
      return "";
    }
    if (c.size <= tokenLimit(sender) && judge(c, sender, 0).verdict() != Verdict.PERSONAL) {
      return "";
    }
    int from = greetingEnd(c, sender);
    int to = c.size;
    int earliest = Math.max(from + 1, c.size - trailerLimit(sender));
    for (int k = earliest; k < c.size; k++) {
      if (trailer(c, k, sender, 0) > 0) {
        to = k;
        break;
      }
    }
    StringBuilder key = new StringBuilder();
    for (int k = from; k < to; k++) {
      if (c.capital(k) && sender.contains(c, k)) {
        continue; // the sender introducing themselves by name
      }
      if (key.length() > 0) {
        key.append(' ');
      }
      key.append(c.token(k));
    }
    return key.toString();
  }

  /** The verdict, looking for default texts from token {@code firstStart} on (none before). */
  private Classification judge(Canonical c, SenderName sender, int firstStart) {
    int maxStart = Math.min(c.size - 1, prefixLimit(sender));
    Classification nearMiss = null;
    for (int start = firstStart; start <= maxStart; start++) {
      if (!table.canStartWith(c, start)) {
        continue;
      }
      // Read before the next matchesAt: nothing below calls it.
      PhraseTable.Matches matches = table.matchesAt(c, start);
      // Longest match first: "... network on LinkedIn" before "... network". Counted upwards
      // because C2 guarded the same loop counting down with a check that failed at once, which
      // threw the compiled judge away for a second compile of about a second in a run's first
      // seconds (seen as a loop_limit_check deoptimisation in JFR).
      int count = matches.size();
      for (int n = 0; n < count; n++) {
        int i = count - 1 - n;
        Phrase phrase = matches.phrase(i);
        int end = matches.end(i);
        if (c.size - (end - start) > noiseLimit(sender)) {
          if (nearMiss == null) {
            nearMiss =
                personal(
                    "more than " + noiseLimit(sender) + " words around the default text", phrase);
          }
          continue;
        }
        int prefix = prefix(c, start, phrase, sender);
        if (prefix == INVALID) {
          if (nearMiss == null) {
            nearMiss = personal(start + " words before the default text", phrase);
          }
          continue;
        }
        int trailer = trailer(c, end, sender, 0);
        if (trailer == INVALID) {
          if (nearMiss == null || nearMiss.reason().contains("before")) {
            nearMiss = personal((c.size - end) + " words beyond the default text", phrase);
          }
          continue;
        }
        return defaultVerdict(phrase, prefix, trailer);
      }
    }
    return nearMiss != null ? nearMiss : NO_DEFAULT;
  }

  private static Classification personal(String why, Phrase phrase) {
    return new Classification(Verdict.PERSONAL, "personal: " + why + " (" + phrase.label() + ")");
  }

  /**
   * The DEFAULT verdict for a phrase and its noise, made once per combination: a quarter of all
   * notes are defaults, and building the same reason for each was a good part of judging them.
   * Threads may race to fill a slot, each making an equal record, so any one of them will do.
   */
  private Classification defaultVerdict(Phrase phrase, int prefix, int trailer) {
    // What defaultReason mentions, as the index of one of 16 verdicts.
    int noise =
        ((prefix & GREETING) != 0 ? 1 : 0)
            | (((prefix | trailer) & PLEASANTRY) != 0 ? 2 : 0)
            | ((trailer & SIGN_OFF) != 0 ? 4 : 0)
            | ((trailer & SIGNATURE) != 0 ? 8 : 0);
    Classification[] verdicts = defaultVerdicts[phrase.number()];
    Classification verdict = verdicts[noise];
    if (verdict == null) {
      verdict = new Classification(Verdict.DEFAULT, defaultReason(phrase, prefix, trailer));
      verdicts[noise] = verdict;
    }
    return verdict;
  }

  private static String defaultReason(Phrase phrase, int prefix, int trailer) {
    List<String> noise = new ArrayList<>(4);
    if ((prefix & GREETING) != 0) {
      noise.add("greeting");
    }
    if (((prefix | trailer) & PLEASANTRY) != 0) {
      noise.add("pleasantry");
    }
    if ((trailer & SIGN_OFF) != 0) {
      noise.add("sign-off");
    }
    if ((trailer & SIGNATURE) != 0) {
      noise.add("signature");
    }
    StringBuilder sb = new StringBuilder("default text (").append(phrase.label()).append(')');
    for (int i = 0; i < noise.size(); i++) {
      sb.append(i == 0 ? " with " : i == noise.size() - 1 ? " and " : ", ").append(noise.get(i));
    }
    return sb.toString();
  }

  // ---- greetings -------------------------------------------------------------------------

  /**
   * Classifies tokens before {@code start}: NO_PREFIX, GREETING, PLEASANTRY, both, or INVALID. A
   * pleasantry must cover the tokens right up to the default text; before it only a greeting.
   */
  private static int prefix(Canonical c, int start, Phrase phrase, SenderName sender) {
    if (start == 0) {
      return NO_PREFIX;
    }
    int greeting = greeting(c, start, phrase, sender);
    if (greeting != INVALID) {
      return greeting;
    }
    int maxHead = Math.min(start - 1, prefixLimit(sender) - Noise.MAX_PLEASANTRY_WORDS);
    for (int head = 0; head <= maxHead; head++) {
      if (Noise.PLEASANTRIES.isFirstWord(c, head)
          && pleasantries(c, head, start, Noise.MAX_LEADING_PLEASANTRIES)
          && (head == 0 || greeting(c, head, phrase, sender) == GREETING)) {
        return head == 0 ? PLEASANTRY : GREETING | PLEASANTRY;
      }
    }
    return INVALID;
  }

  /** True when tokens {@code from..to} are exactly one to {@code max} pleasantries. */
  private static boolean pleasantries(Canonical c, int from, int to, int max) {
    if (from == to) {
      return true;
    }
    if (max == 0 || !Noise.PLEASANTRIES.isFirstWord(c, from)) {
      return false;
    }
    // Every length that matches, not just the longest: "thanks" + "hope you are well".
    for (int k = from; k < to && k - from < Noise.MAX_PLEASANTRY_WORDS; k++) {
      if (Noise.PLEASANTRIES.isSequence(c, from, k + 1) && pleasantries(c, k + 1, to, max - 1)) {
        return true;
      }
    }
    return false;
  }

  /** Tokens {@code 0..start} as a greeting alone: NO_PREFIX (none), GREETING or INVALID. */
  private static int greeting(Canonical c, int start, Phrase phrase, SenderName sender) {
    if (start == 0) {
      return NO_PREFIX;
    }
    int g = Noise.GREETINGS.longestAt(c, 0, start);
    if (g > 0 && start - g <= Noise.MAX_GREETING_NAMES && greetingNames(c, g, start, sender)) {
      return GREETING;
    }
    if (sender.isSequence(c, 0, start)) {
      return GREETING; // the sender's own name, as in the group form
    }
    int maxBare = phrase.namedLead() ? Noise.MAX_GREETING_NAMES : 2;
    if (start <= maxBare
        && (phrase.namedLead() || (c.breakBefore(start) & Canonical.COMMA) != 0)) {
      boolean names = true;
      for (int k = 0; k < start && names; k++) {
        names =
            strictName(c, k)
                || (k > 0 && Noise.CONNECTORS.contains(c, k))
                // no case signal at all: one plain word before a comma ("anna, ...")
                || (start == 1 && !anyCapital(c) && plainWord(c, k));
      }
      if (names) {
        return GREETING;
      }
    }
    return INVALID;
  }

  /** True when tokens {@code from..to} can be the names after a greeting word. */
  private static boolean greetingNames(Canonical c, int from, int to, SenderName sender) {
    int lowerCase = 0;
    for (int k = from; k < to; k++) {
      if (Noise.TITLES.contains(c, k) || Noise.FILLERS.contains(c, k) || sender.contains(c, k)) {
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
  private static int greetingEnd(Canonical c, SenderName sender) {
    int g = Noise.GREETINGS.longestAt(c, 0, c.size);
    if (g > 0) {
      int end = g;
      while (end < c.size && end - g < Noise.MAX_GREETING_NAMES
          && greetingNames(c, end, end + 1, sender)
          && !(end > g && c.breakBefore(end) != 0 && !Noise.TITLES.contains(c, end - 1))) {
        end++;
      }
      return end;
    }
    if (c.size > 2 && strictName(c, 0) && (c.breakBefore(1) & Canonical.COMMA) != 0) {
      return 1;
    }
    return 0;
  }

  // ---- sign-offs and signatures ----------------------------------------------------------

  /**
   * Classifies tokens from {@code from} to the end: a combination of SIGN_OFF, PLEASANTRY and
   * SIGNATURE flags (0 when there is nothing), or INVALID when they contain real content.
   */
  private static int trailer(Canonical c, int from, SenderName sender, int depth) {
    if (from >= c.size) {
      return 0;
    }
    int titled = from;
    while (titled < c.size && titled - from < 2 && Noise.TITLES.contains(c, titled)) {
      titled++; // "Dr. John Smith"
    }
    int name = sender.prefixMatch(c, titled, c.size);
    if (name > 0) {
      int rest = titled + name;
      if (rest == c.size
          || (c.breakBefore(rest) != 0 && signature(c, rest, c.size, sender, true))) {
        return SIGNATURE;
      }
    }
    if (depth < Noise.MAX_SIGN_OFFS) {
      // A sign-off first ("Thanks!" stays a sign-off), then a pleasantry ("Thanks for connecting").
      int s = Noise.SIGN_OFFS.longestAt(c, from, c.size);
      int more = s > 0 ? afterSignOff(c, from + s, sender, depth) : INVALID;
      if (more != INVALID) {
        return SIGN_OFF | more;
      }
      if (Noise.PLEASANTRIES.isFirstWord(c, from)) {
        int p = Noise.PLEASANTRIES.longestAt(c, from, c.size);
        more = p > 0 ? afterSignOff(c, from + p, sender, depth) : INVALID;
        if (more != INVALID) {
          return PLEASANTRY | more;
        }
      }
    }
    if ((c.breakBefore(from) & Canonical.DASH) != 0 && signature(c, from, c.size, sender, false)) {
      return SIGNATURE;
    }
    if ((c.breakBefore(from) & Canonical.NEWLINE) != 0 && bareName(c, from)) {
      return SIGNATURE; // a name alone on the last line
    }
    return INVALID;
  }

  /** What may follow a sign-off or pleasantry at {@code rest}: flags, or INVALID. */
  private static int afterSignOff(Canonical c, int rest, SenderName sender, int depth) {
    if (rest == c.size) {
      return 0;
    }
    if (c.breakBefore(rest) == 0) {
      return INVALID; // "Best regards from the Lisbon JUG team", "Cheers for the beer"
    }
    if (signature(c, rest, c.size, sender, false)) {
      return SIGNATURE;
    }
    int more = trailer(c, rest, sender, depth + 1);
    return more > 0 ? more : INVALID;
  }

  /**
   * True when tokens {@code from..to} are a signature, not a sentence: at most {@link
   * Noise#MAX_SIGNATURE} items, each a name-like capitalised word, a job-title or company word, a
   * name particle or connector, the sender's name, a pronoun set, a phone number (a run of digit
   * tokens on one line, 7 to 15 digits), an e-mail address or URL, or a label before one of
   * those. Any sentence word, other number or "P.S." makes it content. {@code afterSenderName}:
   * they follow the sender's own name, so plain lower-case words are a title ("| cto at x").
   */
  private static boolean signature(
      Canonical c, int from, int to, SenderName sender, boolean afterSenderName) {
    int n = to - from;
    if (n < 1 || n > Noise.MAX_SIGNATURE_TOKENS) {
      return false;
    }
    boolean caseSignal = anyCapital(c);
    // Without case signal, unknown plain words could be a sentence: allow a name's worth, or a
    // short title after the sender's own name ("john smith cto at x").
    int plainLeft = afterSenderName ? Noise.MAX_PLAIN_TITLE_WORDS : 2;
    int items = 0;
    for (int k = from; k < to; items++) {
      if (items == Noise.MAX_SIGNATURE) {
        return false;
      }
      if (c.link(k)) {
        k++;
        continue;
      }
      int phone = phoneEnd(c, k, to);
      if (phone > k) {
        k = phone;
        continue;
      }
      int pronouns = Noise.PRONOUNS.longestAt(c, k, to);
      if (pronouns > 1) {
        k += pronouns; // "(he/him)"
        continue;
      }
      if (k > from && Noise.CONNECTORS.contains(c, k)) {
        k++; // "Ahmed bin Said", "Head of Sales": even where the particle is a sentence word
        continue;
      }
      if (Noise.SENTENCE_WORDS.contains(c, k)
          && !isContactLabel(c, k, to)
          && !isInitial(c, k, to)) {
        return false;
      }
      if (c.tokenEquals(k, "p") && k + 1 < to && c.tokenEquals(k + 1, "s")) {
        return false; // "P.S." introduces content
      }
      if (!isAlphabetic(c, k)) {
        return false; // "Q3", "2024": not a name, not a phone number
      }
      boolean known =
          sender.contains(c, k)
              || Noise.TITLES.contains(c, k)
              || Noise.JOB_WORDS.contains(c, k)
              || isContactLabel(c, k, to);
      if (!known) {
        if (Noise.GREETINGS.contains(c, k) || Noise.SIGN_OFFS.contains(c, k)
            || (k == from && Noise.CONNECTORS.contains(c, k))) {
          return false;
        }
        if (caseSignal ? !c.capital(k) : --plainLeft < 0) {
          return false;
        }
      }
      k++;
    }
    return true;
  }

  /**
   * End of a phone number starting at {@code k} (digit tokens not split by a comma, bar or line
   * break, 7 to 15 digits together), or {@code k} when there is none.
   */
  private static int phoneEnd(Canonical c, int k, int to) {
    int digits = 0;
    int end = k;
    boolean years = true;
    while (end < to && isDigits(c, end)
        && (end == k || (c.breakBefore(end) & PHONE_BREAKS) == 0)) {
      digits += c.tokenLength(end);
      years &= isYear(c, end);
      end++;
    }
    // "2015-2019" has a phone number's digits but is a span of years: content.
    return digits >= Noise.MIN_PHONE_DIGITS && digits <= Noise.MAX_PHONE_DIGITS && !years
        ? end
        : k;
  }

  /** Separators that end a phone number: two numbers on one line are split by a bar. */
  private static final int PHONE_BREAKS = Canonical.COMMA | Canonical.BAR | Canonical.NEWLINE;

  /** A label ("Tel", "E-mail", "LinkedIn") followed, maybe after more labels, by a number or link. */
  private static boolean isContactLabel(Canonical c, int k, int to) {
    int j = k;
    while (j < to && j - k < 3 && Noise.CONTACT_LABELS.contains(c, j) && !c.link(j)) {
      j++;
    }
    return j > k && j < to && (c.link(j) || phoneEnd(c, j, to) > j);
  }

  /** A capital letter with a dot before a capitalised name, such as the "J." of "J. Doe". */
  private static boolean isInitial(Canonical c, int k, int to) {
    return c.tokenLength(k) == 1
        && c.capital(k)
        && k + 1 < to
        && c.capital(k + 1)
        && (c.breakBefore(k + 1) & Canonical.OTHER) != 0;
  }

  private static boolean isYear(Canonical c, int k) {
    return c.tokenLength(k) == 4
        && (c.charAt(k, 0) == '1' && c.charAt(k, 1) == '9'
            || c.charAt(k, 0) == '2' && c.charAt(k, 1) == '0');
  }

  private static boolean isDigits(Canonical c, int k) {
    for (int i = 0; i < c.tokenLength(k); i++) {
      char ch = c.charAt(k, i);
      if (ch < '0' || ch > '9') {
        return false;
      }
    }
    return c.tokenLength(k) > 0;
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

  /** A capitalised alphabetic word that is neither a sentence word, greeting nor sign-off. */
  private static boolean strictName(Canonical c, int k) {
    return c.capital(k)
        && isAlphabetic(c, k)
        && !Noise.SENTENCE_WORDS.contains(c, k)
        && !Noise.GREETINGS.contains(c, k)
        && !Noise.SIGN_OFFS.contains(c, k);
  }

  /** A lower-case word that could be a name when the writer ignores case. */
  private static boolean plainWord(Canonical c, int k) {
    return isAlphabetic(c, k)
        && !Noise.SENTENCE_WORDS.contains(c, k)
        && !Noise.GREETINGS.contains(c, k)
        && !Noise.SIGN_OFFS.contains(c, k)
        && !Noise.CONNECTORS.contains(c, k);
  }

  private static boolean anyCapital(Canonical c) {
    for (int k = 0; k < c.size; k++) {
      if (c.capital(k)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAlphabetic(Canonical c, int k) {
    for (int i = 0; i < c.tokenLength(k); i++) {
      if (Character.isDigit(c.charAt(k, i))) {
        return false;
      }
    }
    return true;
  }

  // ---- limits ----------------------------------------------------------------------------

  private static int prefixLimit(SenderName sender) {
    return prefixLimit(sender.length());
  }

  private static int prefixLimit(int senderWords) {
    return Math.max(Noise.MAX_GREETING_WORDS + Noise.MAX_GREETING_NAMES, senderWords)
        + Noise.MAX_LEADING_PLEASANTRIES * Noise.MAX_PLEASANTRY_WORDS;
  }

  /** Most words of a sender's name that count; more are ignored. */
  private static final int MAX_SENDER_WORDS = 8;

  /** The largest prefixLimit, that of a sender's name of MAX_SENDER_WORDS words. */
  private static final int MAX_PREFIX_LIMIT = prefixLimit(MAX_SENDER_WORDS);

  private static int trailerLimit(SenderName sender) {
    return Noise.MAX_SIGN_OFFS * Math.max(Noise.MAX_SIGN_OFF_WORDS, Noise.MAX_PLEASANTRY_WORDS)
        + sender.length()
        + Noise.MAX_SIGNATURE_TOKENS;
  }

  /** Most tokens outside the default text: the noise budget plus the sender's name twice. */
  private static int noiseLimit(SenderName sender) {
    return noiseLimit(sender.length());
  }

  private static int noiseLimit(int senderWords) {
    return Noise.MAX_NOISE + 2 * senderWords;
  }

  /** More tokens than this cannot be a default: the largest phrase with all the noise allowed. */
  private int tokenLimit(SenderName sender) {
    return table.maxLength() + noiseLimit(sender);
  }

  /** {@code sender(raw).length()}, without remaking the SenderName for a new name. */
  private static int senderWords(String raw) {
    if (raw == null || raw.isBlank()) {
      return 0;
    }
    SenderName last = SENDER.get();
    if (raw.equals(last.raw)) {
      return last.length();
    }
    return Canonical.sizeOf(SenderName.bounded(raw), MAX_SENDER_WORDS);
  }

  /** The sender's name, valid until the next call on the same thread (see SenderName). */
  private static SenderName sender(String raw) {
    if (raw == null || raw.isBlank()) {
      return SenderName.NONE;
    }
    SenderName sender = SENDER.get();
    if (!raw.equals(sender.raw)) {
      sender.set(raw);
    }
    return sender;
  }

  /** Each thread's SenderName: consecutive notes often share none or the same. */
  private static final ThreadLocal<SenderName> SENDER = ThreadLocal.withInitial(SenderName::new);

  /**
   * The sender's name in canonical tokens, and which of them are name words (not titles or
   * particles such as "Dr." or "von"). One per thread, remade in place for each new name (its
   * tokens in the thread's workspace, {@link Canonical#ofName}): most notes come from a name not
   * seen before, and making a name's words anew for each was most of what judging a default
   * allocated. NONE, for no name, is never remade.
   */
  private static final class SenderName {
    static final SenderName NONE = new SenderName();

    private String raw = "";
    private Canonical words = Canonical.of("", MAX_SENDER_WORDS);
    private int nameWords;

    void set(String raw) {
      Canonical c = Canonical.ofName(bounded(raw), MAX_SENDER_WORDS);
      // Titles and particles in a name ("Dr.", "von") must not make such words name-like.
      int nameWords = 0;
      for (int k = 0; k < c.size; k++) {
        if (!Noise.SENTENCE_WORDS.contains(c, k)) {
          nameWords |= 1 << k;
        }
      }
      this.raw = raw;
      this.words = c;
      this.nameWords = nameWords;
    }

    /** Bounded: a pathological "name" must not make every note expensive. */
    static String bounded(String raw) {
      return raw.length() > 200 ? raw.substring(0, 200) : raw;
    }

    /** The number of words in the name. */
    int length() {
      return words.size;
    }

    /** True when token {@code k} of the note is one of the name words. */
    boolean contains(Canonical c, int k) {
      for (int j = 0; j < words.size; j++) {
        if ((nameWords & 1 << j) != 0 && c.sameToken(k, words, j)) {
          return true;
        }
      }
      return false;
    }

    /** True when tokens {@code from..to} are a non-empty run of the sender's name words. */
    boolean isSequence(Canonical c, int from, int to) {
      if (to <= from || length() == 0) {
        return false;
      }
      for (int k = from; k < to; k++) {
        if (!contains(c, k)) {
          return false;
        }
      }
      return true;
    }

    /** Length of the longest run of the sender's name words starting at {@code from}. */
    int prefixMatch(Canonical c, int from, int to) {
      int k = from;
      while (k < to && k - from < length() && contains(c, k)) {
        k++;
      }
      return k - from;
    }
  }
}
