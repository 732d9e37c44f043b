package dev.invitriage.classify;

import dev.invitriage.domain.MessageClassifier;
import dev.invitriage.domain.Classification;
import dev.invitriage.domain.Fnv1a;
import dev.invitriage.domain.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether an invitation's note is LinkedIn's default text, empty, generic (nothing said but
 * greetings, names, pleasantries, stock requests and a signature) or personal.
 *
 * <p>How it works: the note is normalised once into canonical tokens ({@link Canonical}), keeping
 * per token only whether it was capitalised and which separators preceded it. A known default
 * text ({@link PhraseTable}) must then start within the first few tokens, after nothing but a
 * greeting ("Hello Dr. Smith -") or a bare name ("Anna,") and pleasantries or stock requests
 * ("hope you are well"), and be followed by nothing but sign-offs, pleasantries, requests and a
 * signature ({@link NoiseGrammar}). A note without one is judged by subtraction: when greeting,
 * pleasantries, requests, sign-offs, signature and names cover every word, it is GENERIC. Any word
 * left over makes the note personal, because calling a personal note an offender is the worst
 * mistake this class can make. What each language contributes is data ({@link Languages}).
 *
 * <p>Speed: a quarter of a million notes a second was not enough for imports and views of a large
 * inbox. Most notes are personal and say so in their first words, so a note is tokenised once,
 * without a string per word, and the sender's name is read only when a default text or noise is
 * found at the note's start (or, for a long note, only its number of words). Judging allocates
 * almost nothing: buffers are reused per thread ({@link Canonical#ofNote}, {@link
 * PhraseTable.Matches}, {@link PersonName}), and verdicts that recur are made once.
 *
 * <p>Instances are safe to share between threads: names are kept per thread, and the only mutable
 * fields cache verdicts, immutable records, so a race costs at most a recomputation.
 */
public final class Classifier implements MessageClassifier {
  private static final Classification NO_MESSAGE =
      new Classification(Verdict.EMPTY, "no message");
  private static final Classification EMPTY_MESSAGE =
      new Classification(Verdict.EMPTY, "empty message");
  private static final Classification ONLY_SYMBOLS =
      new Classification(Verdict.GENERIC, "generic: only emoji or punctuation");
  private static final Classification NO_DEFAULT =
      new Classification(Verdict.PERSONAL, "personal: matches no default text");

  private final PhraseTable table;

  private final String fingerprint;

  /**
   * The verdicts of notes too long for a default text, by the number of words in the sender's
   * name: the same few reasons for many notes, made once rather than for each.
   */
  private final Classification[] noDefaultNearStart = new Classification[PersonName.MAX_WORDS + 1];

  private final Classification[] longerThanAnyDefault = new Classification[PersonName.MAX_WORDS + 1];

  /** By phrase number and noise flags (see defaultVerdict); filled as they are first needed. */
  private final Classification[][] defaultVerdicts;

