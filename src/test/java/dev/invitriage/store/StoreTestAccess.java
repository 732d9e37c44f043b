package dev.invitriage.store;

import java.nio.file.Path;

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

  /** The current schema version. */
  public static long schemaVersion() {
    return Tables.SCHEMA_VERSION;
  }
}
