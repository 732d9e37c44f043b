package dev.invitriage.app;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Reads items on a thread of its own, a few batches ahead of the thread that uses them, in their
 * order: an export of every row reads the store on one core while it prints on the other.
 */
final class ReadAhead {
  static final int BATCH = 256;
  static final int BATCHES_AHEAD = 8;
  /** How often a reader waiting for room looks whether the user of its batches has stopped. */
  private static final long WAIT_MS = 50;

  private ReadAhead() {}

  /** The end of the items, or what reading one threw. */
  private record End(Throwable failure) {}

  /**
   * Gives {@code use} each of {@code read(0)} to {@code read(count - 1)} in turn, on this thread,
   * as another reads them. What {@code read} throws is thrown here, after the items before it
   * were used; when {@code use} throws, the reader stops. {@code read} is called on one thread
   * only, so it needs no more care than when called here.
   */
  static <T> void forEach(int count, IntFunction<T> read, Consumer<? super T> use) {
    BlockingQueue<Object> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    AtomicBoolean stopped = new AtomicBoolean();
    Thread reader = new Thread(() -> readAll(count, read, batches, stopped), "read-ahead");
    reader.setDaemon(true); // never keeps a command from ending
    reader.start();
    try {
      while (true) {
        Object next = batches.take();
        if (next instanceof End end) {
          rethrow(end.failure());
          return;
        }
        @SuppressWarnings("unchecked")
        T[] batch = (T[]) next;
        for (T item : batch) {
          use.accept(item);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading", e);
    } finally {
      // Not interrupted: a thread interrupted in a read of the store's file closes it for all.
      stopped.set(true);
    }
  }

  private static <T> void readAll(
      int count, IntFunction<T> read, BlockingQueue<Object> batches, AtomicBoolean stopped) {
    for (int from = 0; from < count && !stopped.get(); from += BATCH) {
      Object[] batch = new Object[Math.min(BATCH, count - from)];
      int n = 0;
      try {
        for (; n < batch.length; n++) {
          batch[n] = read.apply(from + n);
        }
      } catch (RuntimeException | Error e) {
        if (put(batches, Arrays.copyOf(batch, n), stopped)) { // the items before it first
          put(batches, new End(e), stopped);
        }
        return;
      }
      if (!put(batches, batch, stopped)) {
        return;
      }
    }
    put(batches, new End(null), stopped);
  }

  /** Hands on a batch; false when the user has stopped taking them. */
  private static boolean put(BlockingQueue<Object> batches, Object batch, AtomicBoolean stopped) {
    try {
      while (!batches.offer(batch, WAIT_MS, TimeUnit.MILLISECONDS)) {
        if (stopped.get()) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  private static void rethrow(Throwable failure) {
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
  }
}
