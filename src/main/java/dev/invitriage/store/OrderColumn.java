package dev.invitriage.store;

import java.nio.ByteBuffer;
import org.mapdb.BTreeMap;

/**
 * Every ordinal, newest first ({@link Columns#newestFirst()}), persisted so that the first frame
 * of the UI needs neither the dates of a million invitations nor a sort of them. It changes only
 * when an import adds invitations, so it is written whole then, {@link #BLOCK} ordinals to a MapDB
 * value: {@code byte version, int n, int[n] ordinals}. Derived data: a block that is missing or
 * damaged is not an error, the caller sorts again.
 */
final class OrderColumn {
  private static final int VERSION = 1;
  /**
   * Ordinals a block: 32 KB, under MapDB's largest single record (64 KB). A larger value is stored
   * as linked records, read back through two more copies of it: reading a million ordinals in
   * 64 KB blocks allocated 16 MB, enough to set off a collection before the inbox's first frame.
   */
  static final int BLOCK = 1 << 13;

  private OrderColumn() {
  }

  /**
   * The stored order of {@code count} invitations, or null when any block is unusable. Each block
   * says how many ordinals it holds, so blocks of any size read back (stores written before blocks
   * were made smaller than MapDB's record size keep theirs until their next import).
   */
  static int[] load(BTreeMap<Integer, byte[]> map, int count) {
    int[] order = new int[count];
    int block = 0;
    for (int from = 0; from < count; block++) {
      byte[] bytes = map.get(block);
      if (bytes == null || bytes.length < 5) {
        return null;
      }
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      int n = buf.get() == VERSION ? buf.getInt() : -1;
      if (n <= 0 || n > count - from || bytes.length != 5 + 4 * n) {
        return null;
      }
      buf.asIntBuffer().get(order, from, n);
      from += n;
    }
    return map.containsKey(block) ? null : order; // more stored than asked for: not this order
  }

  /** Writes the whole order (uncommitted); blocks past its end are removed. */
  static void store(BTreeMap<Integer, byte[]> map, int[] order) {
    int blocks = 0;
    for (int from = 0; from < order.length; from += BLOCK, blocks++) {
      int n = Math.min(BLOCK, order.length - from);
      ByteBuffer buf = ByteBuffer.allocate(5 + 4 * n);
      buf.put((byte) VERSION).putInt(n);
      buf.asIntBuffer().put(order, from, n);
      map.put(blocks, buf.array());
    }
    while (!map.isEmpty() && map.lastKey() >= blocks) {
      map.remove(map.lastKey());
    }
  }
}
