package dev.invitriage.classify;

import dev.invitriage.classify.Languages.Section;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words that make up the noise around a default text or instead of one: greetings, sign-offs,
 * pleasantries, stock requests to connect, titles, name particles, and the sentence words that
 * prove a trailer is a real sentence rather than a signature. Read from every language's data file
 * ({@link Languages}) and merged: a note may greet in one language and sign off in another. All
 * words are stored canonicalised, exactly as {@link Canonical} produces tokens; sequences remember
 * which languages list them, for reasons.
 */
final class Noise {
  private Noise() {}

  private static final CompiledLanguages LANGUAGES = CompiledLanguages.builtIn();

  /**
   * Each section's canonical phrases with their languages, made once: each is asked for more than
   * once while the tables are built, and a cold start reads some forty thousand.
   */
  private static final Map<Section, Map<String, Long>> CANONICAL = LANGUAGES.phrases();



  /** Most words a greeting's names may have ("Dr. Maria del Carmen"); see {@link #namesEnd}. */
  static final int MAX_GREETING_NAMES = 4;
  /**
   * How many words may stand before a default text: a greeting, names and pleasantries (a letter
   * of Thai or Japanese counting a third). Fixed, not the longest greeting plus the longest
   * pleasantries, which would make every note be read far longer for a rare case.
   */
  static final int MAX_PREFIX = 24;
  /** How many pleasantries may stand between the greeting and the default text. */
  static final int MAX_LEADING_PLEASANTRIES = 2;
  /**
   * How many sign-offs, pleasantries and requests may follow each other ("Hope you're well! Let's
   * connect. Thanks! Best,").
   */
  static final int MAX_SIGN_OFFS = 6;
  /**
   * Most items of a signature after a sign-off, dash or the sender's name: a word, a phone number
   * or a link each count once ("John Smith | Senior Recruiter at Acme Corp | +1 555 0100"); a
   * company name in Chinese is a character an item.
   */
  static final int MAX_SIGNATURE = 40;
  /** Most unknown lower-case words after the sender's name in a note without any capitals. */
  static final int MAX_PLAIN_TITLE_WORDS = 8;
  /** Most tokens of such a signature (a phone number is several tokens). */
  static final int MAX_SIGNATURE_TOKENS = 48;
  /**
   * Most tokens a default note may have outside its default text, not counting the sender's name:
   * each kind of noise has its own limit, but they never all reach it together, and a single bound
   * keeps long personal notes cheap (they stop being tokenised after it).
   */
  static final int MAX_NOISE = 64;
  /** Fewest and most digits of a phone number in a signature ("+1 555 0100", "+49 30 1234567"). */
  static final int MIN_PHONE_DIGITS = 7;

  static final int MAX_PHONE_DIGITS = 15;

  static final WordSequences GREETINGS = sequences(Section.GREETING);
  static final WordSequences SIGN_OFFS = sequences(Section.SIGN_OFF);
  /**
   * Pleasantries that say nothing about how the sender knows the reader. A closed list of exact
   * forms (after normalisation), never a pattern: "hope you are well" is noise, "hope you are well
   * after the surgery" is not.
   */
  static final WordSequences PLEASANTRIES = sequences(Section.PLEASANTRY);
  /** Stock requests to connect ("let's connect", "please accept my invitation"). */
  static final WordSequences REQUESTS = sequences(Section.REQUEST);
  /** Pronoun sets people put in signatures ("John Smith (he/him)"). */
  static final WordSequences PRONOUNS = sequences(Section.PRONOUN);

  /**
   * Courtesy titles and honorifics that may stand in a greeting or signature, some of several
   * tokens ("さん", "經理"): ask {@link #isTitle}.
   */
  static final WordSequences TITLES = sequences(Section.TITLE);
  /** Words that may stand for the name in a greeting ("Hi there", "Hello all"). */
  static final WordSet FILLERS = wordSet(Section.FILLER);
  /**
   * Job-title, qualification and company-form words that may stand in a signature in any case,
   * some of several tokens ("công ty", "trưởng phòng"): ask {@link #isJobWord}.
   */
  static final WordSequences JOB_WORDS = sequences(Section.JOB);
  /** Words that introduce a phone number or link in a signature ("Tel.", "E-mail:"). */
  static final WordSet CONTACT_LABELS = wordSet(Section.CONTACT_LABEL);
  /** Lower-case name particles and title connectors allowed inside names and signatures. */
  static final WordSet CONNECTORS = wordSet(Section.CONNECTOR);
  /**
   * Words that begin or carry real sentences and are not names, even when capitalised ("We met at
   * ...", "Loved your talk"). Their presence in a greeting or trailer means it is content.
   */
  static final WordSet SENTENCE_WORDS = wordSet(Section.SENTENCE);
  /** The sentence words of several tokens: Thai and Chinese words of several letters. */
  private static final WordSequences SENTENCE_SEQUENCES = sequences(Section.SENTENCE);

  /**
   * Every word of every greeting, sign-off, pleasantry, request, title, filler, particle, job
   * word, contact label and pronoun: a word outside them that shows a sentence is content.
   */
  static final WordSet NOISE_WORDS = noiseWords();

