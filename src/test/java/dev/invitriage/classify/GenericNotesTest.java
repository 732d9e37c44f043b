package dev.invitriage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.domain.Classification;
import dev.invitriage.domain.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Notes that say nothing are GENERIC; names stand where a name stands; explanations cut a note
 * into its pieces. The golden files hold many more cases; these pin the rules themselves.
 */
class GenericNotesTest {
  private static final Classifier CLASSIFIER = Classifier.create(List.of());
  private static final String CLASSIC = "I'd like to add you to my professional network on LinkedIn.";

  private static Classification judge(String note, String sender, String recipient) {
    return CLASSIFIER.classify(note, sender, recipient);
  }

  @Test
  void aGreetingARequestAndASignatureSayNothing() {
    Classification c = judge("Hi Marta, let's connect! Best, Ben Carter | Recruiter | Acme", "Ben Carter", "");

    assertThat(c.verdict()).isEqualTo(Verdict.GENERIC);
    assertThat(c.reason()).isEqualTo("generic: greeting + request to connect + sign-off + signature (en)");
  }

  @Test
  void anyWordLeftOverMakesTheNotePersonal() {
    assertThat(judge("Let's connect - I run the Kraków Rust meetup and would love you to speak.", "", "").verdict())
        .isEqualTo(Verdict.PERSONAL);
    assertThat(judge("Hope you're well! Quick question about your MapDB benchmark post.", "", "").verdict())
        .isEqualTo(Verdict.PERSONAL);
    assertThat(judge("Let's connect about the Rust job", "", "").verdict()).isEqualTo(Verdict.PERSONAL);
  }

  @Test
  void onlyEmojiOrPunctuationIsGenericAndNothingVisibleStaysEmpty() {
    assertThat(judge("👋", "", "").verdict()).isEqualTo(Verdict.GENERIC);
    assertThat(judge("...", "", "").verdict()).isEqualTo(Verdict.GENERIC);
    assertThat(judge(" \u200B ", "", "").verdict()).isEqualTo(Verdict.EMPTY);
  }

  @Test
  void theSendersNameIsASignatureEvenWhenItIsAnOrdinaryWord() {
    for (String first : List.of("Ben", "Will", "Hope", "Mark", "Dan")) {
      String sender = first + " Carter";
      assertThat(judge(CLASSIC + " - " + first, sender, "").verdict()).as(first).isEqualTo(Verdict.DEFAULT);
      assertThat(judge(CLASSIC + " Best, " + first, sender, "").verdict()).as(first).isEqualTo(Verdict.DEFAULT);
    }
  }

  @Test
  void theSendersInitialsAreASignature() {
    assertThat(judge(CLASSIC + " - B.C.", "Ben Carter", "").verdict()).isEqualTo(Verdict.DEFAULT);
    assertThat(judge(CLASSIC + " - BC", "Ben Carter", "").verdict()).isEqualTo(Verdict.DEFAULT);
  }

  @Test
  void theRecipientsNameIsAnAddressEvenWhenItIsAnOrdinaryWord() {
    assertThat(judge("Will, " + CLASSIC, "", "Will Brooks").verdict()).isEqualTo(Verdict.DEFAULT);
    assertThat(judge("Will, let's connect!", "", "Will Brooks").verdict()).isEqualTo(Verdict.GENERIC);
    assertThat(judge("Thanks, Hope!", "", "Hope Lee").verdict()).isEqualTo(Verdict.GENERIC);
  }

  @Test
  void aNameInTheMiddleOfASentenceIsContent() {
    assertThat(judge("I hope you will join the Rust meetup", "Hope Carter", "Will Brooks").verdict())
        .isEqualTo(Verdict.PERSONAL);
    assertThat(judge("Will call you tomorrow about the role", "Will Carter", "").verdict())
        .isEqualTo(Verdict.PERSONAL);
  }

  @Test
  void aNoteOfOnlyTheSendersOrRecipientsNameIsGeneric() {
    assertThat(judge("Ben Carter", "Ben Carter", "").verdict()).isEqualTo(Verdict.GENERIC);
    assertThat(judge("Marta!", "", "Marta Nowak").verdict()).isEqualTo(Verdict.GENERIC);
  }

  @Test
  void aLoneUnknownWordIsContent() {
    assertThat(judge("KubeCon", "Ben Carter", "Marta Nowak").verdict()).isEqualTo(Verdict.PERSONAL);
  }

  @Test
  void withTheRecipientKnownOnlyTheirNameStandsAfterAGreeting() {
    assertThat(judge("Hi Marta, let's connect!", "", "Marta Nowak").verdict()).isEqualTo(Verdict.GENERIC);
    assertThat(judge("Hi KubeCon folks, let's connect!", "", "Marta Nowak").verdict())
        .isEqualTo(Verdict.PERSONAL);
  }

  @Test
  void aDefaultTextWithARequestBesideItIsStillDefault() {
    Classification c = judge(CLASSIC + " Let's connect!", "", "");

    assertThat(c.verdict()).isEqualTo(Verdict.DEFAULT);
    assertThat(c.reason()).isEqualTo("default text (en, classic) with request to connect");
  }

  @Test
  void anExplanationLabelsEveryPieceOfAGenericNote() {
    Explanation e = CLASSIFIER.explain(
        "Hi Marta, hope you're well! Let's connect. Best, Ben Carter", "Ben Carter", "Marta Nowak");

    assertThat(e.classification().verdict()).isEqualTo(Verdict.GENERIC);
    assertThat(e.pieces()).extracting(Explanation.Piece::kind).containsExactly(
        "greeting", "name", "pleasantry", "request to connect", "sign-off", "signature");
    assertThat(e.pieces()).extracting(Explanation.Piece::text).containsExactly(
        "hi", "marta", "hope youre well", "lets connect", "best", "ben carter");
    assertThat(e.pieces().get(0).detail()).contains("en");
    assertThat(e.classification().reason()).endsWith("(en)");
  }

  @Test
  void anExplanationShowsTheDefaultTextWithItsLanguageAndVariant() {
    Explanation e = CLASSIFIER.explain("Hi Marta, " + CLASSIC + " - Ben", "Ben Carter", "Marta Nowak");

    assertThat(e.pieces()).extracting(Explanation.Piece::kind)
        .containsExactly("greeting", "name", "default text", "signature");
    assertThat(e.pieces().get(2).detail()).isEqualTo("en, classic");
  }

  @Test
  void anExplanationOfAPersonalNoteShowsItsContent() {
    Explanation e = CLASSIFIER.explain("Hi Marta, we met at the Kraków meetup", "", "Marta Nowak");

    assertThat(e.classification().verdict()).isEqualTo(Verdict.PERSONAL);
    assertThat(e.pieces()).extracting(Explanation.Piece::kind).containsExactly("greeting", "content");
    assertThat(e.pieces().get(1).text()).isEqualTo("we met at the krakow meetup");
  }
}
