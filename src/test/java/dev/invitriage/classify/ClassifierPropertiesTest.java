package dev.invitriage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.domain.Classification;
import dev.invitriage.domain.Verdict;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties over generated notes: robustness, noise tolerance, and sentences staying personal. */
class ClassifierPropertiesTest {
  private static final Classifier CLASSIFIER = Classifier.create(List.of());

  private static final List<String> DEFAULTS =
      List.of(
          "I'd like to add you to my professional network on LinkedIn.",
          "I’d like to add you to my professional network",
          "I'd like to add you to my LinkedIn network.",
          "I'd like to join your LinkedIn network.",
          "please add me to your LinkedIn network",
          "You are a person I trust. I'd like to invite you to join my network on LinkedIn. I'm"
              + " using it to discover inside connections I didn't know I had.",
          "I'd like to connect with you on LinkedIn.",
          "vorrei aggiungerti alla mia rete professionale su LinkedIn.",
          "je souhaiterais rejoindre votre réseau sur LinkedIn.",
          "merci de m’ajouter à votre réseau LinkedIn",
          "me gustaría contactar contigo",
          "Me gustaría añadirte a mi red profesional en LinkedIn.",
          "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
          "Gostaria de adicioná-lo à minha rede profissional no LinkedIn.",
          "Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn.");

  private static final List<String> REAL_SENTENCES =
      List.of(
          "We met at the Berlin meetup.",
          "Loved your talk at JavaOne!",
          "we worked together at Acme",
          "I saw your post about Rust.",
          "Your colleague Anna suggested I reach out.",
          "Thanks for the great session on Kafka",
          "Congrats on the new role!",
          "Are you still hiring Java developers?",
          "Wir haben uns auf der JAX getroffen.",
          "On s'est rencontrés à Lyon.",
          "Nos conocimos en Madrid.",
          "JavaOne 2024");

  @Property(tries = 2000)
  void neverThrowsAndAlwaysGivesAReason(
      @ForAll String message, @ForAll String sender) {
    Classification c = CLASSIFIER.classify(message, sender);

    assertThat(c.reason()).isNotBlank();
    assertThat(c.verdict()).isNotEqualTo(Verdict.TEMPLATE);
    assertThat(CLASSIFIER.templateKey(message, sender)).isNotNull();
  }

  @Property(tries = 500)
  void hostileCharactersNeverThrow(@ForAll("hostile") String message) {
    assertThat(CLASSIFIER.classify(message, message).reason()).isNotBlank();
  }

  @Property(tries = 1000)
  void defaultWrappedInNoiseIsDefault(@ForAll("noisyDefault") String message) {
    Classification c = CLASSIFIER.classify(message, "John Smith");

    assertThat(c.verdict()).as("%s -> %s", GoldenCase.visible(message), c.reason())
        .isEqualTo(Verdict.DEFAULT);
  }

  @Property(tries = 1000)
  void defaultFollowedByARealSentenceIsPersonal(
      @ForAll("noisyDefault") String wrapped, @ForAll("sentence") String sentence) {
    String message = wrapped + " " + sentence;
    Classification c = CLASSIFIER.classify(message, "John Smith");

    assertThat(c.verdict()).as("%s -> %s", GoldenCase.visible(message), c.reason())
        .isEqualTo(Verdict.PERSONAL);
  }

  /** Real context that must stay content even after a signature block. */
  private static final List<String> SIGNATURE_CONTEXT =
      List.of(
          "P.S. We met at KubeCon.",
          "PS: loved your Kafka talk",
          "Former colleague at Acme",
          "Q3 migration lead",
          "Thanks for the intro!",
          "Cheers for the beer at FOSDEM",
          "Hope the surgery went well.",
          "Let's grab a coffee at Devoxx",
          "See you at JavaOne 2024");

