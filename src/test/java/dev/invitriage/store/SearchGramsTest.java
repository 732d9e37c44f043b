package dev.invitriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A filter an import fills, skipping the keys it has seen, holds exactly the bits of one filled key by key. */
class SearchGramsTest {

  @Provide
  Arbitrary<List<String>> texts() {
    Arbitrary<String> text = Arbitraries.strings().withChars("abcAB ,.é€İΣ\u007F\u0080ЖΩσǅẞÀ")
        .withCharRange('\uD800', '\uD801').ofMaxLength(12);
    return text.list().ofMaxSize(12);
  }

  @Property(tries = 2000)
  void skippingSeenKeysSetsTheSameBits(@ForAll("texts") List<String> texts, @ForAll("texts") List<String> others) {
    long[] first = SearchGrams.empty();
    long[] second = SearchGrams.empty();
    long[] firstByKey = SearchGrams.empty();
    long[] secondByKey = SearchGrams.empty();
    SearchGrams.Seen seen = new SearchGrams.Seen();
    // Two filters filled in turn: what was seen for one says nothing of the other.
    for (int i = 0; i < Math.max(texts.size(), others.size()); i++) {
      if (i < texts.size()) {
        SearchGrams.add(first, texts.get(i), seen);
        SearchGrams.add(firstByKey, texts.get(i));
      }
      if (i < others.size()) {
        SearchGrams.add(second, others.get(i), seen);
        SearchGrams.add(secondByKey, others.get(i));
      }
    }
    assertThat(first).isEqualTo(firstByKey);
    assertThat(second).isEqualTo(secondByKey);
  }

  /**
   * What a search relies on: a text's filter holds the keys of every needle its lower case
   * contains, and ASCII letters in either case make the same filter.
   */
  @Property(tries = 2000)
  void aFilterMayContainEveryPartOfItsTextInLowerCase(@ForAll("texts") List<String> texts) {
    long[] filter = SearchGrams.empty();
    long[] lowered = SearchGrams.empty();
    SearchGrams.Seen seen = new SearchGrams.Seen();
    for (String text : texts) {
      SearchGrams.add(filter, text, seen);
      SearchGrams.add(lowered, text.toLowerCase(java.util.Locale.ROOT), null);
    }
    assertThat(filter).isEqualTo(lowered);
    for (String text : texts) {
      String lower = text.toLowerCase(java.util.Locale.ROOT);
      for (int from = 0; from < lower.length(); from++) {
        for (int to = from + 1; to <= lower.length(); to++) {
          assertThat(SearchGrams.mayContain(filter, SearchGrams.keys(lower.substring(from, to))))
              .as("'%s' in '%s'", lower.substring(from, to), text).isTrue();
        }
      }
    }
  }
}
