package dev.invitriage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.domain.Classification;
import dev.invitriage.domain.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour beyond the golden file: long notes, user phrases, null inputs. */
class ClassifierTest {
  private static final Classifier CLASSIFIER = Classifier.create(List.of());
  private static final String CLASSIC = "I'd like to add you to my professional network on LinkedIn.";

  @Test
  void fiveThousandCharacterPersonalNoteIsPersonal() {
    String note = "We met at the Berlin meetup and talked about Kafka. ".repeat(100);
    assertThat(note.length()).isGreaterThanOrEqualTo(5000);

    assertThat(CLASSIFIER.classify(note, "John").verdict()).isEqualTo(Verdict.PERSONAL);
  }

  @Test
  void defaultPaddedWithFiveThousandWhitespaceCharactersIsDefault() {
    String note = " \n\t\u00A0".repeat(1250) + CLASSIC + "\r\n".repeat(1250);

    Classification c = CLASSIFIER.classify(note, "");

    assertThat(c.verdict()).isEqualTo(Verdict.DEFAULT);
    assertThat(c.reason()).contains("(en, classic)");
  }

  @Test
  void fiveThousandInvisibleCharactersAreEmpty() {
    assertThat(CLASSIFIER.classify("\u200B\u0000\u202E".repeat(1700), "").verdict())
        .isEqualTo(Verdict.EMPTY);
  }

  @Test
  void fiveThousandCharactersOfHostileControlsAndEscapesNeverThrow() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; sb.length() < 5000; i++) {
      sb.append((char) (i % 0x40)).append('\u001B').append('[').append((char) ('0' + i % 10));
      sb.append('\uD800').append("&#").append(i).append(';').append('\u009B');
    }
    Classification c = CLASSIFIER.classify(sb.toString(), "\u001B[2J");

    assertThat(c.reason()).isNotBlank();
  }

  @Test
  void defaultWithHundredsOfEmojiAndEscapeSequencesIsStillDefault() {
    String note = "\u001B[0m ".repeat(200) + CLASSIC + " 🙂 🚀".repeat(200) + " - John";

    assertThat(CLASSIFIER.classify(note, "").verdict()).isEqualTo(Verdict.DEFAULT);
  }

  @Test
  void longestDefaultWithGreetingPleasantryAndFullSignatureIsDefault() {
    String note =
        "Hi Anna, I hope this message finds you well. You are a person I trust. I'd like to invite"
            + " you to join my network on LinkedIn. I'm using it to discover inside connections I"
            + " didn't know I had. Looking forward to connecting!\nBest regards,\nJohn Smith"
            + "\nSenior Talent Acquisition Specialist at Acme Corp\nTel: +49 30 1234 5678"
            + "\njohn.smith@acme.example\nwww.acme.example";
    assertThat(Canonical.of(note, Integer.MAX_VALUE).size).isGreaterThan(52);

    Classification c = CLASSIFIER.classify(note, "John Smith");

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.DEFAULT);
    assertThat(c.reason())
        .contains("(en, 2005) with greeting, pleasantry, request to connect, sign-off and signature");
  }

  @Test
  void longNoteStartingWithADefaultStopsAtTheFullBound() {
    String note = CLASSIC + " We met at the Berlin meetup and talked about Kafka.".repeat(20);

    Classification c = CLASSIFIER.classify(note, "");

    assertThat(c.verdict()).isEqualTo(Verdict.PERSONAL);
    assertThat(c.reason()).contains("longer than any default text");
  }

  @Test
  void longNoteWithoutADefaultNearTheStartStopsEarly() {
    String note = "We met at the Berlin meetup and talked about Kafka. ".repeat(20) + CLASSIC;

    Classification c = CLASSIFIER.classify(note, "");

    assertThat(c.verdict()).isEqualTo(Verdict.PERSONAL);
    assertThat(c.reason()).contains("no default text near the start");
  }

  @Test
  void nullMessageIsEmptyWithNoMessageReason() {
    assertThat(CLASSIFIER.classify(null, null))
        .isEqualTo(new Classification(Verdict.EMPTY, "no message"));
  }

  @Test
  void neverAnswersTemplate() {
    Classification c = CLASSIFIER.classify("Hi, we help SaaS founders scale. Let's talk!", "");

    assertThat(c.verdict()).isEqualTo(Verdict.PERSONAL);
  }

  @Test
  void userPhraseMakesMatchingNoteDefaultAndIsNamedInReason() {
    Classifier withUser =
        Classifier.create(List.of("Let's connect!", "Happy to connect with fellow professionals."));

    Classification c = withUser.classify("Hi Anna, happy to connect with fellow professionals 🙂 - John", "");

    assertThat(c.verdict()).isEqualTo(Verdict.DEFAULT);
    assertThat(c.reason()).contains("default text (user phrase 2)");
  }

  @Test
  void userPhraseWithPlaceholderMatchesAnyShortName() {
    Classifier withUser = Classifier.create(List.of("<name>, let's connect on LinkedIn."));

    Classification c = withUser.classify("Anna, let’s connect on LinkedIn!", "");

    assertThat(c.verdict()).isEqualTo(Verdict.DEFAULT);
    assertThat(c.reason()).contains("user phrase 1");
  }

  @Test
  void userPhraseFollowedByRealSentenceStaysPersonal() {
    Classifier withUser = Classifier.create(List.of("Let's connect!"));

    assertThat(withUser.classify("Let's connect! We met at the Berlin meetup.", "").verdict())
        .isEqualTo(Verdict.PERSONAL);
  }

  @Test
  void aUserPhraseTurnsAPersonalLookingNoteIntoADefault() {
    String note = "Join the Acme talent community for Java roles!";
    assertThat(CLASSIFIER.classify(note, "").verdict()).isEqualTo(Verdict.PERSONAL);

    assertThat(Classifier.create(List.of(note)).classify(note, "").verdict()).isEqualTo(Verdict.DEFAULT);
  }

  @Test
  void emptyOrNullUserPhrasesAreIgnored() {
    Classifier withUser = Classifier.create(java.util.Arrays.asList("", null, "   ", "<name>"));

    assertThat(withUser.classify("Hi Anna, we met at KubeCon", "").verdict()).isEqualTo(Verdict.PERSONAL);
    assertThat(withUser.classify("Hi Anna", "").verdict()).isEqualTo(Verdict.GENERIC);
    assertThat(withUser.classify(CLASSIC, "").verdict()).isEqualTo(Verdict.DEFAULT);
  }

  @Test
  void everyBuiltInPhraseClassifiesAsDefaultNamingItself() {
    PhraseTable table = PhraseTable.builtIn();
    assertThat(table.phrases()).hasSizeGreaterThanOrEqualTo(20);
    for (Phrase p : table.phrases()) {
      String text = String.join(" ", p.tokens()).replace(PhraseTable.WILDCARD, "Java Berlin");
      Classification c = CLASSIFIER.classify(text, "");
      assertThat(c.verdict()).as(text).isEqualTo(Verdict.DEFAULT);
      assertThat(c.reason()).as(text).contains("(" + p.label() + ")");
    }
  }
}
