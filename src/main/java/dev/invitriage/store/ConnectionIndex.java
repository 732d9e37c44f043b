package dev.invitriage.store;

import dev.invitriage.domain.Connection;
import dev.invitriage.domain.Names;
import dev.invitriage.domain.ProfileUrl;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;
import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;
import org.mapdb.BTreeMap;

/**
 * Who the user is already connected to: connection records (deduplicated) and the hashes that
 * match invitations against them — by profile URL, or by full name when the invitation has no URL
 * and exactly one connection has that name.
 *
 * <p>Each connection's hashes are derived from its normalised URL and name, which is slow before
 * the JIT has warmed up (about a second for 50,000 connections at start), so they are kept beside
 * the records, {@link Chunks#SIZE} to a MapDB value: {@code byte version, int count, count × (long
 * dedupe key, long URL hash, long name hash)}, 0 meaning none. They are derived data: a chunk that
 * is missing or damaged is derived again from its records and rewritten at the next flush.
 */
final class ConnectionIndex {
  private static final int VERSION = 1;
  private static final int ROW = 8 + 8 + 8;
  private static final int NONE = -1;

  private final RecordChunks records;
  private final BTreeMap<Integer, byte[]> hashMap;
  private int size;
  private long[] urlOf = new long[0];
  private long[] nameOf = new long[0];
  private long[] keyOf = new long[0];
  private final LongHashSet keys = new LongHashSet();
  private final LongIntHashMap byUrl = new LongIntHashMap();
  /** The last connection of each name, and how many there are: a name matches only when unique. */
  private final LongIntHashMap byName = new LongIntHashMap();
  private final LongIntHashMap nameCount = new LongIntHashMap();
  private final BitSet dirtyChunks = new BitSet();

  private ConnectionIndex(RecordChunks records, BTreeMap<Integer, byte[]> hashMap) {
    this.records = records;
    this.hashMap = hashMap;
  }

  static ConnectionIndex load(RecordChunks records, BTreeMap<Integer, byte[]> hashMap, int count) {
    ConnectionIndex index = new ConnectionIndex(records, hashMap);
    index.grow(count);
    for (int chunk = 0; chunk < Chunks.chunksFor(count); chunk++) {
      int from = chunk << Chunks.SHIFT;
      int n = Math.min(Chunks.SIZE, count - from);
      if (!index.readChunk(chunk, n)) {
        for (int i = from; i < from + n; i++) {
          index.derive(i, Codec.connection(records.get(i)));
        }
        index.dirtyChunks.set(chunk);
      }
      for (int i = from; i < from + n; i++) {
        index.remember(i);
      }
      index.size = from + n;
    }
    return index;
  }

  /** Reads one chunk of stored hashes; false when it is missing or not as expected. */
  private boolean readChunk(int chunk, int n) {
    byte[] bytes = hashMap.get(chunk);
    if (bytes == null || bytes.length != 5 + n * ROW) {
      return false;
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    if (buf.get() != VERSION || buf.getInt() != n) {
      return false;
    }
    for (int i = chunk << Chunks.SHIFT, end = i + n; i < end; i++) {
      keyOf[i] = buf.getLong();
      urlOf[i] = buf.getLong();
      nameOf[i] = buf.getLong();
    }
    return true;
  }

  int size() {
    return size;
  }

  Connection get(int i) {
    return Codec.connection(records.get(i));
  }

  /** Stores a connection unless it is known already; a hidden profile (no name, no URL) is skipped. */
  void add(Connection c) {
    grow(size + 1);
    if (!derive(size, c) || keys.contains(keyOf[size])) {
      return;
    }
    records.append(size, Codec.connection(c));
    remember(size);
    dirtyChunks.set(Chunks.chunkOf(size));
    size++;
  }

  /** Computes the hashes of connection {@code i}; false for a hidden profile, which is never stored. */
  private boolean derive(int i, Connection c) {
    String url = ProfileUrl.normalise(c.url());
    String name = Names.normalise(c.fullName());
    if (url.isEmpty() && name.isEmpty()) {
      return false;
    }
    keyOf[i] = Hashes.of(url.isEmpty() ? "name:" + name + "|" + c.connectedOn() : "url:" + url);
    urlOf[i] = url.isEmpty() ? 0 : Hashes.of(url);
    nameOf[i] = name.isEmpty() ? 0 : Hashes.of(name);
    return true;
  }

  private void remember(int i) {
    keys.add(keyOf[i]);
    if (urlOf[i] != 0) {
      byUrl.getIfAbsentPut(urlOf[i], i);
    }
    if (nameOf[i] != 0) {
      byName.put(nameOf[i], i);
      nameCount.addToValue(nameOf[i], 1);
    }
  }

  private void grow(int capacity) {
    if (capacity > keyOf.length) {
      int n = Math.max(capacity, keyOf.length * 2);
      keyOf = Arrays.copyOf(keyOf, n);
      urlOf = Arrays.copyOf(urlOf, n);
      nameOf = Arrays.copyOf(nameOf, n);
    }
  }

  boolean matches(boolean hasUrl, long urlHash, long nameHash) {
    return match(hasUrl, urlHash, nameHash) != NONE;
  }

  /** The matching connection, or NONE. */
  private int match(boolean hasUrl, long urlHash, long nameHash) {
    if (hasUrl) {
      return byUrl.getIfAbsent(urlHash, NONE);
    }
    return nameCount.get(nameHash) == 1 ? byName.get(nameHash) : NONE;
  }

  /** The matched connection's position and company, or the empty string. */
  String headline(boolean hasUrl, long urlHash, long nameHash) {
    int i = match(hasUrl, urlHash, nameHash);
    return i == NONE ? "" : headline(get(i));
  }

  private static String headline(Connection c) {
    String position = c.position().strip();
    String company = c.company().strip();
    if (position.isEmpty() || company.isEmpty()) {
      return position + company;
    }
    return position + ", " + company;
  }

  /** Writes the records and the hashes of the chunks that changed (uncommitted). */
  void flush() {
    records.flush();
    for (int chunk = dirtyChunks.nextSetBit(0); chunk >= 0; chunk = dirtyChunks.nextSetBit(chunk + 1)) {
      int from = chunk << Chunks.SHIFT;
      int n = Math.min(Chunks.SIZE, size - from);
      ByteBuffer buf = ByteBuffer.allocate(5 + n * ROW);
      buf.put((byte) VERSION).putInt(n);
      for (int i = from; i < from + n; i++) {
        buf.putLong(keyOf[i]).putLong(urlOf[i]).putLong(nameOf[i]);
      }
      hashMap.put(chunk, buf.array());
    }
    dirtyChunks.clear();
  }
}
