package dev.invitriage.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Has the kernel write a large import's files to disk while the import goes on, so that the syncs
 * that confirm it find little left to write: the kernel keeps what is written in memory until a
 * tenth of it is dirty, and at the end of a 1M import those syncs waited 0.38 s (the store) and
 * 0.24 s (the journal) for the 650 MB it had kept.
 *
 * <p>Each file is synced through a descriptor of its own, never the one the import writes and
 * syncs with: Linux reports a failure of its writing once to each open descriptor, so the import's
 * own syncs still see any and fail. Here failures are ignored for that reason.
 */
final class Writeback implements AutoCloseable {
  /** Bytes written between two syncs. */
  static final long EVERY_BYTES = 64L << 20;

  private final StoreIo.ChannelOpener files;
  private final List<Path> paths;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
    Thread t = new Thread(runnable, "import-writeback");
    t.setDaemon(true); // never keeps a command from ending
    return t;
  });
  private long unsynced;
  private Future<?> running;

  Writeback(StoreIo.ChannelOpener files, List<Path> paths) {
    this.files = files;
    this.paths = List.copyOf(paths);
  }

  /** Counts {@code bytes} more written to the files; syncs them all when enough were. */
  void written(long bytes) {
    unsynced += bytes;
    if (unsynced >= EVERY_BYTES && (running == null || running.isDone())) {
      unsynced = 0;
      running = thread.submit(this::syncAll);
    }
  }

  private void syncAll() {
    for (Path path : paths) {
      try (FileChannel channel = files.open(path, StandardOpenOption.READ)) {
        channel.force(false);
      } catch (IOException ignored) {
        // The import's own sync of the file reports it (see above).
      }
    }
  }

  /**
   * Waits for a sync under way, which the import's own syncs would wait for anyway, and starts no
   * other.
   */
  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
