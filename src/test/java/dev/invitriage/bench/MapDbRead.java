package dev.invitriage.bench;

import java.util.List;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * A cold JVM that opens a store with MapDB as an export does (memory-mapped, with its write-ahead
 * log; read-only here, so the store is untouched) and gets out every value an export reads: the
 * invitations' records, ids, flags, reasons and decisions, a chunk of 256 at a time, and the
 * notes. The floor under an export's reading, which must at least get these bytes out of MapDB
 * before it decodes a row; {@link Bench} reports it beside sqlite3's whole export.
 */
public final class MapDbRead {
  /** The chunked maps an export reads (see the store's {@code Tables}). */
  private static final List<String> READ = List.of("invitations", "ids", "derived", "reasons", "decisions");

  private MapDbRead() { }

  public static void main(String[] args) {
    DB db = DBMaker.fileDB(args[0]).fileMmapEnableIfSupported().fileMmapPreclearDisable().cleanerHackEnable()
        .transactionEnable().readOnly().make();
    long bytes = 0;
    try {
      for (String name : READ) {
        BTreeMap<Integer, byte[]> map = db.treeMap(name, Serializer.INTEGER, Serializer.BYTE_ARRAY)
            .valuesOutsideNodesEnable().open();
        for (byte[] value : map.getValues()) {
          bytes += value.length;
        }
      }
      for (String note : db.treeMap("notes", Serializer.INTEGER, Serializer.STRING).valuesOutsideNodesEnable().open()
          .getValues()) {
        bytes += note.length();
      }
    } finally {
      db.close();
    }
    if (bytes == 0) {
      throw new IllegalStateException(args[0] + " holds no invitations");
    }
  }
}
