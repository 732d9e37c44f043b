package dev.invitriage.classify;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The words that make up the noise around a default text: greetings, sign-offs, titles, name
 * particles, and the sentence words that prove a trailer is a real sentence rather than a
 * signature. All words are stored canonicalised, exactly as {@link Canonical} produces tokens.
 */
final class Noise {
  private Noise() {}

  /** Most tokens a greeting's names may have ("Dr. Maria del Carmen"). */
  static final int MAX_GREETING_NAMES = 4;
  /** Most tokens of a greeting word or phrase ("good morning"). */
  static final int MAX_GREETING_WORDS = 2;
  /** Most tokens of one sign-off phrase ("met vriendelijke groet"). */
  static final int MAX_SIGN_OFF_WORDS = 3;
  /** How many sign-offs may follow each other ("Thanks! Best,"). */
  static final int MAX_SIGN_OFFS = 2;
  /** Most tokens of a signature after a sign-off or dash ("John Smith | CTO at Acme Labs"). */
  static final int MAX_SIGNATURE = 8;

  static final Set<String> GREETINGS =
      words(
          "hi", "hello", "hey", "heya", "hiya", "dear", "greetings", "good morning",
          "good afternoon", "good evening", "good day", "howdy", "yo", "hallo", "hello there",
          "moin", "servus", "guten tag", "guten morgen", "liebe", "lieber", "sehr geehrte",
          "sehr geehrter", "bonjour", "bonsoir", "salut", "coucou", "cher", "chere", "ciao",
          "salve", "buongiorno", "buonasera", "gentile", "caro", "cara", "hola", "buenos dias",
          "buenas tardes", "buenas", "estimado", "estimada", "querido", "querida", "ola", "oi",
          "bom dia", "boa tarde", "prezado", "prezada", "hoi", "goedemorgen", "goedemiddag",
          "beste", "dag", "hej", "hei", "czesc", "dzien dobry", "merhaba", "namaste", "salam",
          "shalom", "privet", "zdravstvuyte", "здравствуите", "привет", "ahoj", "szia", "heippa");

  static final Set<String> SIGN_OFFS =
      words(
          "best", "best regards", "kind regards", "warm regards", "warmest regards", "regards",
          "many regards", "best wishes", "all the best", "cheers", "thanks", "thank you",
          "many thanks", "thanks a lot", "thx", "ty", "tia", "br", "kr", "sincerely",
          "yours sincerely", "sincerely yours", "yours", "yours truly", "respectfully", "cordially",
          "take care", "talk soon", "greetings", "with regards", "with best regards", "rgds",
          "cordialement", "bien cordialement", "bien a vous", "merci", "merci beaucoup",
          "amicalement", "salutations", "bises", "saludos", "un saludo", "saludos cordiales",
          "atentamente", "gracias", "muchas gracias", "abrazos", "un abrazo", "saluti",
          "cordiali saluti", "distinti saluti", "grazie", "grazie mille", "un saluto", "gruss",
          "grusse", "viele grusse", "beste grusse", "liebe grusse", "herzliche grusse",
          "freundliche grusse", "mit freundlichen grussen", "mfg", "lg", "vg", "danke",
          "vielen dank", "danke schon", "groeten", "met vriendelijke groet", "vriendelijke groet",
          "hartelijke groet", "groetjes", "bedankt", "dank je", "dank u", "abracos", "um abraco",
          "atenciosamente", "obrigado", "obrigada", "cumprimentos", "pozdrawiam", "dziekuje",
          "mvh", "halsningar", "med vanlig halsning", "tack", "tak");

  /** Courtesy titles and honorifics that may stand in a greeting or signature. */
  static final Set<String> TITLES =
      words(
          "dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "madam", "maam",
          "herr", "frau", "sr", "sra", "srta", "don", "dona", "mme", "mlle", "m", "monsieur",
          "madame", "signor", "signora", "sig", "dott", "dottssa", "ing", "avv", "dhr", "mevr",
          "pan", "pani", "eng", "mag", "dipl");

  /** Words that may stand for the name in a greeting ("Hi there", "Hello all"). */
  static final Set<String> FILLERS =
      words(
          "there", "all", "everyone", "everybody", "team", "folks", "friend", "friends",
          "colleague", "zusammen", "tous", "a tous", "todos", "tutti", "allemaal", "amigo",
          "amiga", "ami");

