package dev.invitriage.bench;

import java.nio.ByteBuffer;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * A cold JVM that does nothing but write {@code BYTES} into a new MapDB file as values of 80 KB
 * (about a chunk of 256 invitations) in one tree map, then commit and close: no parsing, judging,
 * indexing or journal of ours. The floor under an import, which must store at least as much;
 * {@link Bench} reports it beside sqlite3's whole import, in two configurations:
 *
 * <ul>
 *   <li>{@code no-log}: the import's (see {@code BulkImport}, {@code Tables.openWithoutLog}):
 *       values outside the B-tree's nodes, memory-mapped, no write-ahead log, the commit forced
 *       to disk: the floor;
 *   <li>{@code store}: the same with MapDB's write-ahead log (transactions), as every other
 *       change is made: what the import would cost without writing into a copy.
 * </ul>
 */
public final class MapDbWrite {
  static final int VALUE_BYTES = 80 * 1024;

  private MapDbWrite() { }

  public static void main(String[] args) {
    String file = args[0];
    long total = Long.parseLong(args[1]);
    boolean log = args[2].equals("store");
    DBMaker.Maker maker = DBMaker.fileDB(file).fileMmapEnableIfSupported().fileMmapPreclearDisable().cleanerHackEnable();
    DB db = (log ? maker.transactionEnable() : maker).make();
    try {
      BTreeMap<Integer, byte[]> values = db.treeMap("values", Serializer.INTEGER, Serializer.BYTE_ARRAY)
          .valuesOutsideNodesEnable().createOrOpen();
      byte[] value = new byte[VALUE_BYTES];
      for (int i = 0; (long) i * VALUE_BYTES < total; i++) {
        ByteBuffer.wrap(value).putInt(0, i);
        values.put(i, value.clone());
      }
      db.commit();
    } finally {
      db.close();
    }
    // The store forces its file to disk at each commit (LinuxVolume); MapDB's close does not.
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(java.nio.file.Path.of(file),
        java.nio.file.StandardOpenOption.WRITE)) {
      ch.force(true);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
