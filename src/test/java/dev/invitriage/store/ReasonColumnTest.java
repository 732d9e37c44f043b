package dev.invitriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReasonColumnTest {
  @Test
  void aChunkKeepsEachRowsReasonWithTheDistinctOnesOnce() {
    String[] reasons = new String[Chunks.SIZE];
    for (int i = 0; i < 200; i++) {
      reasons[i] = i % 7 == 0 ? null : "reason " + (i % 3);
    }
    byte[] bytes = ReasonColumn.encode(reasons, 200);
    assertThat(ReasonColumn.decode(bytes)).containsExactly(reasons);
    // Three distinct strings stored once, then a byte a row.
    assertThat(bytes.length).isLessThan(200 + 3 * 16 + 8);
  }

  @Test
  void aMissingOrDamagedChunkHasNoReasonsAtAll() {
    String[] none = new String[Chunks.SIZE];
    assertThat(ReasonColumn.decode(null)).containsExactly(none);
    String[] reasons = new String[Chunks.SIZE];
    Arrays.fill(reasons, 0, 10, "personal: matches no default text");
    byte[] bytes = ReasonColumn.encode(reasons, 10);
    assertThat(ReasonColumn.decode(Arrays.copyOf(bytes, bytes.length - 3))).containsExactly(none);
    byte[] otherVersion = bytes.clone();
    otherVersion[0] = 9;
    assertThat(ReasonColumn.decode(otherVersion)).containsExactly(none);
    byte[] badPlace = bytes.clone();
    badPlace[bytes.length - 1] = 5;
    assertThat(ReasonColumn.decode(badPlace)).containsExactly(none);
  }
}
