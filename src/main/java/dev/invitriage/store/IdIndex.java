package dev.invitriage.store;

import dev.invitriage.domain.InvitationId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.mapdb.BTreeMap;

/**
 * Every invitation id in sorted order with its ordinal: finds an invitation by id, resolves id
 * prefixes and gives each id its shortest unique abbreviation by looking at its two neighbours.
 * Held in memory as parallel arrays (20 bytes an id); persisted in 4096 buckets by the id's first
 * three hex digits, so an import rewrites only the buckets it touched.
 *
 * <p>Bucket layout: {@code byte version, int count, count × (long hi, long lo, int ordinal)}.
 */
final class IdIndex {
  private static final int VERSION = 1;
  private static final int BUCKET_BITS = 12;
  private static final int ROW = 8 + 8 + 4;

  private final BTreeMap<Integer, byte[]> map;
  private long[] hi;
  private long[] lo;
  private int[] ordinal;
  /** Ids added since the last merge. */
  private final Pending pending = new Pending();
  /** Buckets whose ids changed since the last flush. */
  private final BitSet dirtyBuckets = new BitSet();
  /** Where each ordinal's id is in the sorted arrays; made when first asked, dropped when ids are added. */
  private int[] positionOf;

  private IdIndex(BTreeMap<Integer, byte[]> map, long[] hi, long[] lo, int[] ordinal) {
    this.map = map;
    this.hi = hi;
    this.lo = lo;
    this.ordinal = ordinal;
  }

  static IdIndex load(BTreeMap<Integer, byte[]> map, int count) {
    long[] hi = new long[count];
    long[] lo = new long[count];
    int[] ord = new int[count];
    int n = 0;
    // Buckets in key order hold ids in sorted order: concatenating them sorts everything.
    for (var e : map.entrySet()) {
      ByteBuffer buf = ByteBuffer.wrap(e.getValue());
      if (buf.get() != VERSION) {
        throw new Bytes.CorruptRecordException("unknown id bucket format");
      }
      int k = buf.getInt();
      if (k < 0 || e.getValue().length != 5 + k * ROW || n + k > count) {
        throw new Bytes.CorruptRecordException("id bucket " + e.getKey() + " is damaged");
      }
      for (int i = 0; i < k; i++, n++) {
        hi[n] = buf.getLong();
        lo[n] = buf.getLong();
        ord[n] = buf.getInt();
      }
    }
    if (n != count) {
      throw new Bytes.CorruptRecordException("the id index holds " + n + " ids, expected " + count);
    }
    return new IdIndex(map, hi, lo, ord);
  }

  /**
   * The ordinal of an id as stored, or -1, reading only its bucket: what opening a store needs to
   * check that the index and the records agree, without loading a million ids.
   */
  static int storedOrdinalOf(BTreeMap<Integer, byte[]> map, InvitationId id) {
    IdIndex bucket = bucket(map, bucketOf(id.hi()));
    int i = bucket.search(id.hi(), id.lo());
    return i >= 0 ? bucket.ordinal[i] : -1;
  }

  /**
   * {@link #abbreviate} as stored, reading only the id's bucket and, for an id at its edge, the
   * neighbouring one: a screenful of rows needs no million-id index.
   */
  static int storedAbbreviation(BTreeMap<Integer, byte[]> map, InvitationId id) {
    int key = bucketOf(id.hi());
    IdIndex bucket = bucket(map, key);
    int i = bucket.search(id.hi(), id.lo());
    int shared = 0;
    if (i > 0) {
      shared = id.commonHexPrefix(new InvitationId(bucket.hi[i - 1], bucket.lo[i - 1]));
    } else if (i == 0) {
      var before = map.lowerEntry(key);
      IdIndex previous = before == null ? null : bucket(map, before.getKey());
      if (previous != null && previous.hi.length > 0) {
        int last = previous.hi.length - 1;
        shared = id.commonHexPrefix(new InvitationId(previous.hi[last], previous.lo[last]));
      }
    }
    if (i >= 0 && i + 1 < bucket.hi.length) {
      shared = Math.max(shared, id.commonHexPrefix(new InvitationId(bucket.hi[i + 1], bucket.lo[i + 1])));
    } else if (i >= 0) {
      var after = map.higherEntry(key);
      IdIndex next = after == null ? null : bucket(map, after.getKey());
      if (next != null && next.hi.length > 0) {
        shared = Math.max(shared, id.commonHexPrefix(new InvitationId(next.hi[0], next.lo[0])));
      }
    }
    return abbreviation(id, shared);
  }

