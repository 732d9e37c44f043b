package dev.invitriage.classify;

import java.util.ArrayList;
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
  /** Most tokens of one pleasantry ("i hope this message finds you well"). */
  static final int MAX_PLEASANTRY_WORDS = 8;
  /** How many pleasantries may stand between the greeting and the default text. */
  static final int MAX_LEADING_PLEASANTRIES = 2;
  /** How many sign-offs and pleasantries may follow each other ("Thanks for connecting! Best,"). */
  static final int MAX_SIGN_OFFS = 3;
  /**
   * Most items of a signature after a sign-off, dash or the sender's name: a word, a phone number
   * or a link each count once ("John Smith | Senior Recruiter at Acme Corp | +1 555 0100").
   */
  static final int MAX_SIGNATURE = 20;
  /** Most unknown lower-case words after the sender's name in a note without any capitals. */
  static final int MAX_PLAIN_TITLE_WORDS = 8;
  /** Most tokens of such a signature (a phone number is several tokens). */
  static final int MAX_SIGNATURE_TOKENS = 32;
  /**
   * Most tokens a default note may have outside its default text, not counting the sender's name:
   * each kind of noise has its own limit, but they never all reach it together, and a single bound
   * keeps long personal notes cheap (they stop being tokenised after it).
   */
  static final int MAX_NOISE = 40;
  /** Fewest and most digits of a phone number in a signature ("+1 555 0100", "+49 30 1234567"). */
  static final int MIN_PHONE_DIGITS = 7;

  static final int MAX_PHONE_DIGITS = 15;

  static final WordSequences GREETINGS =
      sequences(
          MAX_GREETING_WORDS,
          "hi", "hello", "hey", "heya", "hiya", "dear", "greetings", "good morning",
          "good afternoon", "good evening", "good day", "howdy", "yo", "hallo", "hello there",
          "moin", "servus", "guten tag", "guten morgen", "liebe", "lieber", "sehr geehrte",
          "sehr geehrter", "bonjour", "bonsoir", "salut", "coucou", "cher", "chere", "ciao",
          "salve", "buongiorno", "buonasera", "gentile", "caro", "cara", "hola", "buenos dias",
          "buenas tardes", "buenas", "estimado", "estimada", "querido", "querida", "ola", "oi",
          "bom dia", "boa tarde", "prezado", "prezada", "hoi", "goedemorgen", "goedemiddag",
          "beste", "dag", "hej", "hei", "czesc", "dzien dobry", "merhaba", "namaste", "salam",
          "shalom", "privet", "zdravstvuyte", "здравствуите", "привет", "ahoj", "szia", "heippa");

  static final WordSequences SIGN_OFFS =
      sequences(
          MAX_SIGN_OFF_WORDS,
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
          "mvh", "halsningar", "med vanlig halsning", "tack", "tak",
          // added for real-world notes: English
          "kindest regards", "warmest", "warmly", "warm wishes", "with thanks", "thanks so much",
          "thank you so much", "thanks again", "thanks and regards", "thanks regards",
          "best regards", "all best", "cheers mate",
          // Portuguese
          "abraco", "abracos", "forte abraco", "um forte abraco", "abs", "att", "saudacoes",
          "cordialmente", "obrigada",
          // Spanish
          "un cordial saludo", "cordiales saludos", "saludos cordiales", "abrazo",
          "un saludo cordial", "muchos saludos",
          // French
          "bonne journee", "bonne soiree", "belle journee", "a bientot", "au plaisir",
          "bien a toi", "sinceres salutations", "meilleures salutations",
          // German, also with "ue" for "u" as typed without umlauts
          "gruesse", "viele gruesse", "beste gruesse", "liebe gruesse", "herzliche gruesse",
          "freundliche gruesse", "mit freundlichen gruessen", "schone grusse", "schoene gruesse",
          "mit besten grussen", "mit besten gruessen", "bg",
          // Dutch
          "groet", "met vriendelijke groeten", "vriendelijke groeten", "hartelijke groeten",
          "mvg", "groetjes en tot ziens",
          // Italian
          "a presto", "buona giornata", "un caro saluto", "cari saluti", "saluti cordiali",
          "un cordiale saluto");

  /**
   * Generic pleasantries that say nothing about how the sender knows the reader, allowed before
   * and after a default text. A closed list of exact forms (after normalisation), never a pattern:
   * "hope you are well" is noise, "hope you are well after the surgery" is not. "Nice to meet you"
   * is deliberately absent (it may refer to a real meeting); "nice to e-meet you" says they have
   * not met.
   */
  static final WordSequences PLEASANTRIES =
      new WordSequences(pleasantries(), MAX_PLEASANTRY_WORDS);

  /** Courtesy titles and honorifics that may stand in a greeting or signature. */
  static final WordSet TITLES =
      wordSet(
          "dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "madam", "maam",
          "herr", "frau", "sr", "sra", "srta", "don", "dona", "mme", "mlle", "m", "monsieur",
          "madame", "signor", "signora", "sig", "dott", "dottssa", "ing", "avv", "dhr", "mevr",
          "pan", "pani", "eng", "mag", "dipl");

  /** Words that may stand for the name in a greeting ("Hi there", "Hello all"). */
  static final WordSet FILLERS =
      wordSet(
          "there", "all", "everyone", "everybody", "team", "folks", "friend", "friends",
          "colleague", "zusammen", "tous", "a tous", "todos", "tutti", "allemaal", "amigo",
          "amiga", "ami");

  /**
   * Job-title, qualification and company-form words that may stand in a signature in any case
   * ("senior recruiter", "talent acquisition", "gmbh"). None of them is a sentence word.
   */
  static final WordSet JOB_WORDS =
      wordSet(
          // English
          "recruiter", "recruiting", "recruitment", "senior", "junior", "jr", "principal", "staff",
          "lead", "head", "manager", "director", "engineer", "engineering", "developer",
          "architect", "designer", "analyst", "scientist", "researcher", "founder", "cofounder",
          "co", "owner", "ceo", "cto", "cfo", "coo", "cmo", "cio", "ciso", "cpo", "cro", "vp",
          "svp", "evp", "avp", "vice", "president", "chief", "officer", "partner", "consultant",
          "consulting", "advisor", "adviser", "talent", "acquisition", "sales", "account",
          "accounts", "executive", "specialist", "associate", "assistant", "coordinator",
          "administrator", "admin", "marketing", "hr", "human", "resources", "people",
          "operations", "ops", "business", "development", "bd", "growth", "customer", "success",
          "support", "product", "program", "programme", "technical", "technology", "software",
          "data", "security", "cloud", "devops", "strategy", "global", "regional",
          "international", "emea", "apac", "dach", "americas", "freelance", "freelancer",
          "independent", "board", "member", "investor", "entrepreneur", "coach", "trainer",
          "agent", "broker", "sourcer", "headhunter", "managing", "general", "gm", "md",
          "deputy", "interim", "intern", "phd", "msc", "mba", "bsc", "cpa", "pmp", "cissp",
          "digital", "innovation", "finance", "financial", "legal", "counsel",
          // German, French, Spanish, Italian, Portuguese, Dutch
          "geschaftsfuhrer", "geschaeftsfuehrer", "inhaber", "inhaberin", "leiter", "leiterin",
          "berater", "beraterin", "personalberater", "personalberaterin", "entwickler",
          "vertrieb", "gesellschafter", "directeur", "directrice", "responsable", "charge",
          "chargee", "ingenieur", "fondateur", "fondatrice", "gerant", "gerante",
          "recrutement", "commercial", "directora", "gerente", "ingeniero", "ingeniera",
          "fundador", "fundadora", "reclutador", "reclutadora", "consultor", "consultora",
          "jefe", "jefa", "direttore", "direttrice", "responsabile", "ingegnere", "fondatore",
          "titolare", "consulente", "diretor", "diretora", "engenheiro", "engenheira",
          "recrutador", "recrutadora", "analista", "socio", "socia", "eigenaar", "adviseur",
          "oprichter",
          // company forms
          "inc", "llc", "ltd", "gmbh", "ag", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "plc",
          "corp", "corporation", "kg", "oy", "ab", "aps", "lda", "sl", "pty", "limited", "group",
          "holding", "labs", "solutions", "technologies", "systems", "partners", "ventures",
          "capital", "agency", "studio", "company");

  /**
   * Words that introduce a phone number or link in a signature ("Tel.", "M:", "E-mail:",
   * "LinkedIn:"). Only accepted directly before one.
   */
  static final WordSet CONTACT_LABELS =
      wordSet(
          "tel", "phone", "mobile", "mob", "cell", "m", "t", "p", "o", "f", "fax", "office",
          "direct", "whatsapp", "telefon", "handy", "mobil", "telefono", "movil", "celular",
          "portable", "gsm", "email", "e", "mail", "web", "website", "site", "url", "w",
          "linkedin", "calendly", "book", "phone number", "cel");

  /** Most tokens of a pronoun set. */
  static final int MAX_PRONOUN_WORDS = 3;

  /** Pronoun sets people put in signatures ("John Smith (he/him)"). */
  static final WordSequences PRONOUNS =
      sequences(
          MAX_PRONOUN_WORDS,
          "he him", "she her", "they them", "he they", "she they", "he him his", "she her hers",
          "they them theirs", "er ihm", "sie ihr");

  /** Lower-case name particles and title connectors allowed inside names and signatures. */
  static final WordSet CONNECTORS =
      wordSet(
          "de", "van", "von", "der", "den", "ter", "da", "di", "del", "della", "la", "le", "du",
          "dos", "das", "do", "y", "e", "al", "el", "bin", "ibn", "at", "of", "and", "bei",
          "chez", "en", "und", "et", "em", "bij");

  /**
   * Words that begin or carry real sentences and are not names, even when capitalised ("We met
   * at ...", "Loved your talk", "Congrats!"). Their presence in a greeting or trailer means it is
   * content, not noise.
   */
  static final WordSet SENTENCE_WORDS =
      wordSet(
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
          "hebben", "wil", "graag", "ontmoet", "omdat",
          // How people know each other, and what they talked about: content even when
          // capitalised in a signature ("Former Colleague at Acme", "Fantastic Keynote").
          "former", "ex", "colleague", "colleagues", "classmate", "classmates", "teammate",
          "teammates", "coworker", "coworkers", "alumni", "alumnus", "alumna", "mentor", "mentee",
          "neighbour", "neighbor", "friend", "friends", "kollege", "kollegin", "collegue",
          "collega", "colega", "companero", "keynote", "presentation", "session", "demo",
          "workshop", "panel", "podcast", "talks", "slides", "paper", "blog", "video", "course",
          "fantastic", "brilliant", "excellent", "inspiring", "insightful", "helpful",
          "remember", "mutual", "introduced", "introduction", "intro", "ps", "pps", "husband",
          "wife", "brother", "sister", "daughter", "father", "mother", "dad", "mum", "mom",
          "cousin", "uncle", "aunt", "nephew", "niece", "boyfriend", "girlfriend", "fiance",
          "fiancee", "roommate", "flatmate");

  private static Set<String> pleasantries() {
    List<String> forms = new ArrayList<>();
    for (String i : List.of("", "i ")) {
      for (String you : List.of("you are", "you're", "youre", "you r", "u are")) {
        for (String well :
            List.of("well", "doing well", "doing good", "doing great", "doing fine", "fine",
                "good", "great", "having a great week", "having a good week",
                "having a great day", "having a good day", "having a nice day")) {
          forms.add(i + "hope " + you + " " + well);
        }
      }
      for (String what : List.of("this", "this message", "this note", "my message")) {
        forms.add(i + "hope " + what + " finds you well");
      }
      forms.add(i + "hope all is well");
      forms.add(i + "hope all is well with you");
      forms.add(i + "hope all is good");
      forms.add(i + "hope you had a great weekend");
      forms.add(i + "hope you had a good weekend");
      forms.add(i + "look forward to connecting");
      forms.add(i + "look forward to connecting with you");
      forms.add(i + "look forward to hearing from you");
      forms.add(i + "look forward to staying in touch");
    }
    forms.addAll(
        List.of(
            "looking forward to connecting", "looking forward to connecting with you",
            "looking forward to hearing from you", "looking forward to staying in touch",
            "thanks", "thank you", "many thanks", "thanks a lot", "thanks in advance",
            "thank you in advance", "thanks for connecting", "thank you for connecting",
            "thanks for accepting", "thank you for accepting", "thanks for accepting my invitation",
            "thank you for accepting my invitation", "thanks for accepting my request",
            "thank you for accepting my request", "thanks for your time",
            "thank you for your time", "thanks for considering", "thank you for considering",
            "thanks for considering my request", "thank you for considering my request",
            "nice to e-meet you", "nice to emeet you", "great to e-meet you",
            "pleasure to e-meet you"));
    for (String adjective : List.of("great", "nice", "good", "wonderful", "lovely", "fantastic")) {
      for (String time : List.of("day", "week", "weekend", "evening", "rest of your day",
          "rest of your week", "start to the week")) {
        forms.add("have a " + adjective + " " + time);
      }
    }
    forms.addAll(
        List.of(
            // Spanish, French, German, Italian, Portuguese, Dutch: "I hope you are well"
            "espero que estes bien", "espero que este bien", "espero que te encuentres bien",
            "espero que se encuentre bien", "j'espere que vous allez bien",
            "j'espere que tu vas bien", "ich hoffe es geht ihnen gut",
            "ich hoffe es geht dir gut", "ich hoffe dir geht es gut",
            "ich hoffe ihnen geht es gut", "spero tu stia bene", "spero che tu stia bene",
            "spero stia bene", "spero che stia bene", "espero que esteja bem",
            "espero que estejas bem", "espero que voce esteja bem",
            "ik hoop dat het goed met je gaat", "ik hoop dat het goed met u gaat"));
    return words(forms.toArray(new String[0]));
  }

  private static WordSet wordSet(String... raw) {
    return new WordSet(words(raw));
  }

  private static WordSequences sequences(int maxWords, String... raw) {
    return new WordSequences(words(raw), maxWords);
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
    return List.of(c.tokens());
  }
}
