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

  @Provide
  Arbitrary<String> sentence() {
    return Arbitraries.of(REAL_SENTENCES);
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
