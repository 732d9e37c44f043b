package dev.invitriage.bench;

import java.nio.ByteBuffer;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * A cold JVM that does nothing but write {@code BYTES} into a new MapDB file, as values of 80 KB
 * (the size of a chunk of 256 invitations) in one tree map, then commit and close: no write-ahead
 * log, no sync, no parsing, judging or indexing. The floor under an import, which must store at
 * least as much; {@link Bench} reports it beside sqlite3's whole import.
 */
public final class MapDbWrite {
  static final int VALUE_BYTES = 80 * 1024;

  private MapDbWrite() { }

  public static void main(String[] args) {
    long total = Long.parseLong(args[1]);
    DB db = DBMaker.fileDB(args[0]).fileMmapEnableIfSupported().make();
    try {
      BTreeMap<Integer, byte[]> values = db.treeMap("values", Serializer.INTEGER, Serializer.BYTE_ARRAY).createOrOpen();
      byte[] value = new byte[VALUE_BYTES];
      for (int i = 0; (long) i * VALUE_BYTES < total; i++) {
        ByteBuffer.wrap(value).putInt(0, i);
        values.put(i, value.clone());
      }
      db.commit();
    } finally {
      db.close();
    }
  }
}
