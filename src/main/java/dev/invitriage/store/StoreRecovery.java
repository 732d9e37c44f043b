package dev.invitriage.store;

import static dev.invitriage.store.StoreFailures.describe;
import static dev.invitriage.store.StoreFailures.io;
import static dev.invitriage.store.StoreFailures.isIoFailure;

import dev.invitriage.domain.InvitriageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Opening a store: creating it, catching it up with its journal, or, when its file cannot be
 * trusted, rebuilding it from the journal. A file that fails to open or fails the consistency check
 * is rebuilt; it is never deleted, only kept aside. Each recovery is reported through the notices,
 * one line each.
 */
final class StoreRecovery {
  private final DurableStore store;
  private final Consumer<String> notices;

  private StoreRecovery(DurableStore store, Consumer<String> notices) {
    this.store = store;
    this.notices = notices;
  }

  /** Opens {@code store}'s files, recovering them as needed, and brings derived data up to date. */
  static void open(DurableStore store, Consumer<String> notices) {
    StoreRecovery recovery = new StoreRecovery(store, notices);
    recovery.openOrRecover();
    recovery.judgeAgainIfNeeded();
    recovery.upgradeIfNeeded();
  }

  private Path file() {
    return store.file;
  }

  private void openOrRecover() {
    deleteUnfinishedImportCopy();
    Path jf = store.journalFile();
    boolean storeExists = Files.exists(file());
    boolean journalExists = Files.exists(jf);
    if (journalExists) {
      store.journal = io(() -> Journal.open(store.storeIo.channels(), jf), jf, "cannot read journal");
      if (store.journal.truncatedTail()) {
        notices.accept(jf + ": cut off an unfinished last entry (it was never confirmed)");
      }
    }
    if (!storeExists) {
      if (store.journal == null) {
        create();
      } else {
        rebuild("the store file is missing");
      }
      return;
    }
    String foreign = StoreFiles.foreignReason(file());
    if (foreign != null) {
      if (store.journal == null) {
        throw InvitriageException.badInput(file() + ": not an invitriage store (" + foreign + ")");
      }
      rebuild(foreign);
      return;
    }
    openTablesOrRecover();
  }

  /**
   * A copy an import was building when it was killed is never the store (see {@link BulkImport}):
   * whatever of it the journal confirms is replayed into the store itself.
   */
  private void deleteUnfinishedImportCopy() {
    try {
      StoreFiles.deleteStoreFiles(StoreFiles.importCopy(file()));
    } catch (RuntimeException e) {
      // Left over, it costs disk space until the next import deletes it.
    }
  }

  /** Opens the existing MapDB file; a failed open leaves the file as it was. */
  private void openTables() {
    long sizeBefore = io(() -> Files.size(file()), file(), "cannot read");
    try {
      store.tables = Tables.open(file(), false, store.storeIo.volumes());
    } catch (RuntimeException e) {
      StoreFiles.undoGrowth(file(), sizeBefore);
      throw e;
    }
  }

  private void openTablesOrRecover() {
    Path jf = store.journalFile();
    try {
      openTables();
    } catch (Tables.NotOursException e) {
      if (store.journal == null) {
        throw InvitriageException.badInput(
            file() + ": not an invitriage store (a MapDB file of some other program)");
      }
      // Beside a journal of ours, a MapDB file without our tables is a store killed while MapDB
      // made it (see create): the journal holds everything, and the file is only moved aside.
      rebuild("it holds none of its tables (cut short while it was made)");
      return;
    } catch (RuntimeException e) {
      if (isIoFailure(e)) {
        // A full disk or a write error while MapDB sets up its write-ahead log says nothing
        // about the file: moving a whole store aside for it would be wrong.
        throw InvitriageException.io(file() + ": cannot open: " + describe(e), e);
      }
      if (store.journal == null) {
        throw InvitriageException.badInput(file() + ": damaged store that cannot be opened (" + describe(e) + ")");
      }
      rebuild("it cannot be opened: " + describe(e));
      return;
    }
    long schema = store.tables.metaLong(Tables.META_SCHEMA, -1);
    if (schema > Tables.SCHEMA_VERSION) {
      throw new InvitriageException(InvitriageException.Kind.BAD_INPUT,
          file() + ": store has schema version " + schema + ", newer than this invitriage (" + Tables.SCHEMA_VERSION + "); upgrade invitriage");
    }
    store.state = new InboxState(store.tables, store.classifier);
    if (store.journal == null) {
      String problem = store.consistencyProblem(true);
      if (problem != null) {
        throw InvitriageException.badInput(file() + ": damaged store (" + problem + ") and no journal to rebuild it from");
      }
      // A store without its journal (deleted by hand): start a new journal from what it holds.
      long applied = store.tables.metaLong(Tables.META_APPLIED_SEQ, 0);
      io(() -> { Journal.writeFile(store.storeIo.channels(), jf, applied, store.state.snapshot()); return null; }, jf, "cannot write journal");
      store.journal = io(() -> Journal.open(store.storeIo.channels(), jf), jf, "cannot read journal");
      notices.accept(jf + ": journal was missing; started a new one from the store");
      return;
    }
    catchUp();
  }

