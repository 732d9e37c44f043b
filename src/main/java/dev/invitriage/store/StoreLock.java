package dev.invitriage.store;

import dev.invitriage.domain.InvitriageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps other invitriage processes away from a store. The operating system releases the lock when
 * the process dies, however it dies, so a killed process never blocks the next start.
 */
final class StoreLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private StoreLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock beside {@code storeFile} or fails at once with the "in use" error. */
  static StoreLock acquire(Path storeFile) {
    Path lockFile = storeFile.resolveSibling(storeFile.getFileName() + ".lock");
    FileChannel ch;
    try {
      ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw InvitriageException.io(lockFile + ": cannot create lock file: " + StoreFailures.describe(e), e);
    }
    try {
      FileLock lock = ch.tryLock();
      if (lock != null) {
        return new StoreLock(ch, lock);
      }
    } catch (OverlappingFileLockException sameProcess) {
      // Another open store in this JVM holds it: just as busy.
    } catch (IOException e) {
      closeQuietly(ch);
      throw InvitriageException.io(lockFile + ": cannot lock: " + StoreFailures.describe(e), e);
    }
    closeQuietly(ch);
    throw new InvitriageException(
        InvitriageException.Kind.IN_USE, storeFile + " is in use by another invitriage process");
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // Closing the channel below releases it anyway.
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // Nothing useful to do: the OS drops the lock with the descriptor or the process.
    }
  }
}
