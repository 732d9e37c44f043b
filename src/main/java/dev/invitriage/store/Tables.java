package dev.invitriage.store;

import java.nio.file.Path;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * The one place MapDB maps are opened, always with the same serializers: MapDB does not store
 * them, and reopening a map without them silently returns garbage. Values are byte arrays in
 * {@link Codec}'s versioned format, never Java serialization or MapDB's default.
 */
final class Tables implements AutoCloseable {
  /** Written into every store; its absence means the file is not ours. */
  static final long SCHEMA_VERSION = 1;

  static final String META_SCHEMA = "invitriage.schema";
  static final String META_APPLIED_SEQ = "applied.seq";
  static final String META_COUNT = "invitations.count";
  static final String META_NEXT_CLIENT_ID = "client.next";
  static final String META_UNDO_TOP = "undo.top";
  static final String META_REDO_TOP = "redo.top";

  final DB db;
  /** Settings and counters; see the META_ keys. */
  final BTreeMap<String, Long> meta;
  /** Invitations by ordinal (0, 1, 2, … in import order). */
  final BTreeMap<Integer, byte[]> invitations;
  /** Full hex id to ordinal: dedupes imports and resolves id prefixes with a range scan. */
  final BTreeMap<String, Integer> ids;
  /** Ordinal to {@link Codec.DecisionState}; absent means pending, never decided. */
  final BTreeMap<Integer, byte[]> decisions;
  /** Ordinal to the user's context note. */
  final BTreeMap<Integer, String> notes;
  final BTreeMap<Long, byte[]> clients;
  /** Connection key (normalised URL, or name and date) to connection. */
  final BTreeMap<String, byte[]> connections;
  /** Normalised full name to how many stored connections have it. */
  final BTreeMap<String, Integer> connectionNames;
  /** Hash of a template key to the distinct sender hashes that sent it (capped). */
  final BTreeMap<Long, long[]> templates;
  /** Undo and redo stacks: position to encoded {@link Change}. */
  final BTreeMap<Long, byte[]> undo;
  final BTreeMap<Long, byte[]> redo;

  private Tables(DB db) {
    this.db = db;
    meta = db.treeMap("meta", Serializer.STRING, Serializer.LONG).createOrOpen();
    invitations =
        db.treeMap("invitations", Serializer.INTEGER, Serializer.BYTE_ARRAY)
            .valuesOutsideNodesEnable()
            .createOrOpen();
    ids = db.treeMap("ids", Serializer.STRING, Serializer.INTEGER).createOrOpen();
    decisions = db.treeMap("decisions", Serializer.INTEGER, Serializer.BYTE_ARRAY).createOrOpen();
    notes = db.treeMap("notes", Serializer.INTEGER, Serializer.STRING).valuesOutsideNodesEnable().createOrOpen();
    clients = db.treeMap("clients", Serializer.LONG, Serializer.BYTE_ARRAY).createOrOpen();
    connections = db.treeMap("connections", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
    connectionNames = db.treeMap("connectionNames", Serializer.STRING, Serializer.INTEGER).createOrOpen();
    templates = db.treeMap("templates", Serializer.LONG, Serializer.LONG_ARRAY).createOrOpen();
    undo = db.treeMap("undo", Serializer.LONG, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().createOrOpen();
    redo = db.treeMap("redo", Serializer.LONG, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().createOrOpen();
  }

  /** The file is a MapDB store, but not one of ours. */
  static final class NotOursException extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Opens the MapDB file with transactions, as every store is used. With {@code create} false a
   * MapDB file without our collections is refused untouched ({@link NotOursException}).
   */
  static Tables open(Path file, boolean create) {
    DB db =
        DBMaker.fileDB(file.toFile())
            .transactionEnable()
            .fileMmapEnableIfSupported()
            .fileMmapPreclearDisable()
            .cleanerHackEnable()
            .make();
    try {
      if (!create && isForeign(db)) {
        throw new NotOursException();
      }
      Tables t = new Tables(db);
      // Creating a collection and rolling it back throws in MapDB (mapdb#934): commit at once.
      db.commit();
      return t;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  private static boolean isForeign(DB db) {
    return !db.exists("meta");
  }

  long metaLong(String key, long fallback) {
    Long v = meta.get(key);
    return v == null ? fallback : v;
  }

  @Override
  public void close() {
    db.close();
  }
}
