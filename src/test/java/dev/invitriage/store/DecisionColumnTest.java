package dev.invitriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.domain.Decision;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionColumnTest {
  @TempDir Path dir;

  /**
   * A loaded chunk reads its times from the stored bytes until a row of it changes: whatever mix
   * of reads, changes and reloads, every row reads back what was last set, through a real file.
   */
  @Test
  void everyRowReadsBackWhatWasLastSetAcrossFlushesAndReloads() {
    int count = 3 * Chunks.SIZE + 17;
    Decision[] decision = new Decision[count];
    long[] at = new long[count];
    java.util.Arrays.fill(decision, Decision.PENDING);
    java.util.Arrays.fill(at, -1);
    Random random = new Random(7);
    Path file = dir.resolve("inbox.db");
    for (int round = 0; round < 4; round++) {
      try (Tables t = Tables.open(file, true)) {
        DecisionColumn column = DecisionColumn.load(t.decisions, count);
        column.extendTo(count);
        for (int o = 0; o < count; o++) {
          assertThat(column.decision(o)).as("round %d row %d", round, o).isEqualTo(decision[o]);
          assertThat(column.decidedAtMillis(o)).as("round %d row %d", round, o).isEqualTo(at[o]);
        }
        for (int i = 0; i < 40; i++) {
          int o = random.nextInt(count);
          decision[o] = Decision.values()[random.nextInt(Decision.values().length)];
          at[o] = random.nextBoolean() ? -1 : 1_700_000_000_000L + random.nextInt(1 << 30);
          column.set(o, decision[o], at[o]);
          // Reads in between see the change before and after the chunk is written.
          assertThat(column.decidedAtMillis(o)).isEqualTo(at[o]);
        }
        byte[] copy = column.copyDecisions();
        for (int o = 0; o < count; o++) {
          assertThat(copy[o]).isEqualTo((byte) decision[o].ordinal());
        }
        column.flush();
        t.db.commit();
      }
    }
  }
}
