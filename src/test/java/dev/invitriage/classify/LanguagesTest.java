package dev.invitriage.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invitriage.classify.Languages.Language;
import dev.invitriage.classify.Languages.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The language data files: each loads, the index lists exactly them, and the reader's syntax. */
class LanguagesTest {
  /** Every language LinkedIn's interface offers, as the classifier's files name them. */
  private static final Set<String> LINKEDIN_LANGUAGES = Set.of(
      "ar", "bn", "zh-hans", "zh-hant", "cs", "da", "nl", "en", "fi", "fr", "de", "el", "he", "hi",
      "hu", "id", "it", "ja", "ko", "ms", "mr", "no", "fa", "pl", "pt", "pa", "ro", "ru", "es", "sv",
      "tl", "te", "th", "tr", "uk", "vi");

  @Test
  void theBuildsCompiledFormIsWhatTheLanguageFilesSayNow() {
    // Read from the resource the build wrote (CompiledLanguages.main, process-classes): a stale
    // one would judge by data the files no longer hold.
    assertThat(CompiledLanguages.class.getResource(CompiledLanguages.RESOURCE)).isNotNull();
    CompiledLanguages compiled = CompiledLanguages.builtIn();
    CompiledLanguages fromFiles = CompiledLanguages.of(Languages.builtIn());

    assertThat(compiled.codes()).isEqualTo(fromFiles.codes());
    assertThat(compiled.defaults()).isEqualTo(fromFiles.defaults());
    assertThat(compiled.phrases()).isEqualTo(fromFiles.phrases());
    assertThat(CompiledLanguages.fingerprint()).isEqualTo(Languages.fingerprint());
  }

  @Test
  void everyLanguageFileLoadsWithANameAndDefaultTexts() {
    List<Language> languages = Languages.builtIn();

    assertThat(languages).extracting(Language::code).containsExactlyElementsOf(Languages.codes());
    for (Language language : languages) {
      assertThat(language.name()).as("name of %s", language.code()).isNotBlank();
      if (!language.code().equals("mul")) {
        assertThat(language.defaults()).as("default texts of %s", language.code()).isNotEmpty();
      }
    }
  }

  @Test
  void theIndexListsExactlyTheFilesInTheFolder() throws IOException {
    Path folder = Paths.get("src/main/resources/dev/invitriage/classify/languages");
    Set<String> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".txt") && !n.equals("index.txt"))
          .map(n -> n.substring(0, n.length() - 4))
          .collect(Collectors.toSet());
    }

    assertThat(Languages.codes()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(files);
  }

  @Test
  void everyLanguageLinkedInOffersHasAFile() {
    assertThat(Languages.codes()).containsAll(LINKEDIN_LANGUAGES);
  }

  @Test
  void alternativesExpandToEveryFormAndAnEmptyOneMakesAGroupOptional() {
    assertThat(Languages.expand("{i |}hope {you are|you're} well", "t"))
        .containsExactlyInAnyOrder(
            "i hope you are well", "i hope you're well", "hope you are well", "hope you're well");
  }

  @Test
  void unbalancedBracesAreAnErrorNamingFileAndLine() {
    assertThatThrownBy(() -> Languages.parse("xx", List.of("[language]", "X", "[greeting]", "{hi|hey")))
        .hasMessageContaining("languages/xx.txt:4:")
        .hasMessageContaining("unbalanced");
    assertThatThrownBy(() -> Languages.parse("xx", List.of("[language]", "X", "[greeting]", "hi}")))
        .hasMessageContaining("languages/xx.txt:4:");
  }

  @Test
  void anUnknownSectionOrALineBeforeAnyIsAnError() {
    assertThatThrownBy(() -> Languages.parse("xx", List.of("[language]", "X", "[greetings]")))
        .hasMessageContaining("languages/xx.txt:3: unknown section");
    assertThatThrownBy(() -> Languages.parse("xx", List.of("hi")))
        .hasMessageContaining("languages/xx.txt:1: text before any [section]");
  }

  @Test
  void aDefaultLineNeedsAVariantAndATab() {
    assertThatThrownBy(() -> Languages.parse("xx", List.of("[language]", "X", "[default]", "Hello there")))
        .hasMessageContaining("languages/xx.txt:4: expected variant<TAB>text");
  }

  @Test
  void defaultTextsAreLabelledWithLanguageAndVariantAndCommentsAreSkipped() {
    Language l = Languages.parse("xx", List.of(
        "# a comment", "[language]", "Example", "", "[default]",
        "classic\t{Hello|Hi} network   # trailing comment", "[request]", "let's connect"));

    assertThat(l.defaults()).extracting(Languages.DefaultText::label).containsOnly("xx, classic");
    assertThat(l.defaults()).extracting(Languages.DefaultText::text)
        .containsExactly("Hello network", "Hi network");
    assertThat(l.phrases(Section.REQUEST)).containsExactly("let's connect");
  }

  @Test
  void noPhraseIsLongerThanTheLimitsThatKeepJudgingFast() {
    // Each bounds how far a note is read or tried (a letter of Thai or Japanese is a token):
    // a longer phrase would slow every note down.
    assertThat(Noise.MAX_GREETING_WORDS).isLessThanOrEqualTo(12);
    assertThat(Noise.MAX_SIGN_OFF_WORDS).isLessThanOrEqualTo(20);
    assertThat(Noise.MAX_PLEASANTRY_WORDS).isLessThanOrEqualTo(40);
    assertThat(PhraseTable.builtIn().maxLength()).isLessThanOrEqualTo(50);
  }

  @Test
  void theQuickReaderOfPhrasesGivesTheTokeniserOwnTokensForEveryPhrase() {
    for (Language language : Languages.builtIn()) {
      for (Section section : Section.values()) {
        List<String> phrases = section == Section.DEFAULT
            ? language.defaults().stream().map(Languages.DefaultText::text).toList()
            : language.phrases(section);
        for (String phrase : phrases) {
          assertThat(Languages.tokensOf(phrase))
              .as("%s %s: %s", language.code(), section, phrase)
              .containsExactly(Canonical.of(phrase, Integer.MAX_VALUE).tokens());
        }
      }
    }
  }

  @Test
  void theFingerprintChangesWithTheData() {
    assertThat(Languages.fingerprint()).isNotBlank();
    assertThat(Classifier.onFirstUse(List.of()).fingerprint()).contains(Languages.fingerprint());
  }
}
