package dev.invitriage.store;

import static dev.invitriage.store.Faults.Kind.READ;
import static dev.invitriage.store.Faults.Kind.SYNC;
import static dev.invitriage.store.Faults.Kind.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file channel that does what the real one does, unless {@link Faults} says this call fails. A
 * transfer between two of them is one read and one write, whatever the JDK cuts it into.
 */
final class FaultyChannel extends FileChannel {
  private final FileChannel real;
  private final Faults faults;

  FaultyChannel(FileChannel real, Faults faults) {
    this.real = real;
    this.faults = faults;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    faults.channel(READ, "channel read");
    return real.read(dst);
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
    faults.channel(READ, "channel read");
    return real.read(dsts, offset, length);
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    faults.channel(READ, "channel read");
    return real.read(dst, position);
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    faults.channel(WRITE, "channel write");
    return real.write(src);
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
    faults.channel(WRITE, "channel write");
    return real.write(srcs, offset, length);
  }

  @Override
  public int write(ByteBuffer src, long position) throws IOException {
    faults.channel(WRITE, "channel write");
    return real.write(src, position);
  }

  @Override
  public void force(boolean metaData) throws IOException {
    faults.channel(SYNC, "channel force");
    real.force(metaData);
  }

  @Override
  public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
    faults.channel(READ, "channel transferTo");
    if (target instanceof FaultyChannel t) {
      faults.channel(WRITE, "channel transferTo");
      return real.transferTo(position, count, t.real);
    }
    return real.transferTo(position, count, target);
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
    faults.channel(WRITE, "channel transferFrom");
    return real.transferFrom(src instanceof FaultyChannel s ? s.real : src, position, count);
  }

  @Override
  public long position() throws IOException {
    return real.position();
  }

  @Override
  public FileChannel position(long newPosition) throws IOException {
    real.position(newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    return real.size();
  }

  @Override
  public FileChannel truncate(long size) throws IOException {
    real.truncate(size);
    return this;
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
    return real.map(mode, position, size);
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) throws IOException {
    return real.lock(position, size, shared);
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) throws IOException {
    return real.tryLock(position, size, shared);
  }

  @Override
  protected void implCloseChannel() throws IOException {
    real.close();
  }
}
