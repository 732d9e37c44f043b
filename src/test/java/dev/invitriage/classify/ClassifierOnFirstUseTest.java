package dev.invitriage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.domain.MessageClassifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The classifier built on first use is the one {@link Classifier#create} builds at once. */
class ClassifierOnFirstUseTest {

  @Test
  void fingerprintIsKnownBeforeAnyNoteIsJudgedAndIsCreatesFingerprint() {
    // Stores compare fingerprints on open: a different one would make every store judge all
    // its invitations again, a wrong equal one would keep stale verdicts.
    for (List<String> phrases : Arrays.asList(null, List.<String>of(), List.of("join my crew on LinkedIn"),
        Arrays.asList("first phrase", null, "third phrase"))) {
      MessageClassifier lazy = Classifier.onFirstUse(phrases);
      assertThat(lazy.fingerprint()).as("%s", phrases).isEqualTo(Classifier.create(phrases).fingerprint());
    }
    assertThat(Classifier.onFirstUse(List.of("a phrase")).fingerprint())
        .isNotEqualTo(Classifier.onFirstUse(List.of("another phrase")).fingerprint());
  }

  @Test
  void judgesEveryGoldenNoteAsCreateDoesIncludingTheUsersPhrases() {
    List<String> phrases = List.of("please join my professional crew");
    Classifier now = Classifier.create(phrases);
    MessageClassifier later = Classifier.onFirstUse(phrases);
    for (GoldenCase c : GoldenCase.load("golden.tsv")) {
      assertThat(later.classify(c.message(), c.sender())).as(c.message()).isEqualTo(now.classify(c.message(), c.sender()));
      assertThat(later.templateKey(c.message(), c.sender())).isEqualTo(now.templateKey(c.message(), c.sender()));
    }
    assertThat(later.classify("Please join my professional crew!", "Ann Lee").verdict())
        .isEqualTo(now.classify("Please join my professional crew!", "Ann Lee").verdict());
  }
}
