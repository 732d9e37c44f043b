package dev.invitriage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.domain.Classification;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One classifier shared by threads gives each the verdicts it gives one thread. */
class ClassifierThreadsTest {

  @Test
  void sharedClassifierGivesEveryThreadTheSameVerdicts() throws Exception {
    // Buffers are kept per thread and some verdicts and facts are remembered on first use: a
    // classifier fresh to all threads at once is where a mix-up would show.
    List<GoldenCase> cases = GoldenCase.load("golden.tsv");
    List<Classification> expected = new ArrayList<>();
    Classifier alone = Classifier.create(List.of());
    for (GoldenCase c : cases) {
      expected.add(alone.classify(c.message(), c.sender()));
    }
    Classifier shared = Classifier.create(List.of());
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Classification>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t * 37;
        results.add(
            threads.submit(
                () -> {
                  List<Classification> got = new ArrayList<>(cases.size());
                  for (int i = 0; i < cases.size(); i++) {
                    got.add(null);
                  }
                  for (int round = 0; round < 20; round++) {
                    for (int i = 0; i < cases.size(); i++) {
                      int k = (i + offset) % cases.size(); // each thread in its own order
                      GoldenCase c = cases.get(k);
                      Classification v = shared.classify(c.message(), c.sender());
                      if (got.get(k) != null && !got.get(k).equals(v)) {
                        throw new AssertionError("changed between rounds: line " + c.line());
                      }
                      got.set(k, v);
                    }
                  }
                  return got;
                }));
      }
      for (Future<List<Classification>> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