  /**
   * Recomputes stored verdicts when the classifier or the user's phrases changed since they were
   * made. Derived data only, but its commit is bracketed by a journal entry like any other.
   */
  private void judgeAgainIfNeeded() {
    int changed;
    try {
      changed = store.state.reclassifyIfNeeded();
    } catch (RuntimeException e) {
      store.rollbackQuietly();
      throw store.asStoreError(e);
    }
    if (changed < 0) {
      return;
    }
    store.commitBracketed(store.append(Journal.Type.MAINTENANCE, new byte[0], true));
    if (changed > 0) {
      notices.accept(changed + " verdict(s) changed since the classifier or your phrases changed");
    }
  }

  /**
   * Brings a store of an older schema up to this one, keeping the store as it was in {@code
   * inbox.db.bak} first. Schema 2 adds only derived tables (flags, order, connection hashes, search
   * filters), which fill in as they are first used; it exists so that an older invitriage, which
   * would change the store without keeping them in step, refuses the store instead.
   */
  private void upgradeIfNeeded() {
    long schema = store.tables.metaLong(Tables.META_SCHEMA, -1);
    if (schema >= Tables.SCHEMA_VERSION) {
      return;
    }
    StoreCopies.keepSafetyCopy(store, "upgrading it");
    Journal.Ref ref = store.append(Journal.Type.MAINTENANCE, new byte[0], true);
    store.tables.meta.put(Tables.META_SCHEMA, Tables.SCHEMA_VERSION);
    store.commitBracketed(ref);
    notices.accept(file() + ": upgraded from schema " + schema + " to " + Tables.SCHEMA_VERSION + "; the store as it was is kept in "
        + StoreFiles.safetyCopy(file()).getFileName());
  }

  /** Brings an opened store up to the journal, or rebuilds it when it cannot be trusted. */
  private void catchUp() {
    Journal journal = store.journal;
    long applied = store.tables.metaLong(Tables.META_APPLIED_SEQ, 0);
    List<Journal.Ref> pending = new ArrayList<>();
    for (Journal.Ref ref : journal.refs()) {
      if (ref.seq() == 0 || ref.state() == Journal.State.ABORTED) {
        continue;
      }
      // COMMITTING means MapDB's commit began and was never seen to end. Its applied sequence
      // number says nothing then: MapDB writes its pages back in no particular order, so a kill
      // can leave the number written and other pages not.
      if (ref.state() == Journal.State.DOUBT || ref.state() == Journal.State.COMMITTING) {
        rebuild("it was interrupted while saving");
        return;
      }
      if (ref.seq() > applied) {
        pending.add(ref);
      }
    }
    String problem = store.consistencyProblem(false);
    if (problem != null) {
      rebuild(problem);
      return;
    }
    if (pending.isEmpty()) {
      return;
    }
    JournalReplay replay = new JournalReplay(store, 0);
    int replayed = replay.replay(store.state, replay.items(pending));
    abortUnfinishedImport(pending);
    if (replayed == 0) {
      return;
    }
    flushReplayed(replay.lastReplayed());
    List<Journal.Ref> marked = new ArrayList<>();
    for (Journal.Ref ref : journal.refs()) {
      if (ref.seq() > applied && ref.seq() <= replay.lastReplayed() && ref.state() == Journal.State.NONE) {
        marked.add(io(() -> journal.mark(ref, Journal.State.COMMITTING), journal.path(), "cannot write journal"));
      }
    }
    try {
      store.tables.db.commit();
    } catch (RuntimeException e) {
      keepAsideAfterFailedReplay(e);
    }
    marked.forEach(ref -> store.markQuietly(ref, Journal.State.COMMITTED));
    notices.accept(file() + ": replayed " + replayed + " change(s) from the journal that a previous run had not saved to the store");
  }

  /** Writes what a replay applied, and how far it got, to MapDB (uncommitted). */
  private void flushReplayed(long lastReplayed) {
    try {
      store.state.flush();
      store.tables.meta.put(Tables.META_APPLIED_SEQ, lastReplayed);
    } catch (RuntimeException e) {
      throw store.asStoreError(e);
    }
  }

