package dev.invitriage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.domain.Classification;
import dev.invitriage.domain.Verdict;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every labelled note in {@code golden.tsv} through the classifier. */
class ClassifierGoldenTest {
  private static final Classifier CLASSIFIER = Classifier.create(List.of());

  static Stream<GoldenCase> goldenCases() {
    return GoldenCase.load("golden.tsv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenCases")
  void classifiesGoldenNoteAsLabelled(GoldenCase c) {
    Classification actual = CLASSIFIER.classify(c.message(), c.sender());

    assertThat(actual.verdict())
        .as(
            "golden.tsv line %d%n  message:  %s%n  sender:   %s%n  expected: %s%n  actual:   %s (%s)",
            c.line(),
            GoldenCase.visible(c.message()),
            c.sender(),
            c.expected(),
            actual.verdict(),
            actual.reason())
        .isEqualTo(c.expected());
    assertThat(actual.reason())
        .as("reason for golden.tsv line %d: %s", c.line(), GoldenCase.visible(c.message()))
        .isNotBlank()
        .contains(c.reasonPart());
  }

  @Test
  void everyGoldenDefaultNamesItsVariant() {
    assertThat(goldenCases().filter(c -> c.expected() == Verdict.DEFAULT))
        .allSatisfy(c -> assertThat(c.reasonPart()).as("line %d", c.line()).matches(".*\\(\\w+, [\\w-]+\\).*|.*with.*"));
  }

  @Test
  void goldenFileHasAtLeast150Cases() {
    assertThat(goldenCases().count()).isGreaterThanOrEqualTo(150);
  }
}
