package dev.invitriage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The flat trie finds what a plain list of the sequences finds: words from a small alphabet, so
 * that sequences share prefixes and notes meet them often.
 */
class WordSequencesTest {
  @Property(tries = 500)
  void findsWhatTheListOfSequencesHolds(
      @ForAll("sequences") Map<String, Long> sequences, @ForAll("notes") List<String> note) {
    WordSequences trie = new WordSequences(sequences);
    Canonical c = Canonical.of(String.join(" ", note), Integer.MAX_VALUE);
    assertThat(List.of(c.tokens())).isEqualTo(note);

    int maxWords = sequences.keySet().stream().mapToInt(s -> s.split(" ").length).max().orElse(0);
    Set<String> inLonger = new HashSet<>();
    Set<String> firstWords = new HashSet<>();
    for (String s : sequences.keySet()) {
      List<String> words = List.of(s.split(" "));
      firstWords.add(words.get(0));
      if (words.size() > 1) {
        inLonger.addAll(words);
      }
    }
    assertThat(trie.maxWords()).isEqualTo(maxWords);
    for (int from = 0; from < note.size(); from++) {
      String word = note.get(from);
      assertThat(trie.contains(c, from)).as("contains %s", word).isEqualTo(sequences.containsKey(word));
      assertThat(trie.containsWord(word)).as("containsWord %s", word).isEqualTo(sequences.containsKey(word));
      assertThat(trie.isFirstWord(c, from)).as("isFirstWord %s", word).isEqualTo(firstWords.contains(word));
      assertThat(trie.inLongerSequence(c, from)).as("inLonger %s", word).isEqualTo(inLonger.contains(word));
      int longest = 0;
      for (int to = from + 1; to <= note.size(); to++) {
        String run = String.join(" ", note.subList(from, to));
        long languages = sequences.getOrDefault(run, 0L);
        assertThat(trie.languagesOf(c, from, to)).as("languagesOf %s", run).isEqualTo(languages);
        if (sequences.containsKey(run) && to - from <= maxWords) {
          longest = to - from;
        }
      }
      assertThat(trie.longestAt(c, from, note.size())).as("longestAt %d of %s", from, note).isEqualTo(longest);
    }
  }

  @Provide
  Arbitrary<Map<String, Long>> sequences() {
    Arbitrary<String> sequence = words().list().ofMinSize(1).ofMaxSize(4).map(w -> String.join(" ", w));
    Arbitrary<Long> languages = Arbitraries.longs().between(1, Long.MAX_VALUE);
    return Arbitraries.maps(sequence, languages).ofMaxSize(300).map(HashMap::new);
  }

  @Provide
  Arbitrary<List<String>> notes() {
    return words().list().ofMinSize(1).ofMaxSize(12);
  }

  private static Arbitrary<String> words() {
    return Arbitraries.strings().withChars("abc").ofMinLength(1).ofMaxLength(2);
  }
}
