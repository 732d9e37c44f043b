package dev.invitriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderColumnTest {
  @TempDir Path dir;

  private static int[] shuffled(int count, long seed) {
    int[] order = IntStream.range(0, count).toArray();
    Random random = new Random(seed);
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int o = order[i];
      order[i] = order[j];
      order[j] = o;
    }
    return order;
  }

  /** Stored, committed, reopened: the same order, in values MapDB keeps as single records. */
  @Test
  void anOrderReadsBackFromBlocksUnderMapDbsRecordSize() {
    int count = 5 * OrderColumn.BLOCK + 123;
    int[] order = shuffled(count, 1);
    Path file = dir.resolve("inbox.db");
    try (Tables t = Tables.open(file, true)) {
      OrderColumn.store(t.order, order);
      t.db.commit();
    }
    try (Tables t = Tables.open(file, true)) {
      assertThat(OrderColumn.load(t.order, count)).isEqualTo(order);
      assertThat(t.order.values()).allSatisfy(block -> assertThat(block.length).isLessThan(64 * 1024));
      // A shorter order written over it leaves no blocks past its end.
      OrderColumn.store(t.order, shuffled(10, 2));
      t.db.commit();
      assertThat(t.order.keySet()).containsExactly(0);
      assertThat(OrderColumn.load(t.order, 10)).isEqualTo(shuffled(10, 2));
    }
  }

  /** Stores written before the blocks were made smaller (64 KB of ordinals a block) read as they are. */
  @Test
  void blocksOfAnEarlierSizeReadBack() {
    int count = 3 * 16_384 + 5;
    int[] order = shuffled(count, 3);
    try (Tables t = Tables.open(dir.resolve("inbox.db"), true)) {
      for (int block = 0, from = 0; from < count; block++, from += 16_384) {
        int n = Math.min(16_384, count - from);
        ByteBuffer buf = ByteBuffer.allocate(5 + 4 * n);
        buf.put((byte) 1).putInt(n);
        buf.asIntBuffer().put(order, from, n);
        t.order.put(block, buf.array());
      }
      assertThat(OrderColumn.load(t.order, count)).isEqualTo(order);
    }
  }

  /** Derived data: a missing, cut or foreign block means "sort again", never a wrong order. */
  @Test
  void anUnusableBlockReadsAsNoOrder() {
    int count = 2 * OrderColumn.BLOCK + 1;
    try (Tables t = Tables.open(dir.resolve("inbox.db"), true)) {
      OrderColumn.store(t.order, shuffled(count, 4));
      assertThat(OrderColumn.load(t.order, count + 1)).as("fewer ordinals stored than asked for").isNull();
      assertThat(OrderColumn.load(t.order, count - 1)).as("more ordinals stored than asked for").isNull();
      byte[] first = t.order.get(0);
      t.order.put(0, java.util.Arrays.copyOf(first, first.length - 4));
      assertThat(OrderColumn.load(t.order, count)).as("a block cut short").isNull();
      first[0] = 9;
      t.order.put(0, first);
      assertThat(OrderColumn.load(t.order, count)).as("another version").isNull();
      t.order.remove(1);
      assertThat(OrderColumn.load(t.order, count)).as("a block missing").isNull();
    }
  }
}
