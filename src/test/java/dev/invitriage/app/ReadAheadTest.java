package dev.invitriage.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, ReadAhead.BATCH - 1, ReadAhead.BATCH, ReadAhead.BATCH + 1, 10_000})
  void everyItemIsUsedOnceInItsOrder(int count) {
    List<Integer> used = new ArrayList<>();
    ReadAhead.forEach(count, i -> i, used::add);
    assertThat(used).containsExactlyElementsOf(IntStream.range(0, count).boxed().toList());
  }

  @Test
  void theItemsAreReadOnOneOtherThread() {
    Set<Thread> readers = new HashSet<>();
    ReadAhead.forEach(3 * ReadAhead.BATCH, i -> readers.add(Thread.currentThread()), b -> { });
    assertThat(readers).hasSize(1).doesNotContain(Thread.currentThread());
  }

  /** As an export that meets a damaged row prints the rows before it, then says what failed. */
  @Test
  void whatAReadThrowsIsThrownHereAfterTheItemsBeforeItWereUsed() {
    int failing = ReadAhead.BATCH + 7;
    List<Integer> used = new ArrayList<>();
    assertThatThrownBy(() -> ReadAhead.forEach(10_000, i -> {
      if (i == failing) {
        throw new IllegalStateException("row " + i + " is damaged");
      }
      return i;
    }, used::add)).isInstanceOf(IllegalStateException.class).hasMessage("row 263 is damaged");
    assertThat(used).containsExactlyElementsOf(IntStream.range(0, failing).boxed().toList());
  }

  /** As an export whose disk fills: the reader stops too, a few batches ahead at most. */
  @Test
  void whenTheUserStopsTheReaderStops() throws InterruptedException {
    AtomicInteger reads = new AtomicInteger();
    assertThatThrownBy(() -> ReadAhead.forEach(1_000_000, i -> reads.incrementAndGet(), item -> {
      throw new IllegalStateException("disk full");
    })).hasMessage("disk full");
    Thread.sleep(300); // longer than a reader waits for room before it looks again
    int afterStop = reads.get();
    Thread.sleep(200);
    assertThat(reads.get()).isEqualTo(afterStop).isLessThanOrEqualTo((ReadAhead.BATCHES_AHEAD + 2) * ReadAhead.BATCH);
  }
}