  /**
   * MapDB's commit of replayed entries failed, so its file may hold part of them, applied sequence
   * number included: nothing in the journal could then tell the next open that it is damaged (its
   * entries must stay replayable, so they cannot be marked DOUBT). Moving the file aside is that
   * sign, written without needing disk space: the next open rebuilds the store from the journal.
   */
  private void keepAsideAfterFailedReplay(RuntimeException e) {
    try {
      store.tables.close();
    } catch (RuntimeException ignored) {
      // It is being set aside because its commit failed; closing it may fail too.
    }
    store.tables = null;
    String kept = "";
    try {
      Path aside = StoreFiles.asideName(file());
      StoreFiles.moveStoreFiles(file(), aside);
      Journal.syncDirectory(file().getParent());
      kept = "; it is kept as " + aside.getFileName() + " and the next start rebuilds it from the journal";
    } catch (IOException moveFailed) {
      // A second failure in a row: the journal still holds every entry, but the next open may
      // take the half-saved file for whole. Nothing better can be done on this disk now.
    }
    throw InvitriageException.io(file() + ": cannot save the changes replayed from the journal: " + describe(e) + kept, e);
  }

  /** Marks import parts that no IMPORT_END completed as aborted, so no later import adopts them. */
  private void abortUnfinishedImport(List<Journal.Ref> refs) {
    for (int i = refs.size() - 1; i >= 0 && refs.get(i).type() == Journal.Type.IMPORT; i--) {
      store.markQuietly(refs.get(i), Journal.State.ABORTED);
    }
  }

  private void create() {
    // The journal first: a kill while MapDB creates its file then leaves a journal to rebuild the
    // (empty) store from, never a half-made store file with no journal, which no open could use.
    Path jf = store.journalFile();
    store.journal = io(() -> Journal.create(store.storeIo.channels(), jf), jf, "cannot create journal");
    store.tables = createTables();
    store.tables.meta.put(Tables.META_SCHEMA, Tables.SCHEMA_VERSION);
    store.tables.meta.put(Tables.META_APPLIED_SEQ, 0L);
    store.state = new InboxState(store.tables, store.classifier);
    // No verdict to judge again: the store is this classifier's from the start, in the same
    // commit (judged again on the first open, it took a journal entry and two more syncs, 40 ms
    // of a first import).
    store.state.reclassifyIfNeeded();
    store.commitOrFail();
  }

  /** A new, empty MapDB file; failing to write it (a full disk) is an I/O error, not a bug. */
  private Tables createTables() {
    try {
      return Tables.open(file(), true, store.storeIo.volumes());
    } catch (RuntimeException e) {
      throw store.asStoreError(e);
    }
  }

  /**
   * Builds a new store from the whole journal beside the old one, then moves the old file aside
   * (never deleting it) and the new one into its place, so a kill during a rebuild leaves no
   * half-built store behind.
   */
  private void rebuild(String why) {
    if (store.tables != null) {
      try {
        store.tables.close();
      } catch (RuntimeException ignored) {
        // It is being replaced because it is damaged; closing it may fail too.
      }
      store.tables = null;
    }
    Journal journal = store.journal;
    Path fresh = file().resolveSibling(file().getFileName() + ".rebuild");
    StoreFiles.deleteStoreFiles(fresh);
    int applied;
    try {
      store.tables = Tables.open(fresh, true, store.storeIo.volumes());
      store.tables.meta.put(Tables.META_SCHEMA, Tables.SCHEMA_VERSION);
      store.state = new InboxState(store.tables, store.classifier);
      JournalReplay replay = new JournalReplay(store, journal.baseSeq());
      applied = replay.replay(store.state, replay.items(journal.refs()));
      flushReplayed(replay.lastReplayed());
      store.commitOrFail();
      store.tables.close();
    } catch (RuntimeException e) {
      // The half-built store is deleted by the next rebuild; the old one is still in its place.
      throw store.asStoreError(e);
    }
    Path aside = StoreFiles.asideName(file());
    try {
      StoreFiles.moveStoreFiles(file(), aside);
      StoreFiles.moveStoreFiles(fresh, file());
      Journal.syncDirectory(file().getParent());
    } catch (IOException e) {
      throw InvitriageException.io(file() + ": cannot move the damaged store aside: " + describe(e), e);
    }
    store.tables = Tables.open(file(), false, store.storeIo.volumes());
    store.state = new InboxState(store.tables, store.classifier);
    abortUnfinishedImport(journal.refs());
    for (Journal.Ref ref : journal.refs()) {
      if (ref.seq() > 0 && (ref.state() == Journal.State.NONE || ref.state() == Journal.State.COMMITTING)) {
        store.markQuietly(ref, Journal.State.COMMITTED);
      } else if (ref.state() == Journal.State.DOUBT) {
        store.markQuietly(ref, Journal.State.ABORTED);
      }
    }
    notices.accept(file() + ": rebuilt from its journal (" + applied + " entries) because " + why
        + (Files.exists(aside) ? "; the old file is kept as " + aside.getFileName() : ""));
  }
}
