package dev.invitriage.store;

/**
 * How per-invitation data is cut into MapDB values. MapDB rewrites a whole B-tree node on every
 * insert, so storing a million small records one by one is slow (18.6 s per 100k measured);
 * storing them 256 to a value makes an import a few thousand writes instead of millions, and a
 * view reads a few values instead of a B-tree walk per row.
 */
final class Chunks {
  private Chunks() {}

  static final int SHIFT = 8;
  /** Invitations per chunk. */
  static final int SIZE = 1 << SHIFT;

  static int chunkOf(int ordinal) {
    return ordinal >>> SHIFT;
  }

  static int slotOf(int ordinal) {
    return ordinal & (SIZE - 1);
  }

  /** Number of chunks that hold {@code count} invitations. */
  static int chunksFor(int count) {
    return (count + SIZE - 1) >>> SHIFT;
  }
}
