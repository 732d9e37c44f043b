package dev.invitriage.store;

import java.nio.file.Path;
import org.mapdb.DB;

/** Lets tests outside this package write states the product never writes itself. */
public final class StoreTestAccess {
  private StoreTestAccess() {}

  /** Stamps a closed store with another schema version, as a newer invitriage would. */
  public static void setSchemaVersion(Path db, long version) {
    try (Tables t = Tables.open(db, false)) {
      t.meta.put(Tables.META_SCHEMA, version);
      t.db.commit();
    }
  }

  /** Sets a note in a closed store without journaling it: the store and journal disagree. */
  public static void setNoteBehindTheJournal(Path db, int ordinal, String note) {
    try (Tables t = Tables.open(db, false)) {
      t.notes.put(ordinal, note);
      t.db.commit();
    }
  }

  /**
   * A new store at {@code file}, open as MapDB is for an import ({@code withLog} false: a copy of
   * the empty store, without MapDB's write-ahead log, as {@link BulkImport} writes) or for every
   * other change (true), on the store's own volumes: what {@code make bench}'s floor under an
   * import writes into. Closing the DB closes the store.
   */
  public static DB newStoreForWriting(Path file, boolean withLog) {
    if (withLog) {
      return Tables.open(file, true).db;
    }
    Tables.open(file, true).close();
    return Tables.openWithoutLog(file, StoreIo.REAL.volumes()).db;
  }

  /** The current schema version. */
  public static long schemaVersion() {
    return Tables.SCHEMA_VERSION;
  }
}