  @Property(tries = 1000)
  void defaultWithSignatureBlockAfterSignOffIsDefault(@ForAll("signedDefault") String message) {
    Classification c = CLASSIFIER.classify(message, "");

    assertThat(c.verdict()).as("%s -> %s", GoldenCase.visible(message), c.reason())
        .isEqualTo(Verdict.DEFAULT);
    assertThat(c.reason()).as(GoldenCase.visible(message)).contains("signature");
  }

  @Property(tries = 1000)
  void signatureBlockFollowedByARealSentenceIsPersonal(
      @ForAll("signedDefault") String signed,
      @ForAll("signatureContext") String sentence,
      @ForAll("lineBreak") String lineBreak) {
    String message = signed + lineBreak + sentence;
    Classification c = CLASSIFIER.classify(message, "");

    assertThat(c.verdict()).as("%s -> %s", GoldenCase.visible(message), c.reason())
        .isEqualTo(Verdict.PERSONAL);
  }

  @Provide
  Arbitrary<String> sentence() {
    return Arbitraries.of(REAL_SENTENCES);
  }

  @Provide
  Arbitrary<String> signatureContext() {
    return Arbitraries.of(
        java.util.stream.Stream.concat(REAL_SENTENCES.stream(), SIGNATURE_CONTEXT.stream())
            .toList());
  }

  @Provide
  Arbitrary<String> lineBreak() {
    return Arbitraries.of(" ", "\n", "\n\n", " | ", "\r\n");
  }

