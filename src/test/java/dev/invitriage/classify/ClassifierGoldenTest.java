package dev.invitriage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.domain.Classification;
import dev.invitriage.domain.Verdict;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every labelled note of {@code golden.tsv} and {@code golden/<language>.tsv} through the
 * classifier. A TEMPLATE note is judged as three different senders would send it: personal on its
 * own, with one template key for all three (the inbox then calls it TEMPLATE; see the store's
 * template tests).
 */
class ClassifierGoldenTest {
  private static final Classifier CLASSIFIER = Classifier.create(List.of());

  /** Senders of a TEMPLATE note besides the row's own. */
  private static final List<String> OTHER_SENDERS = List.of("Alex Morgan", "Kim Lee");

  static Stream<GoldenCase> goldenCases() {
    return GoldenCase.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenCases")
  void classifiesGoldenNoteAsLabelled(GoldenCase c) {
    boolean template = c.expected() == Verdict.TEMPLATE;
    Classification actual = CLASSIFIER.classify(c.message(), c.sender(), c.recipient());

    assertThat(actual.verdict())
        .as(
            "%s line %d%n  message:   %s%n  sender:    %s%n  recipient: %s%n  expected:  %s%n"
                + "  actual:    %s (%s)",
            c.file(),
            c.line(),
            GoldenCase.visible(c.message()),
            c.sender(),
            c.recipient(),
            c.expected(),
            actual.verdict(),
            actual.reason())
        .isEqualTo(template ? Verdict.PERSONAL : c.expected());
    if (template) {
      String key = CLASSIFIER.templateKey(c.message(), c.sender(), c.recipient());
      assertThat(key).as("template key of %s line %d", c.file(), c.line()).isNotEmpty();
      for (String other : OTHER_SENDERS) {
        assertThat(CLASSIFIER.templateKey(c.message(), other, c.recipient()))
            .as("template key of %s line %d sent by %s", c.file(), c.line(), other)
            .isEqualTo(key);
      }
    } else {
      assertThat(actual.reason())
          .as("reason for %s line %d: %s", c.file(), c.line(), GoldenCase.visible(c.message()))
          .isNotBlank()
          .contains(c.reasonPart());
    }
  }

  @Test
  void everyGoldenDefaultNamesItsVariant() {
    assertThat(goldenCases().filter(c -> c.expected() == Verdict.DEFAULT))
        .allSatisfy(c -> assertThat(c.reasonPart())
            .as("%s line %d", c.file(), c.line())
            .matches(".*\\([\\w-]+, [\\w-]+\\).*|.*with.*"));
  }

  @Test
  void goldenFilesHoldAtLeastAThousandCases() {
    assertThat(goldenCases().count()).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void everyLanguageHasGoldenRowsOfEveryVerdict() {
    for (String code : Languages.codes()) {
      if (code.equals("mul")) {
        continue; // words shared by many languages: no language of its own
      }
      assertThat(GoldenCase.class.getResource(GoldenCase.languageFile(code)))
          .as("golden rows of %s", code)
          .isNotNull();
      List<GoldenCase> cases = GoldenCase.load(GoldenCase.languageFile(code));
      Set<Verdict> verdicts = cases.stream().map(GoldenCase::expected).collect(Collectors.toSet());
      assertThat(verdicts).as("verdicts of the golden rows of %s", code)
          .containsExactlyInAnyOrder(Verdict.values());
      assertThat(cases).as("golden rows of %s", code).hasSizeGreaterThanOrEqualTo(20);
    }
  }

  @Test
  void atLeastTwoHundredShortPersonalNotesGuardAgainstFalseOffenders() {
    long shortPersonal = goldenCases()
        .filter(c -> c.expected() == Verdict.PERSONAL)
        .filter(c -> c.message().strip().split("\\s+").length <= 12)
        .count();
    assertThat(shortPersonal).isGreaterThanOrEqualTo(200);
  }
}
