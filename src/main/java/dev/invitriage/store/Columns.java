package dev.invitriage.store;

import dev.invitriage.domain.Direction;
import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.Verdict;
import java.nio.ByteBuffer;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.BitSet;
import org.mapdb.BTreeMap;

/**
 * The fixed-width facts of every invitation, held in memory as primitive arrays (about 37 bytes an
 * invitation, in blocks of one chunk) so that views, counts and sorts never decode an invitation, and persisted
 * {@link Chunks#SIZE} rows to a MapDB value.
 *
 * <p>Chunk layout, column after column so that loading is a bulk copy per column (a million rows
 * load in tens of milliseconds, where reading field by field took over 400 ms at start):
 * {@code byte version 2, int n, int[n] sentAtMinute, byte[n] flags (bit 0 outgoing, bits 1-2 and 4
 * base verdict, bit 3 has URL), long[n] urlHash, long[n] nameHash, long[n] templateKey, long[n]
 * nameKey}. Version 1 chunks, row after row with the same fields, are still read; they are
 * rewritten as version 2 when next changed.
 */
final class Columns {
  private static final int ROW_VERSION = 1;
  private static final int VERSION = 2;
  private static final int ROW = 4 + 1 + 8 + 8 + 8 + 8;
  static final int OUTGOING = 1;
  static final int HAS_URL = 8;
  /**
   * The verdict's ordinal: its low two bits in bits 1-2, its third (GENERIC, the fifth verdict)
   * in bit 4, because bit 3 held HAS_URL before there were five; older chunks read unchanged.
   */
  private static final int VERDICT_BITS = 6 | 16;

  private static int verdictBits(Verdict v) {
    return (v.ordinal() & 3) << 1 | (v.ordinal() & 4) << 2;
  }

  private final BTreeMap<Integer, byte[]> map;
  private int size;
  // One block of Chunks.SIZE rows per chunk: growing never copies what is already held, which
  // matters when a million-row import must fit a small heap.
  private int[][] sentAt = new int[0][];
  private byte[][] flags = new byte[0][];
  private long[][] urlHash = new long[0][];
  private long[][] nameHash = new long[0][];
  private long[][] templateKey = new long[0][];
  private long[][] nameKey = new long[0][];
  private int allocated;
  private final BitSet dirtyChunks = new BitSet();

  private Columns(BTreeMap<Integer, byte[]> map) {
    this.map = map;
  }

  /** Loads every row of the first {@code count} invitations. */
  static Columns load(BTreeMap<Integer, byte[]> map, int count) {
    Columns c = new Columns(map);
    c.grow(count);
    for (int chunk = 0; chunk < Chunks.chunksFor(count); chunk++) {
      byte[] bytes = map.get(chunk);
      if (bytes == null) {
        throw new Bytes.CorruptRecordException("column chunk " + chunk + " is missing");
      }
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      int version = buf.get();
      if (version != VERSION && version != ROW_VERSION) {
        throw new Bytes.CorruptRecordException("unknown column chunk format");
      }
      int n = buf.getInt();
      int base = chunk << Chunks.SHIFT;
      if (n < 0 || n > Chunks.SIZE || bytes.length != 5 + n * ROW || base + n > count) {
        throw new Bytes.CorruptRecordException("column chunk " + chunk + " is damaged");
      }
      if (version == VERSION) {
        c.readColumns(chunk, n, buf);
      } else {
        c.readRows(chunk, n, buf);
      }
      c.size = base + n;
    }
    if (c.size != count) {
      throw new Bytes.CorruptRecordException("columns hold " + c.size + " rows, expected " + count);
    }
    return c;
  }

  private void readColumns(int chunk, int n, ByteBuffer buf) {
    buf.asIntBuffer().get(sentAt[chunk], 0, n);
    buf.position(buf.position() + 4 * n);
    buf.get(flags[chunk], 0, n);
    for (long[] column : new long[][] {urlHash[chunk], nameHash[chunk], templateKey[chunk], nameKey[chunk]}) {
      buf.asLongBuffer().get(column, 0, n);
      buf.position(buf.position() + 8 * n);
    }
  }

  private void readRows(int chunk, int n, ByteBuffer buf) {
    for (int i = 0; i < n; i++) {
      sentAt[chunk][i] = buf.getInt();
      flags[chunk][i] = buf.get();
      urlHash[chunk][i] = buf.getLong();
      nameHash[chunk][i] = buf.getLong();
      templateKey[chunk][i] = buf.getLong();
      nameKey[chunk][i] = buf.getLong();
    }
  }

  int size() {
    return size;
  }

  /** Adds the row of the invitation, whose other person is {@code p}, at the next ordinal. */
  void append(Invitation inv, Person p, Verdict baseVerdict, long template) {
    grow(size + 1);
    set(size, inv, p, baseVerdict, template);
    size++;
  }

  /** Re-judges a row (after the user's phrases changed). */
  void reclassify(int ordinal, Verdict baseVerdict, long template) {
    int c = Chunks.chunkOf(ordinal);
    int i = Chunks.slotOf(ordinal);
    flags[c][i] = (byte) ((flags[c][i] & ~VERDICT_BITS) | verdictBits(baseVerdict));
    templateKey[c][i] = template;
    dirtyChunks.set(c);
  }

