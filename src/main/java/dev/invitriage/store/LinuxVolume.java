package dev.invitriage.store;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import org.mapdb.DBException;
import org.mapdb.DataInput2;
import org.mapdb.volume.Volume;
import org.mapdb.volume.VolumeFactory;

/**
 * A writable memory-mapped MapDB volume as the store uses it on Linux: written through the
 * mapping as MapDB writes it, but for values of a page or more, written to the file; synced with
 * one {@code fdatasync}; and, for a process that keeps the store open, read by copying from the
 * file rather than through the mapping.
 *
 * <p>Sync: MapDB's {@code MappedFileVol.sync()} forces every slice of the file, so a commit of one
 * decision on a 360 MB store made 364 {@code msync(MS_SYNC)} calls, 70–220 ms here, almost all of
 * it syncing pages nobody had written. On Linux that is exactly {@code fdatasync} cut into pieces:
 * {@code msync(MS_SYNC)} on a shared file mapping calls {@code vfs_fsync_range(file, start, end,
 * 1)} for the range (mm/msync.c), and {@code fdatasync} calls {@code vfs_fsync_range(file, 0,
 * LLONG_MAX, 1)} (fs/sync.c): the same call over the whole file, through the same page cache that
 * the mapping writes into. So one {@code fdatasync} makes durable everything the slice-by-slice
 * {@code msync}s did, at the point MapDB asks for it, and MapDB's commit order is unchanged.
 *
 * <p>Written values: MapDB grows its file before it writes there, and every page first written
 * through a mapping costs a page fault, dear on a virtual machine: a 1M import made 101,000 of
 * them, half a second of the storing thread's CPU in the kernel. A positional write ({@code
 * pwrite}) of a value of a page or more puts it in the same page cache with one call: 24,000
 * faults, the 1M import 11.4 -> 10.9 s (CPU 18.1 -> 17.2 s, interleaved), 100k the same. A value
 * written so is read through the mapping as written (one page cache on Linux) and made durable by
 * the same {@code fdatasync}; on a full disk the write fails with an I/O error where a mapping
 * would have raised SIGBUS.
 *
 * <p>Copied reads: every page a process reads through a mapping stays in its resident memory,
 * with the neighbours the kernel maps around each fault (up to 64 KB). The full-screen inbox on a
 * million invitations reads records, B-tree nodes and id buckets here and there in a 372 MB file,
 * and kept 43 MB of it mapped, a fifth of its peak (`make bench`'s keys: 674 distinct 64 KB
 * regions, nearly half from the id buckets of the rows shown, a quarter from the search filters).
 * MapDB copies every record it reads into the heap anyway; copying it with a positional read
 * ({@code pread}) from the same page cache costs a call instead of a fault, leaves nothing mapped,
 * and sees every write made through the mapping (one page cache). Short commands keep mapped
 * reads: a cold {@code stats} on the 1M store took 16 ms longer with copies (medians of 9). The
 * index table's 8-byte reads stay mapped: they touched 2 regions. As with the sync, a thread
 * interrupted inside a read or a write closes the channel ({@code FileChannel}'s rule) and every
 * later read, write and sync of the volume fails as an I/O error, which the store reports and its
 * journal survives; nothing in invitriage interrupts a thread that reads or writes the store.
 *
 * <p>Only used on Linux (see {@link StoreIo}); elsewhere the mapped volume is MapDB's own.
 */
final class LinuxVolume extends Volume {
  /**
   * Values of this many bytes or more are written to the file, not through the mapping (see
   * above): a page. With 16 KB, the 1M import still made 40,000 page faults; smaller values would
   * cost a call where a fault may not be due.
   */
  static final int WRITTEN_NOT_MAPPED = 4096;

  private final Volume mapped;
  private final FileChannel channel;
  private final boolean copyReads;

  private LinuxVolume(Volume mapped, FileChannel channel, boolean copyReads) {
    this.mapped = mapped;
    this.channel = channel;
    this.copyReads = copyReads;
  }

  /**
   * Makes volumes with {@code mapped} and gives each writable one an fsync of its whole file and,
   * with {@code copyReads}, reads copied from the file.
   */
  static VolumeFactory factory(VolumeFactory mapped, boolean copyReads) {
    return new VolumeFactory() {
      @Override
      public Volume makeVolume(String file, boolean readOnly, long fileLockWait, int sliceShift, long initSize, boolean fixedSize) {
        Volume v = mapped.makeVolume(file, readOnly, fileLockWait, sliceShift, initSize, fixedSize);
        if (readOnly || v.getFile() == null) {
          return v;
        }
        try {
          // The mapped volume created the file: this channel syncs, reads and writes large values.
          FileChannel channel =
              FileChannel.open(v.getFile().toPath(), StandardOpenOption.READ, StandardOpenOption.WRITE);
          return new LinuxVolume(v, channel, copyReads);
        } catch (IOException e) {
          v.close();
          throw new DBException.VolumeIOError(e);
        }
      }

      @Override
      public boolean exists(String file) {
        return mapped.exists(file);
      }

      @Override
      public boolean handlesReadonly() {
        return mapped.handlesReadonly();
      }
    };
  }

  @Override
  public void sync() {
    try {
      // false: fdatasync, as msync(MS_SYNC) is (datasync = 1); the file's size is data here.
      channel.force(false);
    } catch (IOException e) {
      throw new DBException.VolumeIOError(e);
    }
  }

  @Override
  public void close() {
    closed.set(true);
    try {
      mapped.close();
    } finally {
      try {
        channel.close();
      } catch (IOException ignored) {
        // A channel that only syncs and reads holds nothing to lose.
      }
    }
  }

