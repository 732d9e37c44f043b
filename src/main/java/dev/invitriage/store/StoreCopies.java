package dev.invitriage.store;

import static dev.invitriage.store.StoreFailures.describe;
import static dev.invitriage.store.StoreFailures.io;

import dev.invitriage.domain.InvitriageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Copies of a store a user can go back to: the safety copy kept before an import, and backups. */
final class StoreCopies {
  private StoreCopies() {}

  /**
   * Keeps the store as it is now in {@code inbox.db.bak} (one generation), so that a user who
   * regrets an import can always get back what they had: it opens as a store of its own. Safe while
   * open: every change is committed before its method returns, and the caller holds the store.
   */
  static void keepSafetyCopy(DurableStore store, String before) {
    Path bak = StoreFiles.safetyCopy(store.file);
    try {
      StoreFiles.copyAtomically(store.storeIo, store.file, bak);
    } catch (IOException e) {
      throw InvitriageException.io(bak + ": cannot keep a safety copy before " + before + ": " + describe(e), e);
    }
  }

  /**
   * Writes a consistent copy of the committed state as a new store at {@code target} with its own
   * journal, while {@code store} stays open. Never overwrites: an existing target is refused.
   */
  static void backup(DurableStore store, Path target) {
    Path abs = target.toAbsolutePath();
    Path targetJournal = StoreFiles.journalFile(abs);
    if (Files.exists(abs) || Files.exists(targetJournal)) {
      throw new InvitriageException(InvitriageException.Kind.USAGE, abs + " already exists; a backup never overwrites a file");
    }
    io(() -> Files.createDirectories(abs.getParent()), abs.getParent(), "cannot create folder");
    long applied = store.tables.metaLong(Tables.META_APPLIED_SEQ, 0);
    List<Journal.Entry> snapshot = store.state.snapshot();
    try (StoreLock targetLock = StoreLock.acquire(abs)) {
      try (Tables copy = Tables.open(abs, true, store.storeIo.volumes())) {
        copy.meta.put(Tables.META_SCHEMA, Tables.SCHEMA_VERSION);
        InboxState s = new InboxState(copy, store.classifier);
        new JournalReplay(store, 0).replay(s, snapshot.stream().map(JournalReplay.Item::of).toList());
        s.flush();
        copy.meta.put(Tables.META_APPLIED_SEQ, applied);
        copy.db.commit();
      } catch (InvitriageException e) {
        throw e;
      } catch (RuntimeException e) {
        throw InvitriageException.io(abs + ": cannot write the backup: " + describe(e), e);
      }
      io(() -> { Journal.writeFile(store.storeIo.channels(), targetJournal, applied, snapshot); return null; }, targetJournal, "cannot write journal");
    }
  }
}
