package dev.invitriage.store;

import static dev.invitriage.store.StoreFailures.describe;
import static dev.invitriage.store.StoreFailures.io;

import dev.invitriage.domain.ImportBatch;
import dev.invitriage.domain.ImportProducer;
import dev.invitriage.domain.ImportResult;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.domain.MessageClassifier;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An import into an open store, written once: into a copy of the store ({@code inbox.db.import})
 * opened without MapDB's write-ahead log, which then takes the store's place. The old file stays
 * as the safety copy {@code inbox.db.bak}, so a user who regrets an import gets back what they had.
 *
 * <p>Why this is as safe as a change made through the log: every part is journalled as it is
 * applied, and the IMPORT_END entry, written after the last part and synced once the copy is
 * committed and closed, confirms the import. Killed before IMPORT_END is written, the next open
 * aborts the parts, and the store was never touched; killed after it but before the copy is in
 * place, the next open replays the import from the journal into the store as it was. The copy
 * takes the store's name in one rename; a half-written one never does, and the next open or
 * import deletes it.
 *
 * <p>Three threads share the work: one reads and parses the files, one judges each part (verdict,
 * reason, template key, id) and encodes it for the journal, all pure, and this one journals and
 * stores the parts in order; the first two start before the copy is made. Reading on a thread of
 * its own, not on this one, took a million-row import on two cores from 21.5–22 s to 19–20 s
 * (interleaved, first JIT tier); less work a row since, to 14.5 s.
 */
final class BulkImport {
  /** Parts judged ahead of the one being stored: enough to keep the second core busy. */
  private static final int PARTS_AHEAD = 2;

  private final DurableStore store;
  private final Path copy;
  private final List<Journal.Ref> entries = new ArrayList<>();

  private BulkImport(DurableStore store) {
    this.store = store;
    this.copy = StoreFiles.importCopy(store.file);
  }

  /** Imports what {@code producer} reads into {@code store}. */
  static ImportResult run(DurableStore store, ImportProducer producer) {
    store.requireWhole();
    return new BulkImport(store).importAll(producer);
  }

  private ImportResult importAll(ImportProducer producer) {
    // What the store's state holds in memory is replaced when the import succeeds, and read
    // again when it fails: an import into a large inbox open in the UI need not hold it twice.
    try {
      store.state.reset();
    } catch (RuntimeException e) {
      throw store.asStoreError(e); // reading the store's count failed: nothing was changed
    }
    Tables target;
    InboxState.Tally tally;
    List<String> sources;
    // Reading and judging begin while the copy is made: the first part of a small import was
    // read only once the copy was open, and a large store takes a while to copy.
    try (Parts parts = Parts.readAndJudge(producer, store.classifier)) {
      target = openCopy();
      try (Writeback writeback = new Writeback(store.storeIo.channels(), List.of(store.journal.path(), copy))) {
        InboxState importing = new InboxState(target, store.classifier);
        tally = importing.startImport();
        sources = parts.takeInOrder(part -> writeback.written(apply(part, importing, tally)));
        long first = entries.isEmpty() ? store.journal.lastSeq() + 1 : entries.get(0).seq();
        Journal.Ref end = store.append(Journal.Type.IMPORT_END, new Bytes.Out().writeVarLong(first).toByteArray(), false);
        entries.add(end);
        importing.flush();
        target.meta.put(Tables.META_APPLIED_SEQ, end.seq());
        target.db.commit();
        target.close();
        // From here the import is confirmed: the journal holds it whole.
        io(() -> { store.journal.sync(); return null; }, store.journal.path(), "cannot write journal");
      } catch (RuntimeException e) {
        abort(target);
        throw store.asStoreError(e);
      }
    }
    takeTheStoresPlace(target, entries.get(entries.size() - 1));
    return new ImportResult(tally.fresh + tally.known, tally.fresh, tally.connectionsRead, sources);
  }

  /** The store as last committed, copied beside it and opened without MapDB's log. */
  private Tables openCopy() {
    StoreFiles.deleteStoreFiles(copy);
    try {
      StoreFiles.copyAtomically(store.storeIo, store.file, copy);
    } catch (IOException e) {
      throw InvitriageException.io(copy + ": cannot copy the store to import into: " + describe(e), e);
    }
    try {
      return Tables.openWithoutLog(copy, store.storeIo.volumes());
    } catch (RuntimeException e) {
      StoreFiles.deleteStoreFiles(copy);
      throw store.asStoreError(e);
    }
  }