  // ---------------------------------------------------------------- the mapped volume's own

  @Override
  public void ensureAvailable(long offset) {
    mapped.ensureAvailable(offset);
  }

  @Override
  public void truncate(long size) {
    mapped.truncate(size);
  }

  @Override
  public void putLong(long offset, long value) {
    mapped.putLong(offset, value);
  }

  @Override
  public void putInt(long offset, int value) {
    mapped.putInt(offset, value);
  }

  @Override
  public void putByte(long offset, byte value) {
    mapped.putByte(offset, value);
  }

  @Override
  public void putData(long offset, byte[] src, int srcPos, int srcSize) {
    if (srcSize < WRITTEN_NOT_MAPPED) {
      mapped.putData(offset, src, srcPos, srcSize);
    } else {
      write(offset, ByteBuffer.wrap(src, srcPos, srcSize));
    }
  }

  @Override
  public void putData(long offset, ByteBuffer buf) {
    mapped.putData(offset, buf);
  }

  @Override
  public void putDataOverlap(long offset, byte[] src, int srcPos, int srcSize) {
    mapped.putDataOverlap(offset, src, srcPos, srcSize);
  }

  @Override
  public void putUnsignedShort(long offset, int value) {
    mapped.putUnsignedShort(offset, value);
  }

  @Override
  public void putUnsignedByte(long offset, int b) {
    mapped.putUnsignedByte(offset, b);
  }

  @Override
  public void putSixLong(long pos, long value) {
    mapped.putSixLong(pos, value);
  }

  @Override
  public int putPackedLong(long pos, long value) {
    return mapped.putPackedLong(pos, value);
  }

  @Override
  public void clear(long startOffset, long endOffset) {
    mapped.clear(startOffset, endOffset);
  }

  /** Writes {@code buf} from its position to its limit into the file at {@code offset}. */
  private void write(long offset, ByteBuffer buf) {
    long at = offset;
    try {
      while (buf.hasRemaining()) {
        at += channel.write(buf, at);
      }
    } catch (IOException e) {
      throw new DBException.VolumeIOError(e);
    }
  }

  @Override
  public void clearOverlap(long startOffset, long endOffset) {
    mapped.clearOverlap(startOffset, endOffset);
  }

  @Override
  public void copyFrom(InputStream input) {
    mapped.copyFrom(input);
  }

  @Override
  public long getLong(long offset) {
    return mapped.getLong(offset);
  }

  @Override
  public int getInt(long offset) {
    return mapped.getInt(offset);
  }

  @Override
  public byte getByte(long offset) {
    return mapped.getByte(offset);
  }

  @Override
  public DataInput2 getDataInput(long offset, int size) {
    return copyReads ? copied(offset, size) : mapped.getDataInput(offset, size);
  }

  @Override
  public DataInput2 getDataInputOverlap(long offset, int size) {
    return copyReads ? copied(offset, size) : mapped.getDataInputOverlap(offset, size);
  }

  @Override
  public void getData(long offset, byte[] bytes, int bytesPos, int size) {
    if (copyReads) {
      read(offset, ByteBuffer.wrap(bytes, bytesPos, size));
    } else {
      mapped.getData(offset, bytes, bytesPos, size);
    }
  }

  private DataInput2 copied(long offset, int size) {
    ByteBuffer buf = ByteBuffer.allocate(size);
    read(offset, buf);
    return new DataInput2.ByteBuffer(buf, 0);
  }

  /** Fills {@code buf} from its position to its limit with the file's bytes from {@code offset}. */
  private void read(long offset, ByteBuffer buf) {
    long at = offset;
    try {
      while (buf.hasRemaining()) {
        int n = channel.read(buf, at);
        if (n < 0) {
          // Where the mapping would have read a slice never allocated: the store is damaged.
          throw new DBException.VolumeEOF("read past the end of " + mapped.getFile() + " at " + at);
        }
        at += n;
      }
    } catch (IOException e) {
      throw new DBException.VolumeIOError(e);
    }
  }

  @Override
  public int getUnsignedShort(long offset) {
    return mapped.getUnsignedShort(offset);
  }

  @Override
  public int getUnsignedByte(long offset) {
    return mapped.getUnsignedByte(offset);
  }

  @Override
  public long getSixLong(long pos) {
    return mapped.getSixLong(pos);
  }

  @Override
  public long getPackedLong(long position) {
    return mapped.getPackedLong(position);
  }

  @Override
  public void copyTo(long inputOffset, Volume target, long targetOffset, long size) {
    mapped.copyTo(inputOffset, target, targetOffset, size);
  }

  @Override
  public void copyTo(Volume to) {
    mapped.copyTo(to);
  }

  @Override
  public void copyTo(OutputStream output) {
    mapped.copyTo(output);
  }

  @Override
  public long hash(long off, long len, long seed) {
    return mapped.hash(off, len, seed);
  }

  @Override
  public boolean fileLoad() {
    return mapped.fileLoad();
  }

  @Override
  public boolean isClosed() {
    return mapped.isClosed();
  }

  @Override
  public void deleteFile() {
    mapped.deleteFile();
  }

  @Override
  public int sliceSize() {
    return mapped.sliceSize();
  }

  @Override
  public boolean isSliced() {
    return mapped.isSliced();
  }

  @Override
  public long length() {
    return mapped.length();
  }

  @Override
  public boolean isReadOnly() {
    return mapped.isReadOnly();
  }

  @Override
  public File getFile() {
    return mapped.getFile();
  }

  @Override
  public boolean getFileLocked() {
    return mapped.getFileLocked();
  }
}