  /** Lower-case name particles and title connectors allowed inside names and signatures. */
  static final Set<String> CONNECTORS =
      words(
          "de", "van", "von", "der", "den", "ter", "da", "di", "del", "della", "la", "le", "du",
          "dos", "das", "do", "y", "e", "al", "el", "bin", "ibn", "at", "of", "and", "bei",
          "chez", "en", "und", "et", "em", "bij");

  /**
   * Words that begin or carry real sentences and are not names, even when capitalised ("We met
   * at ...", "Loved your talk", "Congrats!"). Their presence in a greeting or trailer means it is
   * content, not noise.
   */
  static final Set<String> SENTENCE_WORDS =
      words(
          // English
          "i", "im", "ive", "id", "ill", "me", "my", "mine", "you", "youre", "youve", "your",
          "yours", "we", "were", "weve", "us", "our", "he", "she", "they", "it", "its", "this",
          "that", "these", "those", "the", "a", "an", "is", "are", "am", "was", "be", "been",
          "have", "has", "had", "will", "would", "could", "should", "can", "may", "might", "do",
          "did", "does", "dont", "like", "love", "loved", "liked", "enjoyed", "met", "meet",
          "meeting", "saw", "see", "seen", "read", "hope", "want", "wanted", "wish", "think",
          "thought", "because", "since", "as", "after", "before", "when", "where", "why", "how",
          "what", "who", "which", "if", "but", "so", "not", "no", "yes", "just", "really", "very",
          "also", "please", "connect", "connecting", "network", "linkedin", "talk", "event",
          "conference", "meetup", "webinar", "post", "article", "work", "working", "worked",
          "together", "great", "nice", "good", "congrats", "congratulations", "interested",
          "interesting", "glad", "happy", "pleasure", "looking", "forward", "following",
          "recommended", "referred", "mentioned", "to", "for", "from", "with", "about", "on",
          "in", "by", "we're", "hope", "there", "here", "thanks", "thank", "awesome", "amazing",
          "cool", "fellow", "same", "both", "again", "last", "next", "week", "today", "yesterday",
          "recently", "currently", "hiring", "job", "role", "position", "opportunity", "project",
          // German
          "ich", "du", "sie", "wir", "mich", "mir", "dich", "dir", "uns", "ihr", "ihre", "ihnen",
          "mein", "meine", "dein", "deine", "unser", "unsere", "habe", "haben", "hatte", "bin",
          "ist", "sind", "war", "waren", "gerne", "gern", "mochte", "wurde", "kennen", "getroffen",
          "gesehen", "wegen", "weil", "dass", "vortrag", "toll", "super", "vielen", "dank",
          // French
          "je", "j", "jai", "vous", "nous", "tu", "te", "toi", "moi", "mon", "ma", "mes", "votre",
          "vos", "notre", "nos", "suis", "est", "ai", "avons", "avez", "etait", "souhaite",
          "souhaiterais", "aimerais", "rencontre", "parce", "que", "qui", "merci", "bravo",
          "conference", "lu",
          // Spanish, Italian, Portuguese
          "yo", "usted", "nosotros", "mi", "mis", "su", "sus", "nuestro", "nuestra", "tu", "tus",
          "nos", "es", "soy", "estoy", "fue", "hemos", "he", "quiero", "gustaria", "porque",
          "conoci", "conocimos", "vi", "io", "ho", "sono", "siamo", "vorrei", "noi", "ci", "ti",
          "perche", "conosciuti", "visto", "eu", "voce", "sou", "estou", "gostaria", "conheci",
          "vimos", "gracias", "grazie", "obrigado",
          // Dutch
          "ik", "je", "jij", "jou", "jouw", "u", "uw", "wij", "ons", "onze", "ben", "heb",
          "hebben", "wil", "graag", "ontmoet", "omdat");

  /** True when the tokens from {@code from} begin with one of the phrases; returns its length. */
  static int matchPhrase(Set<String> phrases, String[] tokens, int from, int to, int maxWords) {
    int best = 0;
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < maxWords && from + k < to; k++) {
      if (k > 0) {
        sb.append(' ');
      }
      sb.append(tokens[from + k]);
      if (phrases.contains(sb.toString())) {
        best = k + 1;
      }
    }
    return best;
  }

  private static Set<String> words(String... raw) {
    Set<String> set = new HashSet<>();
    for (String w : raw) {
      Canonical c = Canonical.of(w, Integer.MAX_VALUE);
      set.add(c.joined(0, c.size));
    }
    return Set.copyOf(set);
  }

  static List<String> tokensOf(String raw) {
    Canonical c = Canonical.of(raw, Integer.MAX_VALUE);
    return List.of(java.util.Arrays.copyOf(c.tokens, c.size));
  }
}
