package dev.invitriage.store;

import java.nio.file.Path;
import java.util.List;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.Serializer;
import org.mapdb.Store;
import org.mapdb.StoreDirect;
import org.mapdb.StoreWAL;
import org.mapdb.volume.VolumeFactory;

/**
 * The one place MapDB maps are opened, always with the same serializers: MapDB does not store
 * them, and reopening a map without them silently returns garbage. Values are byte arrays in our
 * own versioned formats ({@link Codec}, {@link RecordChunks}, {@link Columns}, …), never Java
 * serialization or MapDB's default.
 */
final class Tables implements AutoCloseable {
  /**
   * Written into every store; its absence means the file is not ours. 2 added the derived tables
   * ({@link #derived}, {@link #order}, {@link #connectionHashes}, {@link #grams}); 3 the reasons
   * ({@link #reasons}), which an older invitriage would leave behind its verdicts.
   */
  static final long SCHEMA_VERSION = 3;

  static final String META_SCHEMA = "invitriage.schema";
  static final String META_APPLIED_SEQ = "applied.seq";
  static final String META_COUNT = "invitations.count";
  static final String META_CONNECTIONS = "connections.count";
  static final String META_CLASSIFIER = "classifier.fingerprint";
  static final String META_NEXT_CLIENT_ID = "client.next";
  static final String META_UNDO_TOP = "undo.top";
  static final String META_REDO_TOP = "redo.top";
  /** How many invitations the {@link #derived} flags cover; they are trusted only when that is all of them. */
  static final String META_DERIVED_ROWS = "derived.rows";
  /** How many invitations the stored {@link #order} covers; trusted only when that is all of them. */
  static final String META_ORDER_ROWS = "order.rows";

  // DBMaker's defaults in MapDB 3.1.0; the positional booleans passed with them to StoreWAL.make
  // are fileDeleteAfterClose, fileDeleteAfterOpen, checksum (all off), checksumHeader (on) and
  // checksumHeaderBypass (off).
  private static final long FILE_LOCK_WAIT = 0;
  private static final boolean THREAD_SAFE = true;
  /** log2 of DBMaker's default concurrency scale, 8. */
  private static final int CONCURRENCY_SHIFT = 3;
  /** Zero, as DBMaker passes when none is set: MapDB then grows files by its page size. */
  private static final long ALLOCATE_INCREMENT = 0;
  private static final long ALLOCATE_START_SIZE = 0;
  private static final int NO_SHUTDOWN_HOOK = 0;

  final DB db;
  /** Settings and counters; see the META_ keys. */
  final BTreeMap<String, Long> meta;
  /** Invitation records, a chunk of {@link Chunks#SIZE} per value, by chunk number. */
  final BTreeMap<Integer, byte[]> invitations;
  /** {@link Columns} chunks. */
  final BTreeMap<Integer, byte[]> columns;
  /** {@link DecisionColumn} chunks; absent chunks are all pending. */
  final BTreeMap<Integer, byte[]> decisions;
  /** {@link FlagColumn} chunks: each invitation's derived flags, so that opening need not recompute them. */
  final BTreeMap<Integer, byte[]> derived;
  /** {@link ReasonColumn} chunks: the reason for each base verdict, as judged. */
  final BTreeMap<Integer, byte[]> reasons;
  /** {@link SearchGrams} filters, by chunk. */
  final BTreeMap<Integer, byte[]> grams;
  /** {@link OrderColumn} blocks: every ordinal, newest first. */
  final BTreeMap<Integer, byte[]> order;
  /** {@link IdIndex} buckets. */
  final BTreeMap<Integer, byte[]> ids;
  /** Ordinal to the user's context note; few invitations have one. */
  final BTreeMap<Integer, String> notes;
  /** Connection records, chunked like invitations. */
  final BTreeMap<Integer, byte[]> connections;
  /** {@link ConnectionIndex} chunks: each connection's hashes, derived from its record. */
  final BTreeMap<Integer, byte[]> connectionHashes;
  final BTreeMap<Long, byte[]> clients;
  /** Undo and redo stacks: position to encoded {@link Change}. */
  final BTreeMap<Long, byte[]> undo;
  final BTreeMap<Long, byte[]> redo;

  /** Every collection's name, as {@link #Tables(DB)} opens them. */
  static final List<String> NAMES = List.of("meta", "invitations", "columns", "decisions", "ids", "derived", "order",
      "grams", "reasons", "connections", "connection-hashes", "notes", "clients", "undo", "redo");