  private Classifier(PhraseTable table, String fingerprint) {
    this.table = table;
    this.fingerprint = fingerprint;
    this.defaultVerdicts = new Classification[table.phrases().size()][];
    for (int words = 0; words <= PersonName.MAX_WORDS; words++) {
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
   * Every built-in language's default texts plus the user's own phrases (each a default text, may
   * be empty list).
   */
  public static Classifier create(List<String> userPhrases) {
    PhraseTable table = PhraseTable.builtIn();
    // The noise tables too, built here rather than by the first note judged: an import builds
    // the classifier on a thread of its own while it reads, and its judging thread built them
    // (46 ms of a 10k import) while the rest waited for its first part.
    Noise.build();
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
    return new ClassifierOnFirstUse(userPhrases);
  }

  static String fingerprintOf(List<String> userPhrases) {
    StringBuilder fingerprint =
        new StringBuilder("rules ").append(RULES_VERSION).append(' ').append(CompiledLanguages.fingerprint());
    for (String phrase : userPhrases == null ? List.<String>of() : userPhrases) {
      if (phrase != null) {
        fingerprint.append('\n').append(phrase);
      }
    }
    return fingerprint.toString();
  }

  /**
   * Bump whenever a change to the rules can change any verdict: stores compare it (with the
   * languages' data and the user's phrases) to know when to judge their invitations again.
   */
  static final int RULES_VERSION = 4;

  @Override
  public String fingerprint() {
    return fingerprint;
  }

  /**
   * Verdict DEFAULT, EMPTY, GENERIC or PERSONAL (never TEMPLATE: that is decided inbox-wide by the
   * caller) and a reason. Names may be "": they are recognised where a name stands (greeting,
   * sign-off, signature), even when they are ordinary words.
   */
  @Override
  public Classification classify(String message, String senderName, String recipientName) {
    if (message == null || message.isEmpty()) {
      return NO_MESSAGE;
    }
    if (message.isBlank()) {
      return EMPTY_MESSAGE; // as Canonical would find, but without reading the sender's name
    }
    // A default text starts within the first prefixLimit tokens, so it lies wholly within the
    // first `reach` tokens. Most long notes are personal: tokenise only that far first, and go
    // on to the full bound only when a default text or noise is found there. The bound grows
    // with the sender's name only beyond a greeting's words, and most notes are judged without
    // reading the name: a note tokenised whole, with no default text near its start and no noise
    // at its start whatever the names, is personal; a longer note needs only the number of words
    // in the name.
    int reach = prefixLimit(0) + table.maxLength();
    // The note's tokens stay in this thread's workspace (see Canonical.ofNote): each Canonical
    // below replaces the one before, and nothing else here uses ofNote.
    // First its first words only, the rest counted: most notes longer than that are personal, and
    // tell so within them, by no default text starting there and a word of content.
    Canonical c = Canonical.ofNoteStart(message, reach, FIRST_WORDS);
    if (c.truncated) {
      if (firstDefaultStart(c, MAX_PREFIX_LIMIT) == NONE) {
        if (c.overflow) {
          // More than `reach` words, and no default text starts where any sender's could: true
          // whatever the sender's name, which is not read.
          return noDefaultNearStart[0];
        }
        if (!mayBeGeneric(c, senderName, recipientName)) {
          return NO_DEFAULT;
        }
      }
      c = Canonical.ofNote(message, reach);
    }
    int senderWords = 0;
    if (c.overflow) {
      senderWords = PersonName.senderWords(senderName);
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
      // text there, the note is personal unless it is noise throughout.
      int first = firstDefaultStart(c, MAX_PREFIX_LIMIT);
      Classification verdict =
          first < 0 ? NO_DEFAULT : judge(c, PersonName.sender(senderName),
              PersonName.recipient(recipientName), first, null);
      return verdict.verdict() == Verdict.PERSONAL && mayBeGeneric(c, senderName, recipientName)
          ? genericOr(verdict, c, senderName, recipientName)
          : verdict;
    }
    // A note this long says something unless a default text begins near its start: greetings,
    // requests and a signature alone never run to `reach` words.
    if (firstDefaultStart(c, prefixLimit(senderWords)) < 0) {
      return noDefaultNearStart[senderWords]; // "more than `reach` words, ..."
    }
    PersonName sender = PersonName.sender(senderName);
    c = Canonical.ofNote(message, tokenLimit(sender));
    if (c.overflow) {
      return longerThanAnyDefault[senderWords]; // "more than tokenLimit words, ..."
    }
    PersonName recipient = PersonName.recipient(recipientName);
    Classification verdict = judge(c, sender, recipient, 0, null);
    return verdict.verdict() == Verdict.PERSONAL && mayBeGeneric(c, senderName, recipientName)
        ? genericOr(verdict, c, senderName, recipientName)
        : verdict;
  }

  /**
   * False when some word of the note is surely content, so that it cannot be GENERIC: a word in
   * lower case, in a note that has capitals (so it is no name), that is part of no greeting,
   * pleasantry, request, sign-off or signature vocabulary and is not the recipient's name ("we
   * met at the Berlin meetup": "meetup"); or, in a script without case, such a word on the first
   * line that is neither person's name. Asked before the full parse: most personal notes are
   * turned away at their first such word, and notes in Latin script without reading the sender's
   * name. Capitalised words may be names and decide nothing here.
   */
  private static boolean mayBeGeneric(Canonical c, String senderName, String recipientName) {
    boolean firstLine = true;
    for (int k = 0; k < c.size; k++) {
      firstLine &= (c.breakBefore(k) & Canonical.NEWLINE) == 0;
      if (c.capital(k) || c.link(k) || Character.isDigit(c.charAt(k, 0))
          || Noise.NOISE_WORDS.contains(c, k)) {
        continue;
      }
      if (c.uncased(k)) {
        // Chinese or Arabic: on the first line, where no signature stands yet, a word of no
        // noise that is neither person's name is content ("上周我们在上海…").
        if (firstLine && !PersonName.recipient(recipientName).contains(c, k)
            && !PersonName.sender(senderName).contains(c, k)) {
          return false;
        }
        continue;
      }
      if (c.tokenLength(k) > 1 && !PersonName.recipient(recipientName).contains(c, k)) {
        return !NoiseGrammar.anyCapital(c); // without capitals, a lower-case word may still be a name
      }
    }
    return true;
  }

  /** GENERIC when the note is noise throughout, else {@code personal}. */
  private Classification genericOr(
      Classification personal, Canonical c, String senderName, String recipientName) {
    PersonName sender = PersonName.sender(senderName);
    PersonName recipient = PersonName.recipient(recipientName);
    Pieces pieces = Pieces.reused();
    int flags = NoiseGrammar.generic(c, sender, recipient, pieces);
    return flags == NoiseGrammar.INVALID ? personal : genericVerdict(flags, pieces.languages());
  }

  /**
   * The GENERIC verdict for the pieces found and their languages, made once per combination
   * (threads racing to make one make equal records).
   */
  private Classification genericVerdict(int flags, long languages) {
    java.util.concurrent.ConcurrentHashMap<Long, Classification> byLanguages =
        genericVerdicts[flags & (genericVerdicts.length - 1)];
    Classification verdict = byLanguages.get(languages);
    if (verdict == null) {
      verdict = new Classification(Verdict.GENERIC, genericReason(flags, Pieces.codes(languages)));
      byLanguages.putIfAbsent(languages, verdict);
    }
    return verdict;
  }

  /** By the flags found (GREETING and the trailer flags, under 64), then by languages. */
  @SuppressWarnings("unchecked")
  private final java.util.concurrent.ConcurrentHashMap<Long, Classification>[] genericVerdicts =
      new java.util.concurrent.ConcurrentHashMap[64];

  {
    for (int i = 0; i < genericVerdicts.length; i++) {
      genericVerdicts[i] = new java.util.concurrent.ConcurrentHashMap<>();
    }
  }

  private static String genericReason(int flags, String language) {
    List<String> kinds = new ArrayList<>(6);
    if ((flags & NoiseGrammar.GREETING) != 0) {
      kinds.add("greeting");
    }
    if ((flags & NoiseGrammar.PLEASANTRY) != 0) {
      kinds.add("pleasantry");
    }
    if ((flags & NoiseGrammar.REQUEST) != 0) {
      kinds.add("request to connect");
    }
    if ((flags & NoiseGrammar.SIGN_OFF) != 0) {
      kinds.add("sign-off");
    }
    if ((flags & NoiseGrammar.SIGNATURE) != 0) {
      kinds.add("signature");
    }
    if (kinds.isEmpty() || (flags & NoiseGrammar.NAME) != 0) {
      kinds.add("name");
    }
    return "generic: " + String.join(" + ", kinds) + (language.isEmpty() ? "" : " (" + language + ")");
  }

  /**
   * The first of the first {@code prefixLimit} tokens at which some default text starts, or
   * NONE: judging may begin there, as it finds nothing before. Of a truncated note, UNKNOWN when
   * its tokens end before that is known.
   */
  private int firstDefaultStart(Canonical c, int prefixLimit) {
    int maxStart = lastStart(c, prefixLimit);
    for (int start = 0; start <= maxStart; start++) {
      if (table.canStartWith(c, start)) {
        PhraseTable.Matches matches = table.matchesAt(c, start);
        if (matches.size() > 0) {
          return start;
        }
        if (matches.cut() && c.truncated) {
          return UNKNOWN;
        }
      }
    }
    return NONE;
  }

  private static final int NONE = -1;
  private static final int UNKNOWN = -2;

  /** The last token that begins within the first {@code words} words (see Noise#words). */
  private static int lastStart(Canonical c, int words) {
    int thirds = 3 * words;
    int k = 0;
    for (; k < c.size && thirds >= 0; k++) {
      thirds -= c.alone(k) ? 1 : 3;
    }
    return Math.min(c.size - 1, k - 1);
  }

  /**
   * For mass-template detection: the message normalised with greetings, names, sign-offs, case,
   * punctuation, whitespace, emoji and apostrophe noise removed, so that the same template sent by
   * different people gives the same key. Returns "" for messages that are not PERSONAL.
   */
  @Override
  public String templateKey(String message, String senderName, String recipientName) {
    if (message == null || message.isEmpty()
        || classify(message, senderName, recipientName).verdict() != Verdict.PERSONAL) {
      return "";
    }
    return templateKeyOfPersonal(message, senderName, recipientName);
  }

  @Override
  public String templateKeyOfPersonal(String message, String senderName, String recipientName) {
    StringBuilder key = new StringBuilder();
    templateKeyOf(message, senderName, recipientName, key);
    return key.toString();
  }

  @Override
  public long templateHashOfPersonal(String message, String senderName, String recipientName) {
    return templateKeyOf(message, senderName, recipientName, null);
  }

  /**
   * The template key: the note's tokens between its greeting and its trailer, bar the sender's
   * name, joined by spaces; appended to {@code key} when there is one, and its {@link Fnv1a} hash
   * returned.
   */
  private long templateKeyOf(
      String message, String senderName, String recipientName, StringBuilder key) {
    if (message == null || message.isEmpty()) {
      return Fnv1a.START;
    }
    PersonName sender = PersonName.sender(senderName);
    PersonName recipient = PersonName.recipient(recipientName);
    // In the thread's workspace, as classify's notes are (nothing below makes another): a copy of
    // every personal note's tokens was 4% of what a 1M import allocated (73 -> 70 collections).
    Canonical c = Canonical.ofNote(message, Integer.MAX_VALUE);
    int from = NoiseGrammar.greetingEnd(c, sender, recipient);
    int to = c.size;
    int earliest = Math.max(from + 1, c.size - trailerLimit(sender));
    for (int k = earliest; k < c.size; k++) {
      if (NoiseGrammar.trailer(c, k, sender, recipient, 0, null) > 0) {
        to = k;
        break;
      }
    }
    long hash = Fnv1a.START;
    boolean first = true;
    for (int k = from; k < to; k++) {
      if (c.capital(k) && sender.contains(c, k)) {
        continue; // the sender introducing themselves by name
      }
      if (!first) {
        hash = Fnv1a.addAscii(hash, ' ');
        if (key != null) {
          key.append(' ');
        }
      }
      first = false;
      hash = c.hashToken(hash, k);
      if (key != null) {
        c.appendToken(key, k);
      }
    }
    return hash;
  }

  /**
   * The verdict with the note cut into the pieces that decided it: greeting, default text,
   * pleasantries, requests, sign-off, signature, names, and the content that makes a note
   * personal. Slower than {@link #classify}; for people, not for imports.
   */
  public Explanation explain(String message, String senderName, String recipientName) {
    Classification verdict = classify(message, senderName, recipientName);
    PersonName sender = PersonName.sender(senderName);
    PersonName recipient = PersonName.recipient(recipientName);
    Canonical c = Canonical.of(message == null ? "" : message, Integer.MAX_VALUE);
    Pieces pieces = Pieces.reused();
    switch (verdict.verdict()) {
      case DEFAULT:
        judge(c, sender, recipient, 0, pieces);
        break;
      case GENERIC:
        NoiseGrammar.generic(c, sender, recipient, pieces);
        break;
      case PERSONAL:
        int from = NoiseGrammar.greetingEnd(c, sender, recipient);
        if (from > 0) {
          Pieces.add(pieces, Pieces.Kind.GREETING, 0, from, 0);
        }
        Pieces.add(pieces, Pieces.Kind.CONTENT, from, c.size, 0);
        break;
      default:
        break;
    }
    return new Explanation(verdict, List.copyOf(pieces.toList(c)));
  }

  /** The verdict, looking for default texts from token {@code firstStart} on (none before). */
  private Classification judge(
      Canonical c, PersonName sender, PersonName recipient, int firstStart, Pieces pieces) {
    int maxStart = lastStart(c, prefixLimit(sender));
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
        if (c.size - (end - start) > noiseLimit(sender)
            && Noise.words(c, 0, start) + Noise.words(c, end, c.size) > noiseLimit(sender)) {
          if (nearMiss == null) {
            nearMiss =
                personal(
                    "more than " + noiseLimit(sender) + " words around the default text", phrase);
          }
          continue;
        }
        int mark = Pieces.mark(pieces);
        int prefix = NoiseGrammar.prefix(
            c, start, phrase.namedLead(), prefixLimit(sender), sender, recipient, pieces);
        if (prefix == NoiseGrammar.INVALID) {
          if (nearMiss == null) {
            nearMiss = personal(start + " words before the default text", phrase);
          }
          continue;
        }
        Pieces.addDefault(pieces, start, end, phrase.label());
        int trailer = NoiseGrammar.trailer(c, end, sender, recipient, 0, pieces);
        if (trailer == NoiseGrammar.INVALID) {
          Pieces.reset(pieces, mark);
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
    int found = prefix | trailer;
    // What defaultReason mentions, as the index of one of 32 verdicts.
    int noise =
        ((found & NoiseGrammar.GREETING) != 0 ? 1 : 0)
            | ((found & NoiseGrammar.PLEASANTRY) != 0 ? 2 : 0)
            | ((found & NoiseGrammar.SIGN_OFF) != 0 ? 4 : 0)
            | ((found & NoiseGrammar.SIGNATURE) != 0 ? 8 : 0)
            | ((found & NoiseGrammar.REQUEST) != 0 ? 16 : 0);
    Classification[] verdicts = defaultVerdicts[phrase.number()];
    if (verdicts == null) {
      verdicts = new Classification[32]; // made as first needed: ten thousand phrases, few seen
      defaultVerdicts[phrase.number()] = verdicts;
    }
    Classification verdict = verdicts[noise];
    if (verdict == null) {
      verdict = new Classification(Verdict.DEFAULT, defaultReason(phrase, noise));
      verdicts[noise] = verdict;
    }
    return verdict;
  }

  private static String defaultReason(Phrase phrase, int noise) {
    List<String> kinds = new ArrayList<>(5);
    String[] names = {"greeting", "pleasantry", "sign-off", "signature", "request to connect"};
    // In the order reasons have always named them, a request after the pleasantry.
    int[] order = {0, 1, 4, 2, 3};
    for (int bit : order) {
      if ((noise & 1 << bit) != 0) {
        kinds.add(names[bit]);
      }
    }
    StringBuilder sb = new StringBuilder("default text (").append(phrase.label()).append(')');
    for (int i = 0; i < kinds.size(); i++) {
      sb.append(i == 0 ? " with " : i == kinds.size() - 1 ? " and " : ", ").append(kinds.get(i));
    }
    return sb.toString();
  }

  // ---- limits ----------------------------------------------------------------------------

  private static int prefixLimit(PersonName sender) {
    return prefixLimit(sender.length());
  }

  private static int prefixLimit(int senderWords) {
    return Math.max(Noise.MAX_PREFIX, senderWords + Noise.MAX_GREETING_NAMES);
  }

  /** The largest prefixLimit, that of a sender's name of PersonName.MAX_WORDS words. */
  private static final int MAX_PREFIX_LIMIT = prefixLimit(PersonName.MAX_WORDS);

  /**
   * Words tokenised first (see classify): past every start a default text may have, with room for
   * most phrases begun near the last start to be seen to fail.
   */
  private static final int FIRST_WORDS = MAX_PREFIX_LIMIT + 8;

  private static int trailerLimit(PersonName sender) {
    return Noise.MAX_SIGN_OFFS * Math.max(Noise.MAX_SIGN_OFF_WORDS, Noise.MAX_PLEASANTRY_WORDS)
        + sender.length()
        + Noise.MAX_SIGNATURE_TOKENS;
  }

  /** Most tokens outside the default text: the noise budget plus the sender's name twice. */
  private static int noiseLimit(PersonName sender) {
    return noiseLimit(sender.length());
  }

  private static int noiseLimit(int senderWords) {
    return Noise.MAX_NOISE + 2 * senderWords;
  }

  /** More tokens than this cannot be a default: the largest phrase with all the noise allowed. */
  private int tokenLimit(PersonName sender) {
    return table.maxLength() + noiseLimit(sender);
  }
}
