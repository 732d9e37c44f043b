package dev.invitriage.bench;

import org.mapdb.DB;
import org.mapdb.DBMaker;

/**
 * A cold JVM that does nothing but open a store with MapDB's own {@code DBMaker} (read-only, so
 * the store is untouched) and list its collections: the floor under a cold {@code invitriage
 * stats}, which must also open the store. {@link Bench} reports it beside {@code java Hello}.
 */
public final class MapDbOpen {
  private MapDbOpen() { }

  public static void main(String[] args) {
    DB db = DBMaker.fileDB(args[0]).fileMmapEnableIfSupported().transactionEnable().readOnly().make();
    try {
      if (!db.getAllNames().iterator().hasNext()) {
        throw new IllegalStateException(args[0] + " holds no collections");
      }
    } finally {
      db.close();
    }
  }
}
