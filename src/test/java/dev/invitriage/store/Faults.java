package dev.invitriage.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.function.Supplier;
import org.mapdb.DBException;
import org.mapdb.volume.Volume;
import org.mapdb.volume.VolumeFactory;

/**
 * A disk that fails once, on purpose: the Nth operation of one kind (write, sync or read), counted
 * across every file of a store (MapDB's file and write-ahead logs, the journal, the safety copy),
 * throws as a failing disk would: {@link DBException.VolumeIOError} from MapDB's volumes, {@link
 * IOException} from file channels. Later operations succeed. With N = 0 it only counts.
 */
final class Faults {
  /** What kind of operation fails. */
  enum Kind {
    /** Every put, clear, file growth or truncation of a volume; every write of a channel. */
    WRITE,
    /** {@code Volume.sync()} and {@code FileChannel.force()}. */
    SYNC,
    /** Every get of a volume; every read of a channel. */
    READ
  }

  private final Kind kind;
  private final long failAt;
  /** What a volume throws instead of a failing disk's error, or null. */
  private final Supplier<Error> error;
  private long count;
  private String fired;

  private Faults(Kind kind, long failAt, Supplier<Error> error) {
    this.kind = kind;
    this.failAt = failAt;
    this.error = error;
  }

  /** Fails the {@code n}th operation of {@code kind} (1-based). */
  static Faults failing(Kind kind, long n) {
    return new Faults(kind, n, null);
  }

  /**
   * Makes the {@code n}th operation of {@code kind} on a MapDB volume throw {@code error}, as
   * MapDB does where a damaged file makes it fail (an assertion, an array larger than the heap).
   */
  static Faults throwing(Kind kind, long n, Supplier<Error> error) {
    return new Faults(kind, n, error);
  }

  /** Fails nothing; counts operations of {@code kind}. */
  static Faults counting(Kind kind) {
    return new Faults(kind, 0, null);
  }

  /** The store's real files, reached through these faults. */
  StoreIo io() {
    VolumeFactory real = StoreIo.REAL.volumes();
    VolumeFactory volumes = new VolumeFactory() {
      @Override
      public Volume makeVolume(String file, boolean readOnly, long fileLockWait, int sliceShift, long initSize, boolean fixedSize) {
        return new FaultyVolume(real.makeVolume(file, readOnly, fileLockWait, sliceShift, initSize, fixedSize), Faults.this);
      }

      @Override
      public boolean exists(String file) {
        return real.exists(file);
      }

      @Override
      public boolean handlesReadonly() {
        return real.handlesReadonly();
      }
    };
    return new StoreIo(volumes, (path, options) -> new FaultyChannel(FileChannel.open(path, options), this));
  }

  /** Operations of the counted kind seen so far. */
  synchronized long count() {
    return count;
  }

  /** Where the fault struck, or null when it has not (yet). */
  synchronized String fired() {
    return fired;
  }

  /** Counts one operation; throws the injected error when it is the chosen one. */
  synchronized void volume(Kind k, String what) {
    if (due(k, what)) {
      if (error != null) {
        throw error.get();
      }
      throw new DBException.VolumeIOError(new IOException(message()));
    }
  }

  /** Counts one channel operation; throws the injected error when it is the chosen one. */
  synchronized void channel(Kind k, String what) throws IOException {
    if (due(k, what)) {
      throw new IOException(message());
    }
  }

  private boolean due(Kind k, String what) {
    if (k != kind) {
      return false;
    }
    count++;
    if (count == failAt) {
      fired = what;
      return true;
    }
    return false;
  }

  private String message() {
    return "injected " + kind.name().toLowerCase(java.util.Locale.ROOT) + " error #" + failAt;
  }
}
