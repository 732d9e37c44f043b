package dev.invitriage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A by-hand throughput measurement on one thread, not a timed assertion: tagged {@code long} so
 * the normal build skips it. Run it with {@code mvn -B -q test -Dtest=ClassifierThroughputTest
 * -DexcludedTestGroups=none} and read the figure it prints.
 */
@Tag("long")
class ClassifierThroughputTest {

  @Test
  void measuresNotesPerSecondOnARealisticMix() {
    Classifier classifier = Classifier.create(List.of());
    List<String> notes = realisticMix(new Random(42), 100_000);
    long sink = 0;
    for (int round = 0; round < 5; round++) { // warm-up
      for (String n : notes) {
        sink += classifier.classify(n, "John Smith").reason().length();
      }
    }
    int rounds = 10;
    long start = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      for (String n : notes) {
        sink += classifier.classify(n, "John Smith").reason().length();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double perSecond = notes.size() * (double) rounds / seconds;
    System.out.printf("classify: %.0f notes/s on one thread (%d notes)%n", perSecond, notes.size() * rounds);
    assertThat(sink).isPositive();
  }

  /** 40% empty, 25% default with noise, 5% templates, 30% personal of 50 to 600 characters. */
  static List<String> realisticMix(Random r, int count) {
    String[] defaults = {
      "I'd like to add you to my professional network on LinkedIn.",
      "Hi Anna, I’d like to add you to my professional network on LinkedIn. - John Smith",
      "Hello Dr. Smith - I&#39;d like to add you to my professional network!!! 🙂",
      "I'd like to join your LinkedIn network.\nBest,\nJohn Smith | CTO at X",
      "Bonjour Marie, je souhaiterais rejoindre votre réseau sur LinkedIn.",
      "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen. Viele Grüße, Hans",
    };
    String[] sentences = {
      "We met at the Berlin meetup last week. ",
      "Loved your talk about observability at JavaOne! ",
      "I am working on a similar Kafka migration and would love to compare notes. ",
      "Your article on JVM tuning helped our team a lot. ",
      "We both worked at Acme, although a few years apart. ",
      "Are you still looking for Java developers in Munich? ",
    };
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int p = r.nextInt(100);
      if (p < 40) {
        out.add(r.nextInt(10) == 0 ? " \u200B " : "");
      } else if (p < 65) {
        out.add(defaults[r.nextInt(defaults.length)]);
      } else if (p < 70) {
        out.add("Hi " + (char) ('A' + r.nextInt(26)) + "ndy, I'm Mary from Acme. We help SaaS companies"
            + " grow their sales pipeline with AI. Open to a quick chat?");
      } else {
        StringBuilder sb = new StringBuilder("Hi Anna, ");
        int target = 50 + r.nextInt(551);
        while (sb.length() < target) {
          sb.append(sentences[r.nextInt(sentences.length)]);
        }
        out.add(sb.substring(0, target));
      }
    }
    return out;
  }
}