  /**
   * A default phrase, a sign-off or signature delimiter, then a signature block: a name and any
   * combination of pronouns, a job title with a company, a phone number, an e-mail address and a
   * URL, one per line or separated by bars, in any order.
   */
  @Provide
  Arbitrary<String> signedDefault() {
    Arbitrary<String> greeting =
        Arbitraries.of("", "Hi Anna, ", "Hello Dr. Smith - ", "Hola Ana, ");
    Arbitrary<String> signOff =
        Arbitraries.of("Best,", "Best regards,", "Kind regards", "Cheers,", "Thanks!", "Regards,",
            "Viele Grüße", "Cordialement,", "Saludos,", "Abraços,", "Met vriendelijke groet,",
            "Cordiali saluti,", "Warm regards,", "--", "-", "—", "Thanks for connecting!");
    Arbitrary<String> name =
        Arbitraries.of("John Smith", "Dr. Jane Doe", "María José García", "Jan de Vries",
            "Anna-Lena Müller", "Siobhan O'Brien", "J. Doe", "Li Wei", "Ahmed bin Said");
    Arbitrary<String> pronouns = Arbitraries.of("(she/her)", "(he/him)", "(they/them)");
    Arbitrary<String> title =
        Combinators.combine(
                Arbitraries.of("", "Senior ", "Principal ", "Lead ", "Junior ", "Global "),
                Arbitraries.of("Recruiter", "Software Engineer", "Talent Acquisition Specialist",
                    "Account Executive", "Sales Director", "Managing Partner", "Consultant",
                    "Head of Talent", "VP Sales EMEA", "Co-Founder & CEO", "CTO"),
                Arbitraries.of("", " at Acme Corp", " | Acme GmbH", " @ Initech", ", Globex Ltd."))
            .as((seniority, role, company) -> seniority + role + company);
    Arbitrary<String> phone =
        Combinators.combine(
                Arbitraries.of("", "Tel: ", "M: ", "Phone ", "Mobile: "),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3),
                Arbitraries.strings().numeric().ofLength(3),
                Arbitraries.strings().numeric().ofLength(4),
                Arbitraries.of("+%s %s %s", "+%s (0)%s %s", "+%s-%s-%s", "+%s %s.%s"))
            .as((label, cc, a, b, format) -> label + String.format(format, cc, a, b));
    Arbitrary<String> email =
        Combinators.combine(
                Arbitraries.of("", "E: ", "Email: ", "E-mail: "),
                Arbitraries.of("john.smith", "j_doe", "jane", "recruiting+eu"),
                Arbitraries.of("acme.example", "mail.initech.com", "globex.co.uk"))
            .as((label, local, domain) -> label + local + "@" + domain);
    Arbitrary<String> url =
        Arbitraries.of("https://www.acme.example", "www.acme.example/careers", "acme.com",
            "https://linkedin.com/in/janedoe", "LinkedIn: linkedin.com/in/jdoe",
            "http://initech.com/jobs?id=42");
    Arbitrary<List<String>> extras =
        Combinators.combine(
                optional(pronouns), optional(title), optional(phone), optional(email),
                optional(url))
            .as(List::of)
            .flatMap(parts -> Arbitraries.shuffle(parts));
    Arbitrary<String> separator = Arbitraries.of("\n", " | ", "\r\n");
    return Combinators.combine(
            greeting, Arbitraries.of(DEFAULTS), signOff, name, extras, separator)
        .as(
            (g, p, so, n, ex, sep) -> {
              StringBuilder sb = new StringBuilder(g).append(p).append('\n').append(so);
              sb.append(so.startsWith("-") || so.startsWith("—") ? " " : "\n").append(n);
              for (String part : ex) {
                if (!part.isEmpty()) {
                  // pronouns stay on the name's line, as people write them
                  sb.append(part.startsWith("(") ? " " : sep).append(part);
                }
              }
              return sb.toString();
            });
  }

  private static Arbitrary<String> optional(Arbitrary<String> part) {
    return Arbitraries.oneOf(Arbitraries.just(""), part);
  }

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.strings()
        .withChars('\u0000', '\u001B', '[', ']', '\u0007', '\u009B', '\u202E', '\u200B', '\uFEFF')
        .withChars('\uD800', '\uDFFF', '&', '#', ';', 'x', '\'', 'a', ' ', '\n', '\u0301')
        .ofMaxLength(200);
  }

  /** A default phrase inside greeting, case, apostrophe, whitespace, emoji and signature noise. */
  @Provide
  Arbitrary<String> noisyDefault() {
    Arbitrary<String> greeting =
        Arbitraries.of("", "Hi Anna, ", "Hello Dr. Smith - ", "Dear Mr. Jones,\n", "Hey there! ",
            "Bonjour Marie, ", "Hallo Frau Müller, ", "Hola Ana, ", "Hi,\r\n", "Anna, ");
    Arbitrary<String> phrase = Arbitraries.of(DEFAULTS);
    Arbitrary<String> casing = Arbitraries.of("same", "upper", "lower");
    Arbitrary<String> apostrophe = Arbitraries.of("'", "’", "‘", "´", "`", "&#39;", "&apos;", "&rsquo;");
    Arbitrary<String> punctuation = Arbitraries.of("", ".", "!!!", "...", "?!", " :)");
    Arbitrary<String> emoji = Arbitraries.of("", " 🙂", " 👍🏽", "🚀🚀", " ❤️", " 🇩🇪");
    Arbitrary<String> signature =
        Arbitraries.of("", " - John Smith", "\nBest,\nJohn Smith | CTO at X", " Thanks!",
            " Kind regards, John", "\n\nJohn Smith", " — John", " Cheers, Dr. John Smith");
    Arbitrary<String> space = Arbitraries.of("", " ", "   ", "\t", "\n", "\r\n", "\u00A0\u200B");
    return Combinators.combine(
            greeting, phrase, casing, apostrophe, punctuation, emoji, signature, space)
        .as(
            (g, p, c, a, pu, e, s, sp) -> {
              String text = g + p.replace("'", a).replace(" ", sp.isEmpty() ? " " : " " + sp)
                  + pu + e + s + sp;
              return switch (c) {
                case "upper" -> text.toUpperCase(java.util.Locale.ROOT);
                case "lower" -> text.toLowerCase(java.util.Locale.ROOT);
                default -> text;
              };
            });
  }
}
