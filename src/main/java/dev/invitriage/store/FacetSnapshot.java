package dev.invitriage.store;

import dev.invitriage.domain.FacetTable;
import java.util.function.Supplier;

/**
 * A {@link FacetTable}: the flags of a {@link FlagSnapshot}, the newest-first order, name keys
 * for sorting by name and times sent for counting by month. Those live in {@link Columns} blocks, which are only ever appended to, and
 * are fetched on first use: most views never sort by name, and loading every column of a large
 * inbox would delay the first frame.
 */
final class FacetSnapshot extends FlagSnapshot implements FacetTable {
  private final int[] newestFirst;
  private final Supplier<long[][]> nameKeySource;
  private long[][] nameKey;
  private final Supplier<int[][]> sentAtSource;
  private int[][] sentAt;

  FacetSnapshot(int size, byte[] flags, byte[] decisions, int[] newestFirst, Supplier<long[][]> nameKeys,
      Supplier<int[][]> sentAt) {
    super(size, flags, decisions);
    this.newestFirst = newestFirst;
    this.nameKeySource = nameKeys;
    this.sentAtSource = sentAt;
  }

  @Override
  public int sentAtMinute(int o) {
    if (sentAt == null) {
      sentAt = sentAtSource.get();
    }
    return sentAt[Chunks.chunkOf(o)][Chunks.slotOf(o)];
  }

  @Override
  public long nameKey(int o) {
    if (nameKey == null) {
      nameKey = nameKeySource.get();
    }
    return nameKey[Chunks.chunkOf(o)][Chunks.slotOf(o)];
  }

  @Override
  public int[] newestFirst() {
    return newestFirst;
  }
}
