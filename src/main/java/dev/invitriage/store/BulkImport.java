package dev.invitriage.store;

import dev.invitriage.domain.ImportProducer;
import dev.invitriage.domain.ImportResult;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.domain.MessageClassifier;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * An import into an open store: every part journalled and applied as the producer hands it over,
 * then one IMPORT_END entry and one commit complete it; any failure before that stores nothing.
 *
 * <p>Parts are judged (verdict, reason, template key, id) and encoded for the journal, all pure and
 * half an import's work, on a second core while this thread reads the next part and journals and
 * stores the one before.
 */
final class BulkImport {
  /** Parts judged ahead of the one being stored: enough to keep the second core busy. */
  private static final int PARTS_AHEAD = 2;

  private final DurableStore store;
  private final List<Journal.Ref> parts = new ArrayList<>();
  private final InboxState.Tally tally;

  private BulkImport(DurableStore store) {
    this.store = store;
    this.tally = store.state.startImport();
  }

  /** Imports what {@code producer} reads into {@code store}, keeping a safety copy first. */
  static ImportResult run(DurableStore store, ImportProducer producer) {
    store.requireWhole();
    StoreCopies.keepSafetyCopy(store, "importing");
    return new BulkImport(store).importAll(producer);
  }

  private ImportResult importAll(ImportProducer producer) {
    List<String> sources;
    ExecutorService judge = Executors.newSingleThreadExecutor(runnable -> {
      Thread t = new Thread(runnable, "import-judge");
      t.setDaemon(true);
      return t;
    });
    ArrayDeque<Future<InboxState.JudgedPart>> ahead = new ArrayDeque<>();
    MessageClassifier judging = store.state.classifier();
    try {
      sources = producer.produce(part -> {
        ahead.add(judge.submit(() -> InboxState.JudgedPart.forJournal(part, judging)));
        while (ahead.size() > PARTS_AHEAD) {
          store(ahead.poll());
        }
      });
      while (!ahead.isEmpty()) {
        store(ahead.poll());
      }
    } catch (RuntimeException e) {
      store.abort(parts);
      dropAbortedParts();
      throw store.asStoreError(e);
    } finally {
      judge.shutdownNow();
    }
    long first = parts.isEmpty() ? store.journal.lastSeq() + 1 : parts.get(0).seq();
    Journal.Ref end;
    try {
      end = store.append(Journal.Type.IMPORT_END, new Bytes.Out().writeVarLong(first).toByteArray(), false);
    } catch (RuntimeException e) {
      store.abort(parts);
      throw e;
    }
    store.commitBracketed(end);
    return new ImportResult(tally.fresh + tally.known, tally.fresh, tally.connectionsRead, sources);
  }

  /** Journals, then applies, a part once it is judged; a failure in judging is thrown as it was. */
  private void store(Future<InboxState.JudgedPart> judged) {
    InboxState.JudgedPart part;
    try {
      part = judged.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw InvitriageException.io("import interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
    parts.add(store.append(Journal.Type.IMPORT, part.journalEntry(), false));
    store.state.applyImportPart(part, tally);
  }

  /**
   * Removes an aborted import's parts from the journal's end (they are marked ABORTED first, so
   * a failure to cut them off is harmless): a failed million-row import must not leave hundreds
   * of megabytes of journal behind.
   */
  private void dropAbortedParts() {
    if (parts.isEmpty() || store.broken()) {
      return;
    }
    try {
      store.journal.truncateFrom(parts.get(0));
    } catch (IOException | RuntimeException e) {
      // They stay, marked ABORTED: never applied, dropped at the next compaction.
    }
  }
}
