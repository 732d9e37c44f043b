package dev.invitriage.store;

import static dev.invitriage.store.StoreFailures.describe;
import static dev.invitriage.store.StoreFailures.io;
import static dev.invitriage.store.StoreFailures.isIoFailure;

import dev.invitriage.domain.InvitriageException;
import dev.invitriage.domain.MessageClassifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * An open store: its MapDB tables, the journal beside them and the inbox state over both, with the
 * protocol that makes each change durable.
 *
 * <p>How a change is made durable: it is validated and appended to the journal; then applied to
 * MapDB, which records the journal sequence number it has applied in the same transaction; then
 * the entry is marked COMMITTING and the journal synced (one sync for the entry and its mark), and
 * MapDB commits. The journal entry's commit state brackets MapDB's commit, so on the next open we
 * know which of three cases a kill left: MapDB never started committing (replay the entry), MapDB
 * finished (nothing to do), or MapDB was interrupted mid-commit (its file may be damaged: move it
 * aside and rebuild it from the journal; see {@link StoreRecovery}).
 *
 * <p>On a clean close with many changes in the journal, the journal is compacted into a snapshot
 * of the current state, so it stays about as large as the data.
 */
final class DurableStore {
  /** Compact the journal on close once it holds more change entries than this. */
  static final int COMPACT_AFTER_CHANGES = 1000;

  final Path file;
  final StoreIo storeIo;
  final MessageClassifier classifier;
  private final StoreLock lock;
  /** Set while opening ({@link StoreRecovery}), then for good. */
  Journal journal;
  Tables tables;
  InboxState state;
  /** Set when MapDB's commit failed: its file may be damaged, so nothing more is written to it. */
  private boolean broken;

  DurableStore(Path file, StoreLock lock, MessageClassifier classifier, StoreIo storeIo) {
    this.file = file;
    this.lock = lock;
    this.classifier = classifier;
    this.storeIo = storeIo;
  }

  Path journalFile() {
    return StoreFiles.journalFile(file);
  }

  boolean broken() {
    return broken;
  }

  /** Nothing more is written to the store until it is opened again (and recovered). */
  void markBroken() {
    broken = true;
  }

  void requireWhole() {
    if (broken) {
      throw new InvitriageException(InvitriageException.Kind.IO, file + ": an earlier save failed; restart invitriage to recover the store");
    }
  }

  /** Journals the entry, applies it to MapDB and commits, as described in the class comment. */
  <T> T change(Journal.Type type, byte[] payload, Supplier<T> applyToStore) {
    requireWhole();
    // Not synced yet: the COMMITTING mark below is, and one sync makes both durable.
    Journal.Ref ref = append(type, payload, false);
    T result;
    try {
      result = applyToStore.get();
    } catch (RuntimeException e) {
      abort(List.of(ref));
      throw asStoreError(e);
    }
    commitBracketed(ref);
    return result;
  }

  Journal.Ref append(Journal.Type type, byte[] payload, boolean sync) {
    return io(() -> journal.append(type, payload, sync), journal.path(), "cannot write journal");
  }

  Journal.Entry read(Journal.Ref ref) {
    return io(() -> journal.read(ref), journal.path(), "cannot read journal");
  }

  /** Writes the changes held in memory and commits them, the journal entry bracketing the commit. */
  void commitBracketed(Journal.Ref ref) {
    Journal.Ref committing;
    try {
      state.flush();
      tables.meta.put(Tables.META_APPLIED_SEQ, ref.seq());
      committing = io(() -> journal.mark(ref, Journal.State.COMMITTING), journal.path(), "cannot write journal");
    } catch (RuntimeException e) {
      abort(List.of(ref));
      throw asStoreError(e);
    }
    try {
      tables.db.commit();
    } catch (RuntimeException e) {
      broken = true;
      markQuietly(committing, Journal.State.DOUBT);
      throw asStoreError(e);
    }
    markQuietly(committing, Journal.State.COMMITTED);
  }

  /** Undoes uncommitted work: MapDB rolls back, memory reloads, the entries are never applied. */
  void abort(List<Journal.Ref> refs) {
    try {
      tables.db.rollback();
      state.reset();
    } catch (RuntimeException e) {
      broken = true;
    }
    refs.forEach(r -> markQuietly(r, Journal.State.ABORTED));
  }

  void commitOrFail() {
    try {
      tables.db.commit();
    } catch (RuntimeException e) {
      throw asStoreError(e);
    }
  }

  void rollbackQuietly() {
    try {
      tables.db.rollback();
    } catch (RuntimeException e) {
      broken = true;
    }
  }

  void markQuietly(Journal.Ref ref, Journal.State s) {
    try {
      journal.mark(ref, s);
    } catch (IOException | RuntimeException e) {
      // The states only speed up recovery: a missing mark makes the next open rebuild instead.
    }
  }

  InvitriageException asStoreError(RuntimeException e) {
    if (e instanceof InvitriageException ie) {
      return ie;
    }
    return InvitriageException.io(file + ": cannot save: " + describe(e), e);
  }

  /**
   * Null when the store looks whole, else what is wrong with it ({@link
   * InboxQueries#consistencyProblem}); a value that cannot be read is damage, unless the disk
   * failed to read it.
   */
  String consistencyProblem(boolean thorough) {
    try {
      if (tables.metaLong(Tables.META_SCHEMA, -1) < 1) {
        return "its schema version is missing";
      }
      long applied = tables.metaLong(Tables.META_APPLIED_SEQ, 0);
      if (journal != null && applied > journal.lastSeq()) {
        return "it holds changes its journal does not";
      }
      if (journal != null && applied < journal.baseSeq()) {
        return "it is older than its journal's snapshot";
      }
      return state.read().consistencyProblem(thorough);
    } catch (RuntimeException | AssertionError | OutOfMemoryError e) {
      if (isIoFailure(e)) {
        // The disk failed to read it: that says nothing about its contents, so it is not rebuilt.
        throw InvitriageException.io(file + ": cannot read: " + describe(e), e);
      }
      // MapDB 3.1.0 is built with its consistency assertions on (CC.ASSERT): they throw errors;
      // and a damaged length asks for more memory than there is (the check reads a few values).
      return "reading it fails: " + describe(e);
    }
  }

  /** Compacts the journal when it has grown long, then closes the tables, the journal and the lock. */
  void close() {
    try {
      if (!broken && journal != null && tables != null && journal.changeCount() > COMPACT_AFTER_CHANGES) {
        compact();
      }
    } finally {
      closeQuietly();
    }
  }

  /** Replaces the journal with a snapshot of the committed state (atomically, see Journal). */
  private void compact() {
    long applied = tables.metaLong(Tables.META_APPLIED_SEQ, 0);
    List<Journal.Entry> snapshot = state.snapshot();
    try {
      journal.close();
      Journal.writeFile(storeIo.channels(), journalFile(), applied, snapshot);
    } catch (IOException e) {
      // The old journal is still whole (the new one replaces it only when complete): keep it.
    }
    journal = null;
  }

  void closeQuietly() {
    try {
      if (tables != null) {
        tables.close();
      }
    } catch (RuntimeException ignored) {
      // Everything was committed before; a failing close loses nothing.
    }
    try {
      if (journal != null) {
        journal.close();
      }
    } catch (IOException ignored) {
      // Same: the journal is synced after every entry.
    }
    lock.close();
  }
}