  /**
   * The parts of an import, read on one thread and judged on another as soon as it starts, taken
   * in order on this one: a bounded queue between them keeps at most {@link #PARTS_AHEAD} judged
   * parts waiting. Closing it stops both threads, whatever they were doing.
   */
  private static final class Parts implements AutoCloseable {
    private final ExecutorService judge = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "import-judge"));
    private final BlockingQueue<Object> judged = new ArrayBlockingQueue<>(PARTS_AHEAD);
    private final Thread reader;

    private Parts(ImportProducer producer, MessageClassifier classifier) {
      reader = daemon(() -> read(producer, part -> judge.submit(() -> JudgedPart.forJournal(part, classifier)), judged),
          "import-read");
    }

    static Parts readAndJudge(ImportProducer producer, MessageClassifier classifier) {
      Parts parts = new Parts(producer, classifier);
      parts.reader.start();
      return parts;
    }

    /**
     * Hands each judged part to {@code apply}, in the order read; returns the names of the files
     * read, or throws what stopped the reading or judging, as it was thrown.
     */
    List<String> takeInOrder(Consumer<Future<JudgedPart>> apply) {
      while (true) {
        Object next;
        try {
          next = judged.take();
        } catch (InterruptedException e) {
          throw interrupted(e);
        }
        if (next instanceof Read read) {
          return read.sources();
        }
        if (next instanceof Throwable failed) {
          throw asThrown(failed);
        }
        @SuppressWarnings("unchecked")
        Future<JudgedPart> part = (Future<JudgedPart>) next;
        apply.accept(part);
      }
    }

    @Override
    public void close() {
      reader.interrupt();
      judge.shutdownNow();
    }
  }

  /** What the reader hands over last when every part was read: the names of the files read. */
  private record Read(List<String> sources) {}

  /** The reader was stopped: the import failed or was cut short on the applying thread. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super(null, null, false, false);
    }
  }

  /**
   * Runs on the reading thread: every part is handed to {@code judge} and its judgement queued,
   * then what the producer returned, or the failure that stopped it.
   */
  private static void read(ImportProducer producer, Function<ImportBatch, Future<JudgedPart>> judge, BlockingQueue<Object> judged) {
    Object last;
    try {
      last = new Read(producer.produce(part -> {
        try {
          judged.put(judge.apply(part));
        } catch (InterruptedException e) {
          throw new Stopped();
        }
      }));
    } catch (Stopped stopped) {
      return;
    } catch (RuntimeException | Error e) {
      last = e;
    }
    try {
      judged.put(last);
    } catch (InterruptedException stopped) {
      // Nobody takes it any more.
    }
  }

  /** A failure on the reading or judging thread, to be thrown on this one as it was. */
  private static RuntimeException asThrown(Throwable failed) {
    if (failed instanceof RuntimeException r) {
      return r;
    }
    if (failed instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(failed);
  }

  private static InvitriageException interrupted(InterruptedException e) {
    Thread.currentThread().interrupt();
    return InvitriageException.io("import interrupted", e);
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread t = new Thread(runnable, name);
    t.setDaemon(true); // never keeps a command from ending
    return t;
  }

  /**
   * Journals, then applies, a part once it is judged, and returns the size of its journal entry
   * (the store grows by about as much); a failure in judging is thrown as it was.
   */
  private int apply(Future<JudgedPart> judged, InboxState importing, InboxState.Tally tally) {
    JudgedPart part;
    try {
      part = judged.get();
    } catch (InterruptedException e) {
      throw interrupted(e);
    } catch (ExecutionException e) {
      throw asThrown(e.getCause());
    }
    entries.add(store.append(Journal.Type.IMPORT, part.journalEntry(), false));
    importing.applyImportPart(part, tally);
    return part.journalEntry().length;
  }

  /**
   * Stores nothing of an import that failed: the copy is deleted, and its journal entries are
   * marked ABORTED, then cut off the journal's end (a failure to cut them off is harmless), so a
   * failed million-row import leaves no hundreds of megabytes behind.
   */
  private void abort(Tables target) {
    try {
      target.close();
    } catch (RuntimeException ignored) {
      // It is deleted next; closing it may fail with the disk that failed the import.
    }
    try {
      StoreFiles.deleteStoreFiles(copy);
    } catch (RuntimeException ignored) {
      // Left over, it is deleted by the next open or import.
    }
    entries.forEach(ref -> store.markQuietly(ref, Journal.State.ABORTED));
    if (!entries.isEmpty()) {
      try {
        store.journal.truncateFrom(entries.get(0));
      } catch (IOException | RuntimeException e) {
        // They stay, marked ABORTED: never applied, dropped at the next compaction.
      }
    }
  }

  /**
   * Puts the committed copy in the store's place, in one rename: up to it a failure aborts the
   * import and leaves the store as it was; after it the import is done. The old file keeps its
   * bytes as {@code inbox.db.bak}: a second name for it, or a copy where the file system has no
   * links.
   */
  private void takeTheStoresPlace(Tables copied, Journal.Ref end) {
    Path bak = StoreFiles.safetyCopy(store.file);
    try {
      store.tables.close();
    } catch (RuntimeException ignored) {
      // Everything in it was committed; it is reopened or replaced next.
    }
    try {
      requireNoWriteAheadLog();
      Files.deleteIfExists(bak);
      try {
        Files.createLink(bak, store.file);
      } catch (UnsupportedOperationException | FileSystemException noLinks) {
        StoreFiles.copyAtomically(store.storeIo, store.file, bak);
      }
      Files.move(copy, store.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      abort(copied);
      reopen();
      throw InvitriageException.io(store.file + ": cannot put the imported store in place: " + describe(e), e);
    }
    Journal.syncDirectory(store.file.getParent());
    store.markQuietly(end, Journal.State.COMMITTED);
    reopen();
  }

  /**
   * Opens the store again on its file. Failing, the store takes no more changes and says so: the
   * next start opens it (and the import, when it took place, is in it).
   */
  private void reopen() {
    try {
      store.tables = Tables.open(store.file, false, store.storeIo.volumes());
      store.state = new InboxState(store.tables, store.classifier);
    } catch (RuntimeException e) {
      store.tables = null;
      store.markBroken();
    }
  }

  /**
   * MapDB empties its write-ahead log at every commit, so a closed store has none; one left would
   * be replayed into the copy at the next open, so the copy never takes the store's place then.
   */
  private void requireNoWriteAheadLog() throws IOException {
    if (!StoreFiles.writeAheadLogs(store.file).isEmpty()) {
      throw new IOException("MapDB left its write-ahead log behind");
    }
  }
}
