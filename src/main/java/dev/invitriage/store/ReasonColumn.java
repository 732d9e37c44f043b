package dev.invitriage.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mapdb.BTreeMap;

/**
 * Each invitation's reason for its verdict as the classifier gave it when it judged the note,
 * persisted {@link Chunks#SIZE} to a MapDB value, the chunk's distinct reasons written once: an
 * export, a list or a screen then shows the reason without judging the note again (judging was a
 * quarter of exporting a million invitations, and making the classifier 0.7 s of any cold one).
 * It follows the base verdict in {@link Columns}: written where that is, at import and when the
 * store judges again.
 *
 * <p>Derived data, read a chunk at a time on first use: a chunk missing or damaged, or a row
 * without a reason (a store from before schema 3), gives null, and the caller judges that note.
 * Chunk layout: {@code byte version, varint rows, varint distinct, distinct strings, rows varints}
 * (0 for no reason, else 1 + the reason's place among the distinct ones).
 */
final class ReasonColumn {
  private static final int VERSION = 1;

  private final BTreeMap<Integer, byte[]> map;
  /**
   * Chunks read or written so far, by number (null: not yet read); a null element is a row
   * without a reason. An array, not a map: an export asks for every row's reason.
   */
  private String[][] chunks = new String[16][];
  private final BitSet dirty = new BitSet();

  ReasonColumn(BTreeMap<Integer, byte[]> map) {
    this.map = map;
  }

  /** The stored reason of an invitation, or null when there is none to trust. */
  String reasonOf(int ordinal) {
    return chunk(Chunks.chunkOf(ordinal))[Chunks.slotOf(ordinal)];
  }

  void set(int ordinal, String reason) {
    int chunk = Chunks.chunkOf(ordinal);
    chunk(chunk)[Chunks.slotOf(ordinal)] = reason;
    dirty.set(chunk);
  }

  /** Writes the changed chunks of an inbox of {@code size} invitations (uncommitted). */
  void flush(int size) {
    for (int chunk = dirty.nextSetBit(0); chunk >= 0; chunk = dirty.nextSetBit(chunk + 1)) {
      int rows = Math.max(0, Math.min(Chunks.SIZE, size - (chunk << Chunks.SHIFT)));
      map.put(chunk, encode(chunks[chunk], rows));
    }
    dirty.clear();
  }

  /** Writes a full chunk if it changed and lets go of it; it is read again when asked. */
  void retire(int chunk) {
    String[] reasons = chunk < chunks.length ? chunks[chunk] : null;
    if (reasons != null) {
      chunks[chunk] = null;
      if (dirty.get(chunk)) {
        map.put(chunk, encode(reasons, Chunks.SIZE));
      }
    }
    dirty.clear(chunk);
  }

  private String[] chunk(int chunk) {
    if (chunk >= chunks.length) {
      chunks = Arrays.copyOf(chunks, Math.max(2 * chunks.length, chunk + 1));
    }
    String[] reasons = chunks[chunk];
    if (reasons == null) {
      reasons = decode(map.get(chunk));
      chunks[chunk] = reasons;
    }
    return reasons;
  }

  static byte[] encode(String[] reasons, int rows) {
    Map<String, Integer> places = new HashMap<>();
    List<String> distinct = new ArrayList<>();
    int[] index = new int[rows];
    for (int i = 0; i < rows; i++) {
      String r = reasons[i];
      if (r != null) {
        Integer place = places.get(r);
        if (place == null) {
          place = distinct.size();
          places.put(r, place);
          distinct.add(r);
        }
        index[i] = place + 1;
      }
    }
    Bytes.Out out = new Bytes.Out().writeByte(VERSION).writeVarLong(rows).writeVarLong(distinct.size());
    for (String r : distinct) {
      out.writeString(r);
    }
    for (int i : index) {
      out.writeVarLong(i);
    }
    return out.toByteArray();
  }

  /** A chunk's reasons; all null when it is missing or cannot be read. */
  static String[] decode(byte[] bytes) {
    String[] reasons = new String[Chunks.SIZE];
    if (bytes == null) {
      return reasons;
    }
    try {
      Bytes.In in = new Bytes.In(bytes);
      if (in.readByte() != VERSION) {
        return reasons;
      }
      int rows = in.readVarInt();
      int count = in.readVarInt();
      if (rows < 0 || rows > Chunks.SIZE || count < 0 || count > rows) {
        return new String[Chunks.SIZE];
      }
      String[] distinct = new String[count];
      for (int i = 0; i < count; i++) {
        distinct[i] = in.readString();
      }
      for (int i = 0; i < rows; i++) {
        int place = in.readVarInt();
        if (place < 0 || place > count) {
          return new String[Chunks.SIZE];
        }
        reasons[i] = place == 0 ? null : distinct[place - 1];
      }
      return reasons;
    } catch (Bytes.CorruptRecordException e) {
      return new String[Chunks.SIZE];
    }
  }
}