  private void set(int o, Invitation inv, Person p, Verdict baseVerdict, long template) {
    int c = Chunks.chunkOf(o);
    int i = Chunks.slotOf(o);
    sentAt[c][i] = (int) (inv.sentAt().toEpochSecond(ZoneOffset.UTC) / 60);
    flags[c][i] = (byte) ((inv.direction() == Direction.OUTGOING ? OUTGOING : 0)
        | verdictBits(baseVerdict) | (p.hasUrl() ? HAS_URL : 0));
    urlHash[c][i] = p.urlHash();
    nameHash[c][i] = p.nameHash();
    templateKey[c][i] = template;
    nameKey[c][i] = nameKey(p.normalisedName());
    dirtyChunks.set(c);
  }

  /** Writes every chunk changed since the last flush. */
  void flush() {
    for (int chunk = dirtyChunks.nextSetBit(0); chunk >= 0; chunk = dirtyChunks.nextSetBit(chunk + 1)) {
      int base = chunk << Chunks.SHIFT;
      int n = Math.min(Chunks.SIZE, size - base);
      ByteBuffer buf = ByteBuffer.allocate(5 + n * ROW);
      buf.put((byte) VERSION).putInt(n);
      buf.asIntBuffer().put(sentAt[chunk], 0, n);
      buf.position(buf.position() + 4 * n);
      buf.put(flags[chunk], 0, n);
      for (long[] column : new long[][] {urlHash[chunk], nameHash[chunk], templateKey[chunk], nameKey[chunk]}) {
        buf.asLongBuffer().put(column, 0, n);
        buf.position(buf.position() + 8 * n);
      }
      map.put(chunk, buf.array());
    }
    dirtyChunks.clear();
  }

  private byte flags(int o) {
    return flags[Chunks.chunkOf(o)][Chunks.slotOf(o)];
  }

  Direction direction(int o) {
    return (flags(o) & OUTGOING) != 0 ? Direction.OUTGOING : Direction.INCOMING;
  }

  Verdict baseVerdict(int o) {
    int f = flags(o);
    return VERDICTS[(f >> 1) & 3 | (f >> 2) & 4];
  }

  private static final Verdict[] VERDICTS = Verdict.values();

  boolean hasUrl(int o) {
    return (flags(o) & HAS_URL) != 0;
  }

  long urlHash(int o) {
    return urlHash[Chunks.chunkOf(o)][Chunks.slotOf(o)];
  }

  long nameHash(int o) {
    return nameHash[Chunks.chunkOf(o)][Chunks.slotOf(o)];
  }

  /** Who the other person is, for counting distinct template senders. */
  long personHash(int o) {
    return hasUrl(o) ? urlHash(o) : nameHash(o);
  }

  long templateKey(int o) {
    return templateKey[Chunks.chunkOf(o)][Chunks.slotOf(o)];
  }

  long nameKey(int o) {
    return nameKey[Chunks.chunkOf(o)][Chunks.slotOf(o)];
  }

  int sentAtMinute(int o) {
    return sentAt[Chunks.chunkOf(o)][Chunks.slotOf(o)];
  }

  /** The blocks of times sent as they are now; a time is set once, when its invitation is added. */
  int[][] sentAtBlocks() {
    return Arrays.copyOf(sentAt, sentAt.length);
  }

  /** The name-key blocks as they are now; blocks are never rewritten, only added. */
  long[][] nameKeyBlocks() {
    return Arrays.copyOf(nameKey, nameKey.length);
  }

  /**
   * Every ordinal, newest first, then in import order: the date order every view starts from.
   * Keys pack 32 bits of inverted minutes above 29 bits of ordinal, so one primitive sort does it.
   */
  int[] newestFirst() {
    long[] keys = new long[size];
    for (int o = 0; o < size; o++) {
      long inverted = 0xFFFF_FFFFL - (sentAtMinute(o) & 0xFFFF_FFFFL);
      keys[o] = (inverted << 29) | o;
    }
    Arrays.sort(keys);
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = (int) (keys[i] & ((1L << 29) - 1));
    }
    return out;
  }

  /**
   * The first eight characters of a normalised name packed into a long so that unsigned order is
   * name order; characters beyond Latin-1 sort after it. Ties are broken by date.
   */
  static long nameKey(String normalisedName) {
    long key = 0;
    for (int i = 0; i < 8; i++) {
      int c = i < normalisedName.length() ? normalisedName.charAt(i) : 0;
      key = (key << 8) | Math.min(c, 0xFF);
    }
    return key;
  }

  /** Makes room for {@code needed} rows, a block at a time. */
  private void grow(int needed) {
    int blocks = Chunks.chunksFor(needed);
    if (blocks > sentAt.length) {
      int cap = Math.max(blocks, sentAt.length + (sentAt.length >> 1) + 1);
      sentAt = Arrays.copyOf(sentAt, cap);
      flags = Arrays.copyOf(flags, cap);
      urlHash = Arrays.copyOf(urlHash, cap);
      nameHash = Arrays.copyOf(nameHash, cap);
      templateKey = Arrays.copyOf(templateKey, cap);
      nameKey = Arrays.copyOf(nameKey, cap);
    }
    for (; allocated < blocks; allocated++) {
      sentAt[allocated] = new int[Chunks.SIZE];
      flags[allocated] = new byte[Chunks.SIZE];
      urlHash[allocated] = new long[Chunks.SIZE];
      nameHash[allocated] = new long[Chunks.SIZE];
      templateKey[allocated] = new long[Chunks.SIZE];
      nameKey[allocated] = new long[Chunks.SIZE];
    }
  }
}
