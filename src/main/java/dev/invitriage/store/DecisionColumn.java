package dev.invitriage.store;

import dev.invitriage.domain.Decision;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;
import org.mapdb.BTreeMap;

/**
 * Every invitation's decision and when it was made, in memory and persisted {@link Chunks#SIZE}
 * to a MapDB value, so that a bulk decision on a million invitations writes a few thousand values.
 *
 * <p>Row layout: {@code byte decision, long decidedAtMillis (-1 when unset)}.
 */
final class DecisionColumn {
  private static final int VERSION = 1;
  private static final int ROW = 1 + 8;

  private final BTreeMap<Integer, byte[]> map;
  private int size;
  // Blocks of Chunks.SIZE rows, as in Columns: growing never copies the rows already held.
  private byte[][] decision = new byte[0][];
  private long[][] decidedAt = new long[0][];
  private int allocated;
  private final BitSet dirtyChunks = new BitSet();

  private DecisionColumn(BTreeMap<Integer, byte[]> map) {
    this.map = map;
  }

  static DecisionColumn load(BTreeMap<Integer, byte[]> map, int count) {
    DecisionColumn c = new DecisionColumn(map);
    c.extendTo(count);
    for (var e : map.entrySet()) {
      int base = e.getKey() << Chunks.SHIFT;
      ByteBuffer buf = ByteBuffer.wrap(e.getValue());
      if (buf.get() != VERSION) {
        throw new Bytes.CorruptRecordException("unknown decision chunk format");
      }
      int n = buf.getInt();
      if (n < 0 || n > Chunks.SIZE || base + n > count || e.getValue().length != 5 + n * ROW) {
        throw new Bytes.CorruptRecordException("decision chunk " + e.getKey() + " is damaged");
      }
      for (int i = 0; i < n; i++) {
        int d = buf.get();
        if (d < 0 || d >= Decision.values().length) {
          throw new Bytes.CorruptRecordException("decision out of range");
        }
        c.decision[e.getKey()][i] = (byte) d;
        c.decidedAt[e.getKey()][i] = buf.getLong();
      }
    }
    return c;
  }

  /** Makes room for invitations up to {@code count}, all pending. */
  void extendTo(int count) {
    int blocks = Chunks.chunksFor(count);
    if (blocks > decision.length) {
      int cap = Math.max(blocks, decision.length + (decision.length >> 1) + 1);
      decision = Arrays.copyOf(decision, cap);
      decidedAt = Arrays.copyOf(decidedAt, cap);
    }
    for (; allocated < blocks; allocated++) {
      decision[allocated] = new byte[Chunks.SIZE];
      decidedAt[allocated] = new long[Chunks.SIZE];
      Arrays.fill(decidedAt[allocated], -1);
    }
    size = Math.max(size, count);
  }

  private static final Decision[] DECISIONS = Decision.values();

  Decision decision(int o) {
    return DECISIONS[decision[Chunks.chunkOf(o)][Chunks.slotOf(o)]];
  }

  long decidedAtMillis(int o) {
    return decidedAt[Chunks.chunkOf(o)][Chunks.slotOf(o)];
  }

  /** Every decision as one array, for a snapshot. */
  byte[] copyDecisions() {
    byte[] out = new byte[size];
    for (int c = 0; c < Chunks.chunksFor(size); c++) {
      int base = c << Chunks.SHIFT;
      System.arraycopy(decision[c], 0, out, base, Math.min(Chunks.SIZE, size - base));
    }
    return out;
  }

  void set(int o, Decision d, long atMillis) {
    decision[Chunks.chunkOf(o)][Chunks.slotOf(o)] = (byte) d.ordinal();
    decidedAt[Chunks.chunkOf(o)][Chunks.slotOf(o)] = atMillis;
    dirtyChunks.set(Chunks.chunkOf(o));
  }

  void flush() {
    for (int chunk = dirtyChunks.nextSetBit(0); chunk >= 0; chunk = dirtyChunks.nextSetBit(chunk + 1)) {
      int base = chunk << Chunks.SHIFT;
      int n = Math.min(Chunks.SIZE, size - base);
      ByteBuffer buf = ByteBuffer.allocate(5 + n * ROW);
      buf.put((byte) VERSION).putInt(n);
      for (int i = 0; i < n; i++) {
        buf.put(decision[chunk][i]).putLong(decidedAt[chunk][i]);
      }
      map.put(chunk, buf.array());
    }
    dirtyChunks.clear();
  }
}
