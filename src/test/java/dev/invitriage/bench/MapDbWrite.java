package dev.invitriage.bench;

import dev.invitriage.store.StoreTestAccess;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.Serializer;

/**
 * A cold JVM that does nothing but write {@code BYTES} into a new store's MapDB file as values of
 * 80 KB (about a chunk of 256 invitations) in one tree map, values outside its nodes, then commit
 * and close: no parsing, judging, indexing or journal of ours. The floor under an import, which
 * must store at least as much; {@link Bench} reports it beside sqlite3's whole import, in the
 * store's own two configurations (its MapDB settings and volumes, made by the store's code):
 *
 * <ul>
 *   <li>{@code no-log}: the import's (see {@code BulkImport}, {@code Tables.openWithoutLog}): a
 *       copy of the empty store opened without a write-ahead log, one forced commit: the floor;
 *   <li>{@code store}: the store as every other change is made, with MapDB's write-ahead log:
 *       what the import would cost without writing into a copy.
 * </ul>
 */
public final class MapDbWrite {
  static final int VALUE_BYTES = 80 * 1024;

  private MapDbWrite() { }

  public static void main(String[] args) {
    String file = args[0];
    long total = Long.parseLong(args[1]);
    boolean log = args[2].equals("store");
    DB db = StoreTestAccess.newStoreForWriting(Path.of(file), log);
    try {
      BTreeMap<Integer, byte[]> values = db.treeMap("values", Serializer.INTEGER, Serializer.BYTE_ARRAY)
          .valuesOutsideNodesEnable().createOrOpen();
      byte[] value = new byte[VALUE_BYTES];
      for (int i = 0; (long) i * VALUE_BYTES < total; i++) {
        ByteBuffer.wrap(value).putInt(0, i);
        values.put(i, value.clone());
      }
      db.commit(); // forced to disk, as the store's every commit is (LinuxVolume)
    } finally {
      db.close();
    }
  }
}
