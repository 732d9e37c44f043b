package dev.invitriage.app;

import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.InboxRepository;
import dev.invitriage.domain.InvitriageException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A view's invitations read from the store on a second thread, some batches ahead of the one
 * consuming them: an export's two halves, decoding records and printing them, then take a core
 * each. A failure to read is thrown where the entries are taken, as it was.
 */
final class ReadAhead implements AutoCloseable {
  private static final int BATCH = 1024;
  private static final int BATCHES_AHEAD = 4;
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
  private final Thread reader;
  private Iterator<InboxEntry> batch = Collections.emptyIterator();
  private boolean ended;

  /** Starts reading {@code view}'s rows, in its order, from {@code inbox}. */
  ReadAhead(InboxView view, InboxRepository inbox) {
    reader = new Thread(() -> readAll(view, inbox), "export-read");
    reader.setDaemon(true);
    reader.start();
  }

  private void readAll(InboxView view, InboxRepository inbox) {
    try {
      try {
        for (int from = 0; from < view.size(); from += BATCH) {
          int to = Math.min(view.size(), from + BATCH);
          List<InboxEntry> entries = new ArrayList<>(to - from);
          for (int row = from; row < to; row++) {
            entries.add(inbox.entryAt(view.ordinal(row)));
          }
          queue.put(entries);
        }
        queue.put(END);
      } catch (RuntimeException | Error e) {
        queue.put(e);
      }
    } catch (InterruptedException closed) {
      // The consumer stopped early: nothing more to read.
    }
  }

  /** The next invitation, or null after the last. */
  InboxEntry next() {
    while (!batch.hasNext()) {
      if (ended) {
        return null;
      }
      Object taken;
      try {
        taken = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw InvitriageException.io("interrupted while reading the store", e);
      }
      if (taken == END) {
        ended = true;
        return null;
      }
      if (taken instanceof RuntimeException e) {
        throw e;
      }
      if (taken instanceof Error e) {
        throw e;
      }
      @SuppressWarnings("unchecked")
      List<InboxEntry> entries = (List<InboxEntry>) taken;
      batch = entries.iterator();
    }
    return batch.next();
  }

  @Override
  public void close() {
    reader.interrupt();
  }
}
