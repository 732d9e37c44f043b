package dev.invitriage.store;

import dev.invitriage.domain.FacetTable;
import java.util.function.Supplier;

/**
 * A {@link FacetTable}: the flags of a {@link FlagSnapshot}, the newest-first order, and name keys
 * for sorting by name. Those live in {@link Columns} blocks, which are only ever appended to, and
 * are fetched on first use: most views never sort by name, and loading every column of a large
 * inbox would delay the first frame.
 */
final class FacetSnapshot extends FlagSnapshot implements FacetTable {
  private final int[] newestFirst;
  private final Supplier<long[][]> nameKeySource;
  private long[][] nameKey;

  FacetSnapshot(int size, byte[] flags, byte[] decisions, int[] newestFirst, Supplier<long[][]> nameKeys) {
    super(size, flags, decisions);
    this.newestFirst = newestFirst;
    this.nameKeySource = nameKeys;
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