  /** One stored bucket as an index of its own (sorted, as buckets are). */
  private static IdIndex bucket(BTreeMap<Integer, byte[]> map, int key) {
    byte[] bytes = map.get(key);
    if (bytes == null) {
      return new IdIndex(map, new long[0], new long[0], new int[0]);
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    if (buf.get() != VERSION) {
      throw new Bytes.CorruptRecordException("unknown id bucket format");
    }
    int k = buf.getInt();
    if (k < 0 || bytes.length != 5 + k * ROW) {
      throw new Bytes.CorruptRecordException("id bucket " + key + " is damaged");
    }
    long[] hi = new long[k];
    long[] lo = new long[k];
    int[] ord = new int[k];
    for (int i = 0; i < k; i++) {
      hi[i] = buf.getLong();
      lo[i] = buf.getLong();
      ord[i] = buf.getInt();
    }
    return new IdIndex(map, hi, lo, ord);
  }

  /** The ordinal of an id, or -1. */
  int ordinalOf(InvitationId id) {
    int p = pending.ordinalOf(id.hi(), id.lo());
    if (p >= 0) {
      return p;
    }
    int i = search(id.hi(), id.lo());
    return i >= 0 ? ordinal[i] : -1;
  }

  void add(InvitationId id, int ord) {
    pending.put(id.hi(), id.lo(), ord);
    // Each merge copies every id: merged when the ids added reach a quarter of those held, up to
    // 65,536, a million-row import copies about ten million ids, not fifteen (a merge every
    // 32,768); merged later still, the ids waiting and their sorting took the memory a million-row
    // import has in a 128 MB heap.
    if (pending.count >= Math.min(MERGE_MOST, Math.max(MERGE_EVERY, hi.length / 4))) {
      merge();
    }
  }

  private static final int MERGE_EVERY = 1 << 15;
  private static final int MERGE_MOST = 1 << 16;

  /**
   * Ids added since the last merge, in the order added, in parallel arrays found through an
   * open-addressing table: a map of boxed ids cost about 90 bytes an id, and a young collection
   * copied them all while they waited.
   */
  private static final class Pending {
    long[] hi = new long[64];
    long[] lo = new long[64];
    int[] ordinal = new int[64];
    int count;
    /** 1 + an index into the arrays; 0 for an empty slot. At most half are used. */
    private int[] slots = new int[128];

    /** The ordinal of an added id, or -1. */
    int ordinalOf(long h, long l) {
      int s = slotOf(h, l);
      return slots[s] == 0 ? -1 : ordinal[slots[s] - 1];
    }

    /** Adds an id, or gives one already added a new ordinal. */
    void put(long h, long l, int ord) {
      int s = slotOf(h, l);
      if (slots[s] != 0) {
        ordinal[slots[s] - 1] = ord;
        return;
      }
      if (count == hi.length) {
        hi = Arrays.copyOf(hi, 2 * count);
        lo = Arrays.copyOf(lo, 2 * count);
        ordinal = Arrays.copyOf(ordinal, 2 * count);
      }
      hi[count] = h;
      lo[count] = l;
      ordinal[count] = ord;
      slots[s] = ++count;
      if (2 * count > slots.length) {
        slots = new int[2 * slots.length];
        for (int i = 0; i < count; i++) {
          slots[slotOf(hi[i], lo[i])] = i + 1;
        }
      }
    }

    /**
     * The added ids' indexes into the arrays, in id order. Sorted as numbers, not as boxed indexes
     * by a comparator (a twentieth of storing an imported row): each key is an id's high half, its
     * lowest bits given to the index; ids whose keys' high bits tie (rarely: ids are SHA-256
     * digests) are put in order by their whole id after.
     */
    int[] inIdOrder() {
      int indexBits = Math.max(1, Integer.SIZE - Integer.numberOfLeadingZeros(count - 1));
      long indexMask = (1L << indexBits) - 1;
      long[] keys = new long[count];
      for (int i = 0; i < count; i++) {
        // The sign bit flipped: signed order is then the unsigned order ids sort in.
        keys[i] = ((hi[i] ^ Long.MIN_VALUE) & ~indexMask) | i;
      }
      Arrays.sort(keys);
      int[] order = new int[count];
      for (int i = 0; i < count; i++) {
        order[i] = (int) (keys[i] & indexMask);
      }
      for (int from = 0, to; from < count; from = to) {
        long high = keys[from] & ~indexMask;
        for (to = from + 1; to < count && (keys[to] & ~indexMask) == high; to++) {
          // An insertion sort of the tie: a few ids at most.
          for (int k = to; k > from && compareAt(order[k - 1], order[k]) > 0; k--) {
            int swap = order[k];
            order[k] = order[k - 1];
            order[k - 1] = swap;
          }
        }
      }
      return order;
    }

    private int compareAt(int a, int b) {
      return compare(hi[a], lo[a], hi[b], lo[b]);
    }

    void clear() {
      count = 0;
      Arrays.fill(slots, 0);
    }

    /**
     * The slot holding the id, or the empty one where it belongs. Ids are SHA-256 digests: any of
     * their bits are as good a hash as any other.
     */
    private int slotOf(long h, long l) {
      int mask = slots.length - 1;
      int s = (int) (h ^ (h >>> 32)) & mask;
      while (slots[s] != 0 && !(hi[slots[s] - 1] == h && lo[slots[s] - 1] == l)) {
        s = (s + 1) & mask;
      }
      return s;
    }
  }

  /** Ids starting with the hex prefix, in id order. */
  List<InvitationId> withPrefix(String hexPrefix) {
    merge();
    String p = hexPrefix.toLowerCase(Locale.ROOT);
    InvitationId low = InvitationId.lowestWithPrefix(p);
    List<InvitationId> out = new ArrayList<>();
    int i = search(low.hi(), low.lo());
    for (i = i >= 0 ? i : -i - 1; i < hi.length; i++) {
      InvitationId id = new InvitationId(hi[i], lo[i]);
      if (!id.startsWith(p)) {
        break;
      }
      out.add(id);
    }
    return out;
  }

  /** The id of the invitation at an ordinal, without hashing it again. */
  InvitationId idAt(int ordinal) {
    int i = positionOf(ordinal);
    return new InvitationId(hi[i], lo[i]);
  }

  /**
   * {@link #abbreviate} of the invitation at an ordinal: its neighbours are found by position, not
   * by a binary search over a million ids (a cache miss at every step), which matters when every
   * row is read, as an export does.
   */
  int abbreviationAt(int ordinal) {
    int i = positionOf(ordinal);
    InvitationId id = new InvitationId(hi[i], lo[i]);
    int shared = 0;
    if (i > 0) {
      shared = id.commonHexPrefix(new InvitationId(hi[i - 1], lo[i - 1]));
    }
    if (i + 1 < hi.length) {
      shared = Math.max(shared, id.commonHexPrefix(new InvitationId(hi[i + 1], lo[i + 1])));
    }
    return abbreviation(id, shared);
  }

  private int positionOf(int ordinal) {
    merge();
    if (positionOf == null) {
      int[] p = new int[this.ordinal.length];
      for (int i = 0; i < p.length; i++) {
        p[this.ordinal[i]] = i;
      }
      positionOf = p;
    }
    return positionOf[ordinal];
  }

  /** The length of the shortest prefix of at least 8 digits that no other stored id shares, as git does. */
  int abbreviate(InvitationId id) {
    merge();
    int i = search(id.hi(), id.lo());
    int shared = 0;
    if (i > 0) {
      shared = id.commonHexPrefix(new InvitationId(hi[i - 1], lo[i - 1]));
    }
    if (i >= 0 && i + 1 < hi.length) {
      shared = Math.max(shared, id.commonHexPrefix(new InvitationId(hi[i + 1], lo[i + 1])));
    }
    return abbreviation(id, shared);
  }

  private static int abbreviation(InvitationId id, int sharedWithNeighbours) {
    return Math.min(InvitationId.HEX_LENGTH, Math.max(InvitationId.MIN_ABBREV, sharedWithNeighbours + 1));
  }

  /** Folds pending ids into the sorted arrays and writes the buckets they changed. */
  void flush() {
    merge();
    for (int bucket = dirtyBuckets.nextSetBit(0); bucket >= 0; bucket = dirtyBuckets.nextSetBit(bucket + 1)) {
      int from = bucketStart(bucket);
      int to = bucketStart(bucket + 1);
      ByteBuffer buf = ByteBuffer.allocate(5 + (to - from) * ROW);
      buf.put((byte) VERSION).putInt(to - from);
      for (int i = from; i < to; i++) {
        buf.putLong(hi[i]).putLong(lo[i]).putInt(ordinal[i]);
      }
      map.put(bucket, buf.array());
    }
    dirtyBuckets.clear();
  }

  private void merge() {
    if (pending.count == 0) {
      return;
    }
    int[] added = pending.inIdOrder();
    int n = hi.length + added.length;
    long[] nhi = new long[n];
    long[] nlo = new long[n];
    int[] nord = new int[n];
    int a = 0;
    int b = 0;
    for (int k = 0; k < n; k++) {
      boolean takeOld = b >= added.length
          || a < hi.length && compare(hi[a], lo[a], pending.hi[added[b]], pending.lo[added[b]]) < 0;
      if (takeOld) {
        nhi[k] = hi[a];
        nlo[k] = lo[a];
        nord[k] = ordinal[a++];
      } else {
        int i = added[b++];
        nhi[k] = pending.hi[i];
        nlo[k] = pending.lo[i];
        nord[k] = pending.ordinal[i];
        dirtyBuckets.set(bucketOf(pending.hi[i]));
      }
    }
    hi = nhi;
    lo = nlo;
    ordinal = nord;
    positionOf = null;
    bucketStarts = null;
    pending.clear();
  }

  private int bucketStart(int bucket) {
    if (bucket >= 1 << BUCKET_BITS) {
      return hi.length;
    }
    long first = ((long) bucket) << (64 - BUCKET_BITS);
    int low = 0;
    int high = hi.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (Long.compareUnsigned(hi[mid], first) < 0) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  /** Fewest ids searched by bucket: below, the whole index is a few cache lines. */
  private static final int BUCKETED_SEARCH = 1 << 14;

  /** Where each bucket's ids start, and the end, for {@link #search}; made when first asked. */
  private int[] bucketStarts;

  private int[] bucketStarts() {
    if (bucketStarts == null) {
      int[] starts = new int[(1 << BUCKET_BITS) + 1];
      for (int bucket = 0; bucket < starts.length; bucket++) {
        starts[bucket] = bucketStart(bucket);
      }
      bucketStarts = starts;
    }
    return bucketStarts;
  }

  private static int bucketOf(long hi) {
    return (int) (hi >>> (64 - BUCKET_BITS));
  }

  /**
   * The position of an id, or -(insertion point + 1). Looked for within its bucket only, once the
   * ids are many: a binary search over a million ids missed the cache at nearly every step, for
   * every row an import adds.
   */
  private int search(long h, long l) {
    int low = 0;
    int high = hi.length - 1;
    if (hi.length >= BUCKETED_SEARCH) {
      int[] starts = bucketStarts();
      int bucket = bucketOf(h);
      low = starts[bucket];
      high = starts[bucket + 1] - 1;
    }
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = compare(hi[mid], lo[mid], h, l);
      if (c < 0) {
        low = mid + 1;
      } else if (c > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -(low + 1);
  }

  private static int compare(long h1, long l1, long h2, long l2) {
    int c = Long.compareUnsigned(h1, h2);
    return c != 0 ? c : Long.compareUnsigned(l1, l2);
  }
}
