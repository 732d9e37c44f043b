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
 * <p>Row layout: {@code byte decision, long decidedAtMillis (-1 when unset)}. A loaded chunk keeps
 * its stored bytes and reads times from them until one of its rows changes: counts and the first
 * frame need the decisions alone, and decoding a million times took 30 ms of every start.
 */
final class DecisionColumn {
  private static final int VERSION = 1;
  private static final int HEADER = 1 + 4;
  private static final int ROW = 1 + 8;
  private static final Decision[] DECISIONS = Decision.values();

  private final BTreeMap<Integer, byte[]> map;
  private int size;
  // Blocks of Chunks.SIZE rows, as in Columns: growing never copies the rows already held.
  private byte[][] decision = new byte[0][];
  /** A block's times once decoded or changed; null: read them from {@code stored} (none: unset). */
  private long[][] decidedAt = new long[0][];
  private byte[][] stored = new byte[0][];
  private int allocated;
  private final BitSet dirtyChunks = new BitSet();

  private DecisionColumn(BTreeMap<Integer, byte[]> map) {
    this.map = map;
  }

  static DecisionColumn load(BTreeMap<Integer, byte[]> map, int count) {
    DecisionColumn c = new DecisionColumn(map);
    c.extendTo(count);
    for (var e : map.entrySet()) {
      int chunk = e.getKey();
      byte[] bytes = e.getValue();
      int n = bytes.length >= HEADER ? ByteBuffer.wrap(bytes).getInt(1) : -1;
      if (bytes.length > 0 && bytes[0] != VERSION) {
        throw new Bytes.CorruptRecordException("unknown decision chunk format");
      }
      if (n < 0 || n > Chunks.SIZE || chunk < 0 || (chunk << Chunks.SHIFT) + n > count || bytes.length != HEADER + n * ROW) {
        throw new Bytes.CorruptRecordException("decision chunk " + chunk + " is damaged");
      }
      byte[] block = c.decision[chunk];
      for (int i = 0, at = HEADER; i < n; i++, at += ROW) {
        byte d = bytes[at];
        if (d < 0 || d >= DECISIONS.length) {
          throw new Bytes.CorruptRecordException("decision out of range");
        }
        block[i] = d;
      }
      c.stored[chunk] = bytes;
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
      stored = Arrays.copyOf(stored, cap);
    }
    for (; allocated < blocks; allocated++) {
      decision[allocated] = new byte[Chunks.SIZE];
    }
    size = Math.max(size, count);
  }

  Decision decision(int o) {
    return DECISIONS[decision[Chunks.chunkOf(o)][Chunks.slotOf(o)]];
  }

  long decidedAtMillis(int o) {
    int chunk = Chunks.chunkOf(o);
    int slot = Chunks.slotOf(o);
    if (decidedAt[chunk] != null) {
      return decidedAt[chunk][slot];
    }
    byte[] bytes = stored[chunk];
    if (bytes == null) {
      return -1;
    }
    ByteBuffer row = ByteBuffer.wrap(bytes);
    return slot < row.getInt(1) ? row.getLong(HEADER + slot * ROW + 1) : -1;
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
    int chunk = Chunks.chunkOf(o);
    decision[chunk][Chunks.slotOf(o)] = (byte) d.ordinal();
    times(chunk)[Chunks.slotOf(o)] = atMillis;
    dirtyChunks.set(chunk);
  }

  void flush() {
    for (int chunk = dirtyChunks.nextSetBit(0); chunk >= 0; chunk = dirtyChunks.nextSetBit(chunk + 1)) {
      int base = chunk << Chunks.SHIFT;
      int n = Math.min(Chunks.SIZE, size - base);
      long[] times = times(chunk);
      ByteBuffer buf = ByteBuffer.allocate(HEADER + n * ROW);
      buf.put((byte) VERSION).putInt(n);
      for (int i = 0; i < n; i++) {
        buf.put(decision[chunk][i]).putLong(times[i]);
      }
      map.put(chunk, buf.array());
    }
    dirtyChunks.clear();
  }

  /** A block's times, decoded from its stored bytes on first need; from then on they are the truth. */
  private long[] times(int chunk) {
    if (decidedAt[chunk] == null) {
      long[] times = new long[Chunks.SIZE];
      for (int slot = 0; slot < Chunks.SIZE; slot++) {
        times[slot] = decidedAtMillis((chunk << Chunks.SHIFT) + slot);
      }
      decidedAt[chunk] = times;
      stored[chunk] = null;
    }
    return decidedAt[chunk];
  }
}
