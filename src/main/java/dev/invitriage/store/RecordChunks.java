package dev.invitriage.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mapdb.BTreeMap;

/**
 * Encoded records (invitations, connections), {@link Chunks#SIZE} per MapDB value, each value with
 * an offset table so one record can be read without the rest. Recently read chunks are cached,
 * since neighbouring rows of a view often share chunks.
 *
 * <p>Chunk layout: {@code byte version, int count, int[count] end offsets, record bytes}.
 */
final class RecordChunks {
  private static final int VERSION = 1;
  private static final int CACHE_CHUNKS = 64;

  private final BTreeMap<Integer, byte[]> map;
  private final Map<Integer, byte[]> cache = new LinkedHashMap<>(CACHE_CHUNKS, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
      return size() > CACHE_CHUNKS;
    }
  };
  /** The last, partly filled chunk's records while appending; written by {@link #flush}. */
  private List<byte[]> tail;
  private int tailChunk = -1;
  private boolean tailDirty;

  RecordChunks(BTreeMap<Integer, byte[]> map) {
    this.map = map;
  }

  /** The encoded record at an ordinal. */
  byte[] get(int ordinal) {
    int chunk = Chunks.chunkOf(ordinal);
    if (chunk == tailChunk && tail != null) {
      return tail.get(Chunks.slotOf(ordinal));
    }
    byte[] bytes = cache.get(chunk);
    if (bytes == null) {
      bytes = map.get(chunk);
      if (bytes == null) {
        throw new Bytes.CorruptRecordException("invitation chunk " + chunk + " is missing");
      }
      cache.put(chunk, bytes);
    }
    return slice(bytes, Chunks.slotOf(ordinal));
  }

  /** Appends the record of the invitation at {@code ordinal}, which must be the next one. */
  void append(int ordinal, byte[] record) {
    int chunk = Chunks.chunkOf(ordinal);
    if (chunk != tailChunk) {
      flush();
      tailChunk = chunk;
      tail = Chunks.slotOf(ordinal) == 0 ? new ArrayList<>(Chunks.SIZE) : records(map.get(chunk));
      cache.remove(chunk);
    }
    if (tail.size() != Chunks.slotOf(ordinal)) {
      throw new IllegalStateException("record " + ordinal + " appended out of order");
    }
    tail.add(record);
    tailDirty = true;
  }

  /** Writes the chunk being appended to; called before every commit. */
  void flush() {
    if (tailDirty) {
      map.put(tailChunk, encode(tail));
      tailDirty = false;
    }
  }

  /** Forgets cached chunks and the tail; after a rollback the store holds the truth again. */
  void reset() {
    cache.clear();
    tail = null;
    tailChunk = -1;
    tailDirty = false;
  }

  /** Every record of a chunk, for snapshots. */
  List<byte[]> chunkRecords(int chunk) {
    flush();
    byte[] bytes = map.get(chunk);
    return bytes == null ? List.of() : records(bytes);
  }

  private static byte[] encode(List<byte[]> records) {
    int total = 0;
    for (byte[] r : records) {
      total += r.length;
    }
    ByteBuffer buf = ByteBuffer.allocate(1 + 4 + 4 * records.size() + total);
    buf.put((byte) VERSION).putInt(records.size());
    int end = 0;
    for (byte[] r : records) {
      end += r.length;
      buf.putInt(end);
    }
    for (byte[] r : records) {
      buf.put(r);
    }
    return buf.array();
  }

  private static List<byte[]> records(byte[] chunk) {
    if (chunk == null) {
      throw new Bytes.CorruptRecordException("invitation chunk is missing");
    }
    int n = count(chunk);
    List<byte[]> out = new ArrayList<>(Chunks.SIZE);
    for (int i = 0; i < n; i++) {
      out.add(slice(chunk, i));
    }
    return out;
  }

  private static int count(byte[] chunk) {
    ByteBuffer buf = ByteBuffer.wrap(chunk);
    if (chunk.length < 5 || buf.get() != VERSION) {
      throw new Bytes.CorruptRecordException("unknown invitation chunk format");
    }
    int n = buf.getInt();
    if (n < 0 || n > Chunks.SIZE || chunk.length < 5 + 4 * n) {
      throw new Bytes.CorruptRecordException("invitation chunk header is damaged");
    }
    return n;
  }

  private static byte[] slice(byte[] chunk, int slot) {
    int n = count(chunk);
    if (slot >= n) {
      throw new Bytes.CorruptRecordException("invitation " + slot + " is missing from its chunk");
    }
    ByteBuffer buf = ByteBuffer.wrap(chunk);
    int base = 5 + 4 * n;
    int start = slot == 0 ? 0 : buf.getInt(5 + 4 * (slot - 1));
    int end = buf.getInt(5 + 4 * slot);
    if (start < 0 || end < start || base + end > chunk.length) {
      throw new Bytes.CorruptRecordException("invitation chunk offsets are damaged");
    }
    byte[] out = new byte[end - start];
    System.arraycopy(chunk, base + start, out, 0, out.length);
    return out;
  }
}
