package dev.invitriage.store;

import dev.invitriage.domain.FacetTable;

/**
 * A {@link FacetTable}: the flags of a {@link FlagSnapshot} plus dates and name keys, which live in
 * {@link Columns} blocks that are only ever appended to, and the newest-first order.
 */
final class FacetSnapshot extends FlagSnapshot implements FacetTable {
  private final int[][] sentAt;
  private final long[][] nameKey;
  private final int[] newestFirst;

  FacetSnapshot(int size, byte[] flags, byte[] decisions, int[][] sentAt, long[][] nameKey, int[] newestFirst) {
    super(size, flags, decisions);
    this.sentAt = sentAt;
    this.nameKey = nameKey;
    this.newestFirst = newestFirst;
  }

  @Override
  public int sentAtMinute(int o) {
    return sentAt[Chunks.chunkOf(o)][Chunks.slotOf(o)];
  }

  @Override
  public long nameKey(int o) {
    return nameKey[Chunks.chunkOf(o)][Chunks.slotOf(o)];
  }

  @Override
  public int[] newestFirst() {
    return newestFirst;
  }
}