  /**
   * The words a trailer's part may begin with (see NoiseGrammar#trailer): the first word of every
   * sign-off, greeting, pleasantry and request, and every word of a title (a title is found at any
   * of its words).
   */
  static final WordSet TRAILER_STARTS = trailerStarts();

  /** Most tokens of a greeting word or phrase ("good morning", "dzień dobry"). */
  static final int MAX_GREETING_WORDS = GREETINGS.maxWords();
  /** Most tokens of one sign-off phrase ("met vriendelijke groet"). */
  static final int MAX_SIGN_OFF_WORDS = SIGN_OFFS.maxWords();
  /** Most tokens of one pleasantry or stock request. */
  static final int MAX_PLEASANTRY_WORDS = Math.max(PLEASANTRIES.maxWords(), REQUESTS.maxWords());

  /**
   * The end of a run of names from {@code from} of at most {@link #MAX_GREETING_NAMES} words, the
   * longest the run may be: a letter of a script without spaces counts as a third of a word
   * ("ศิริพร" is four tokens but one name).
   */
  static int namesEnd(Canonical c, int from) {
    int budget = 3 * MAX_GREETING_NAMES;
    int end = from;
    while (end < c.size) {
      budget -= c.alone(end) ? 1 : 3;
      if (budget < 0) {
        break;
      }
      end++;
    }
    return end;
  }

  /**
   * True when token {@code k} is a sentence word, or a letter of one written without spaces
   * ("เพื่อน" is four tokens).
   */
  static boolean isSentenceWord(Canonical c, int k) {
    return SENTENCE_WORDS.contains(c, k) || c.alone(k) && covers(SENTENCE_SEQUENCES, c, k, 2);
  }

  /** The number of words of tokens {@code from..to}: a letter of Thai or Chinese is a third. */
  static int words(Canonical c, int from, int to) {
    int thirds = 0;
    for (int k = from; k < to; k++) {
      thirds += c.alone(k) ? 1 : 3;
    }
    return (thirds + 2) / 3;
  }

  /** True when token {@code k} is part of a title ("Dr", the "さ" or "ん" of "さん"). */
  static boolean isTitle(Canonical c, int k) {
    return covers(TITLES, c, k);
  }

  /** True when token {@code k} is part of a job-title or company word ("cong" of "công ty"). */
  static boolean isJobWord(Canonical c, int k) {
    return covers(JOB_WORDS, c, k);
  }

  /**
   * True when token {@code k} is part of a job title or company word of several words ("sự" of
   * "nhân sự"): a phrase that long is no sentence, whatever its words are elsewhere.
   */
  static boolean inJobPhrase(Canonical c, int k) {
    return covers(JOB_WORDS, c, k, 2);
  }

  /** True when one of {@code sequences} stands in the note over token {@code k}. */
  private static boolean covers(WordSequences sequences, Canonical c, int k) {
    return sequences.contains(c, k) || covers(sequences, c, k, 2);
  }

  /** True when one of {@code sequences} of at least {@code min} tokens stands over token k. */
  private static boolean covers(WordSequences sequences, Canonical c, int k, int min) {
    if (!sequences.inLongerSequence(c, k)) {
      return false; // most words are in no sequence of several words: no walk needed
    }
    for (int j = Math.max(0, k - sequences.maxWords() + 1); j <= k; j++) {
      int length = sequences.longestAt(c, j, c.size);
      if (length > k - j && length >= min) {
        return true;
      }
    }
    return false;
  }

  /** The code of language number {@code i} (its bit in a sequence's languages). */
  static String languageCode(int i) {
    return LANGUAGES.codes().get(i);
  }

  /** Builds the tables, if no use of them has yet: the class's initialisation does, once. */
  static void build() {
    // Nothing more: calling a class's static method initialises it.
  }

  private static WordSequences sequences(Section section) {
    return new WordSequences(canonicalPhrases(section));
  }

  /** Every phrase of a section in every language, canonical, with the languages that list it. */
  private static Map<String, Long> canonicalPhrases(Section section) {
    return CANONICAL.getOrDefault(section, Map.of());
  }

  // The words below are taken from the sequences already made: splitting the sections' 25,000
  // phrases again for each set was most of what building the noise made and dropped.

  private static WordSet noiseWords() {
    Set<String> words = new HashSet<>();
    for (WordSequences sequences : List.of(GREETINGS, SIGN_OFFS, PLEASANTRIES, REQUESTS, TITLES, JOB_WORDS, PRONOUNS)) {
      sequences.addWordsTo(words);
    }
    for (Section section : List.of(Section.FILLER, Section.CONNECTOR, Section.CONTACT_LABEL)) {
      for (String phrase : canonicalPhrases(section).keySet()) {
        words.addAll(List.of(phrase.split(" ")));
      }
    }
    return new WordSet(words);
  }

  private static WordSet trailerStarts() {
    Set<String> words = new HashSet<>();
    for (WordSequences sequences : List.of(SIGN_OFFS, GREETINGS, PLEASANTRIES, REQUESTS)) {
      sequences.addFirstWordsTo(words);
    }
    TITLES.addWordsTo(words);
    return new WordSet(words);
  }

  private static WordSet wordSet(Section section) {
    return new WordSet(canonicalPhrases(section).keySet());
  }
}
