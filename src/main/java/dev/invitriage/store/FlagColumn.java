package dev.invitriage.store;

import java.util.Arrays;
import java.util.BitSet;
import org.mapdb.BTreeMap;

/**
 * Each invitation's derived flag byte ({@link FlagSnapshot}) persisted {@link Chunks#SIZE} to a
 * MapDB value. Deriving them takes every connection, client and template count, over a second on
 * a million invitations before the JIT has warmed up; reading them back takes one byte a row, so
 * {@code stats} and the first frame need neither the connections nor the template counts.
 *
 * <p>They are derived data: a chunk that is missing or damaged is not an error, the caller just
 * derives them again. Chunk layout: {@code byte version, n bytes of flags}.
 */
final class FlagColumn {
  private static final int VERSION = 1;

  private FlagColumn() {
  }

  /** The stored flags of the first {@code count} invitations, or null when any chunk is unusable. */
  static byte[] load(BTreeMap<Integer, byte[]> map, int count) {
    byte[] flags = new byte[count];
    int chunks = Chunks.chunksFor(count);
    if (chunks == 0) {
      return flags;
    }
    // One ordered pass reads each B-tree leaf once; a get per chunk read the path to it every time.
    int chunk = 0;
    for (var e : map.headMap(chunks).entrySet()) {
      int from = chunk << Chunks.SHIFT;
      int n = Math.min(Chunks.SIZE, count - from);
      byte[] bytes = e.getValue();
      if (e.getKey() != chunk || bytes.length != 1 + n || bytes[0] != VERSION) {
        return null;
      }
      System.arraycopy(bytes, 1, flags, from, n);
      chunk++;
    }
    return chunk == chunks ? flags : null;
  }

  /** Writes the given chunks of {@code flags} (uncommitted). */
  static void store(BTreeMap<Integer, byte[]> map, byte[] flags, BitSet chunks) {
    for (int chunk = chunks.nextSetBit(0); chunk >= 0; chunk = chunks.nextSetBit(chunk + 1)) {
      int from = chunk << Chunks.SHIFT;
      int to = Math.min(flags.length, from + Chunks.SIZE);
      byte[] bytes = new byte[1 + to - from];
      bytes[0] = VERSION;
      System.arraycopy(flags, from, bytes, 1, to - from);
      if (!Arrays.equals(bytes, map.get(chunk))) {
        map.put(chunk, bytes);
      }
    }
  }
}