  private Tables(DB db) {
    this.db = db;
    meta = db.treeMap("meta", Serializer.STRING, Serializer.LONG).createOrOpen();
    invitations = chunked(db, "invitations");
    columns = chunked(db, "columns");
    decisions = chunked(db, "decisions");
    ids = chunked(db, "ids");
    derived = chunked(db, "derived");
    order = chunked(db, "order");
    grams = chunked(db, "grams");
    reasons = chunked(db, "reasons");
    connections = chunked(db, "connections");
    connectionHashes = chunked(db, "connection-hashes");
    notes = db.treeMap("notes", Serializer.INTEGER, Serializer.STRING).valuesOutsideNodesEnable().createOrOpen();
    clients = db.treeMap("clients", Serializer.LONG, Serializer.BYTE_ARRAY).createOrOpen();
    undo = db.treeMap("undo", Serializer.LONG, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().createOrOpen();
    redo = db.treeMap("redo", Serializer.LONG, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().createOrOpen();
  }

  private static BTreeMap<Integer, byte[]> chunked(DB db, String name) {
    // Chunks are large: keep them out of the B-tree nodes, which MapDB rewrites on every insert.
    return db.treeMap(name, Serializer.INTEGER, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().createOrOpen();
  }

  /** The file is a MapDB store, but not one of ours. */
  static final class NotOursException extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** {@link #open(Path, boolean, VolumeFactory)} on the real files. */
  static Tables open(Path file, boolean create) {
    return open(file, create, StoreIo.REAL.volumes());
  }

  /**
   * Opens the MapDB file with transactions, as every store is used. With {@code create} false a
   * MapDB file without our collections is refused untouched ({@link NotOursException}).
   *
   * <p>This is what {@code DBMaker.fileDB(file).transactionEnable().fileMmapEnableIfSupported()
   * .fileMmapPreclearDisable().cleanerHackEnable().make()} does in MapDB 3.1.0, spelled out because
   * {@code DBMaker} takes no volume factory: with {@link StoreIo#REAL}'s factory it is the same
   * store, and tests can pass volumes that fail on purpose.
   */
  static Tables open(Path file, boolean create, VolumeFactory volumes) {
    String path = file.toFile().getPath();
    boolean exists = volumes.exists(path);
    Store store;
    try {
      store = StoreWAL.make(path, volumes, FILE_LOCK_WAIT, THREAD_SAFE, CONCURRENCY_SHIFT,
          ALLOCATE_INCREMENT, ALLOCATE_START_SIZE, false, false, false, true, false);
    } catch (AssertionError | OutOfMemoryError e) {
      throw damaged(e);
    }
    return over(store, exists, create);
  }

  /**
   * Opens a copy of a store without MapDB's write-ahead log, for {@link BulkImport} alone: every
   * byte is written once, straight into the file, and a commit only syncs it. A kill can leave
   * such a file half written, so it is only ever a scratch file that takes the store's name once
   * committed and closed. The file format is the same: the store opens it with its log again.
   */
  static Tables openWithoutLog(Path file, VolumeFactory volumes) {
    String path = file.toFile().getPath();
    boolean exists = volumes.exists(path);
    Store store;
    try {
      store = StoreDirect.Companion.make(path, volumes, FILE_LOCK_WAIT, false, THREAD_SAFE, CONCURRENCY_SHIFT,
          ALLOCATE_INCREMENT, ALLOCATE_START_SIZE, false, false, false, true, false);
    } catch (AssertionError | OutOfMemoryError e) {
      throw damaged(e);
    }
    return over(store, exists, false);
  }

  private static Tables over(Store store, boolean exists, boolean create) {
    DB db;
    try {
      db = new DB(store, exists, THREAD_SAFE, Thread.currentThread().getContextClassLoader(), NO_SHUTDOWN_HOOK);
    } catch (AssertionError | OutOfMemoryError e) {
      store.close();
      throw damaged(e);
    }
    try {
      if (!create && !db.exists("meta")) {
        throw new NotOursException();
      }
      boolean complete = NAMES.stream().allMatch(db::exists);
      Tables t = new Tables(db);
      if (!complete) {
        // Creating a collection and rolling it back throws in MapDB (mapdb#934): commit at once.
        // Only then: a commit syncs the whole mapped file, which is most of opening a large store.
        db.commit();
      }
      return t;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    } catch (AssertionError | OutOfMemoryError e) {
      db.close();
      throw damaged(e);
    }
  }

  /**
   * Damage that MapDB reports as an error, not an exception: it is built with its consistency
   * assertions on ({@code CC.ASSERT}), so a damaged file can make it throw {@link AssertionError}
   * while opening; and a length damaged in a node makes it ask for an array larger than the heap
   * (a kill inside MapDB's commit, whose write-ahead log is never replayed, left one such file in a
   * 300-kill run: {@link OutOfMemoryError}). Opening reads only a few small nodes, so nothing that
   * is whole asks for more.
   */
  private static DBException.DataCorruption damaged(Error e) {
    DBException.DataCorruption damage = new DBException.DataCorruption(e instanceof OutOfMemoryError
        ? "a length in it is larger than memory (damaged)" : "it fails MapDB's own consistency checks");
    damage.addSuppressed(e);
    return damage;
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
