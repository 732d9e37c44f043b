package dev.invitriage.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing confirmed is ever lost to kill -9, and nothing half-done is ever let in. The seed is
 * random and printed; rerun one with {@code -Dcrash.seed=N}.
 */
class KillLoopTest {
  @TempDir Path dir;

  static long seed() {
    return Long.getLong("crash.seed", System.nanoTime());
  }

  @Test
  void twentyKillsLoseNoConfirmedOperationAndLetInNoHalfDoneOne() throws Exception {
    KillLoop.Figures f = new KillLoop(dir, seed(), 20, 2500).run();
    System.out.println(f);
    assertThat(f.kills()).isEqualTo(20);
    assertThat(f.confirmed()).isPositive();
  }

  @Test
  @Tag("long")
  void threeHundredKillsLoseNoConfirmedOperationAndLetInNoHalfDoneOne() throws Exception {
    KillLoop.Figures f = new KillLoop(dir, seed(), 300, 2500).run();
    System.out.println(f);
    assertThat(f.kills()).isEqualTo(300);
  }
}
