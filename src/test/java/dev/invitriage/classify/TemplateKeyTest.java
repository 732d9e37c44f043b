package dev.invitriage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.domain.Fnv1a;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Template keys: equal for the same template from different senders, empty for offenders. */
class TemplateKeyTest {
  private static final Classifier CLASSIFIER = Classifier.create(List.of());

  @Test
  void sameTemplateFromDifferentSendersWithDifferentGreetingsGivesSameKey() {
    String a =
        CLASSIFIER.templateKey(
            "Hi Anna, I'm John from Acme. We help companies grow their sales pipeline! Best, John Doe",
            "John Doe");
    String b =
        CLASSIFIER.templateKey(
            "Hello Dr. Bob Miller - I’m Mary from ACME. We help companies grow their sales"
                + " pipeline!!! 🚀\n\nCheers,\nMary Major | Growth Lead",
            "Mary Major");
    String c =
        CLASSIFIER.templateKey(
            "hey  there,\r\ni&#39;m Li from Acme.  we help companies grow their sales pipeline",
            "Li Wei");

    assertThat(a).isNotEmpty().isEqualTo(b).isEqualTo(c);
    assertThat(a).isEqualTo("im from acme we help companies grow their sales pipeline");
  }

  /**
   * The key an import asks for, of a note it judged PERSONAL, is the key itself, and its hash the
   * key's: over every golden note.
   */
  @Test
  void theKeyOfANoteJudgedPersonalIsItsKey() {
    int personal = 0;
    for (GoldenCase g : GoldenCase.all()) {
      String key = CLASSIFIER.templateKey(g.message(), g.sender(), g.recipient());
      if (CLASSIFIER.classify(g.message(), g.sender(), g.recipient()).verdict() == dev.invitriage.domain.Verdict.PERSONAL) {
        assertThat(CLASSIFIER.templateKeyOfPersonal(g.message(), g.sender(), g.recipient())).as(g.toString()).isEqualTo(key);
        // What an import stores: the key's hash, found without making the key.
        assertThat(CLASSIFIER.templateHashOfPersonal(g.message(), g.sender(), g.recipient())).as(g.toString())
            .isEqualTo(Fnv1a.of(key));
        personal++;
      } else {
        assertThat(key).as(g.toString()).isEmpty();
      }
    }
    assertThat(personal).isGreaterThan(500);
  }

  @Test
  void differentTemplatesGiveDifferentKeys() {
    assertThat(CLASSIFIER.templateKey("Hi Anna, we help companies grow.", ""))
        .isNotEqualTo(CLASSIFIER.templateKey("Hi Anna, we help companies hire.", ""));
  }

  @Test
  void defaultTextGivesEmptyKey() {
    assertThat(
            CLASSIFIER.templateKey(
                "Hi Anna, I'd like to add you to my professional network on LinkedIn. - John",
                "John"))
        .isEmpty();
  }

  @Test
  void emptyMessagesGiveEmptyKey() {
    assertThat(CLASSIFIER.templateKey("", "")).isEmpty();
    assertThat(CLASSIFIER.templateKey(null, null)).isEmpty();
    assertThat(CLASSIFIER.templateKey(" \u200B\n", "John")).isEmpty();
  }

  @Test
  void personalNoteWithDefaultPrefixKeepsItsContent() {
    assertThat(
            CLASSIFIER.templateKey(
                "I'd like to add you to my professional network on LinkedIn. We met at KubeCon.",
                ""))
        .endsWith("we met at kubecon");
  }
}
