package dev.invitriage.store;

import static dev.invitriage.store.Faults.Kind.READ;
import static dev.invitriage.store.Faults.Kind.SYNC;
import static dev.invitriage.store.Faults.Kind.WRITE;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.mapdb.DataInput2;
import org.mapdb.volume.Volume;

/** A MapDB volume that does what the real one does, unless {@link Faults} says this call fails. */
final class FaultyVolume extends Volume {
  private final Volume real;
  private final Faults faults;
  private final String name;

  FaultyVolume(Volume real, Faults faults) {
    this.real = real;
    this.faults = faults;
    this.name = real.getFile() == null ? "volume" : real.getFile().getName();
  }

  private void write(String op) {
    faults.volume(WRITE, name + " " + op);
  }

  private void read(String op) {
    faults.volume(READ, name + " " + op);
  }

  // ---------------------------------------------------------------- writes

  @Override
  public void ensureAvailable(long offset) {
    write("ensureAvailable");
    real.ensureAvailable(offset);
  }

  @Override
  public void truncate(long size) {
    write("truncate");
    real.truncate(size);
  }

  @Override
  public void putLong(long offset, long value) {
    write("putLong");
    real.putLong(offset, value);
  }

  @Override
  public void putInt(long offset, int value) {
    write("putInt");
    real.putInt(offset, value);
  }

  @Override
  public void putByte(long offset, byte value) {
    write("putByte");
    real.putByte(offset, value);
  }

  @Override
  public void putData(long offset, byte[] src, int srcPos, int srcSize) {
    write("putData");
    real.putData(offset, src, srcPos, srcSize);
  }

  @Override
  public void putData(long offset, ByteBuffer buf) {
    write("putData");
    real.putData(offset, buf);
  }

  @Override
  public void putDataOverlap(long offset, byte[] src, int srcPos, int srcSize) {
    write("putDataOverlap");
    real.putDataOverlap(offset, src, srcPos, srcSize);
  }

  @Override
  public void putUnsignedShort(long offset, int value) {
    write("putUnsignedShort");
    real.putUnsignedShort(offset, value);
  }

  @Override
  public void putUnsignedByte(long offset, int b) {
    write("putUnsignedByte");
    real.putUnsignedByte(offset, b);
  }

  @Override
  public void putSixLong(long pos, long value) {
    write("putSixLong");
    real.putSixLong(pos, value);
  }

  @Override
  public int putPackedLong(long pos, long value) {
    write("putPackedLong");
    return real.putPackedLong(pos, value);
  }

  @Override
  public void clear(long startOffset, long endOffset) {
    write("clear");
    real.clear(startOffset, endOffset);
  }

  @Override
  public void clearOverlap(long startOffset, long endOffset) {
    write("clearOverlap");
    real.clearOverlap(startOffset, endOffset);
  }

  @Override
  public void copyFrom(InputStream input) {
    write("copyFrom");
    real.copyFrom(input);
  }

  // ---------------------------------------------------------------- syncs

  @Override
  public void sync() {
    faults.volume(SYNC, name + " sync");
    real.sync();
  }

  // ---------------------------------------------------------------- reads

  @Override
  public long getLong(long offset) {
    read("getLong");
    return real.getLong(offset);
  }

  @Override
  public int getInt(long offset) {
    read("getInt");
    return real.getInt(offset);
  }

  @Override
  public byte getByte(long offset) {
    read("getByte");
    return real.getByte(offset);
  }

  @Override
  public DataInput2 getDataInput(long offset, int size) {
    read("getDataInput");
    return real.getDataInput(offset, size);
  }

  @Override
  public DataInput2 getDataInputOverlap(long offset, int size) {
    read("getDataInputOverlap");
    return real.getDataInputOverlap(offset, size);
  }

  @Override
  public void getData(long offset, byte[] bytes, int bytesPos, int size) {
    read("getData");
    real.getData(offset, bytes, bytesPos, size);
  }

  @Override
  public int getUnsignedShort(long offset) {
    read("getUnsignedShort");
    return real.getUnsignedShort(offset);
  }

  @Override
  public int getUnsignedByte(long offset) {
    read("getUnsignedByte");
    return real.getUnsignedByte(offset);
  }

  @Override
  public long getSixLong(long pos) {
    read("getSixLong");
    return real.getSixLong(pos);
  }

  @Override
  public long getPackedLong(long position) {
    read("getPackedLong");
    return real.getPackedLong(position);
  }

  @Override
  public void copyTo(long inputOffset, Volume target, long targetOffset, long size) {
    read("copyTo");
    real.copyTo(inputOffset, target, targetOffset, size);
  }

  @Override
  public void copyTo(Volume to) {
    read("copyTo");
    real.copyTo(to);
  }

  @Override
  public void copyTo(OutputStream output) {
    read("copyTo");
    real.copyTo(output);
  }

  @Override
  public long hash(long off, long len, long seed) {
    read("hash");
    return real.hash(off, len, seed);
  }

  @Override
  public boolean fileLoad() {
    read("fileLoad");
    return real.fileLoad();
  }

  // ---------------------------------------------------------------- neither: passed through

  @Override
  public void close() {
    closed.set(true);
    real.close();
  }

  @Override
  public boolean isClosed() {
    return real.isClosed();
  }

  @Override
  public void deleteFile() {
    real.deleteFile();
  }

  @Override
  public int sliceSize() {
    return real.sliceSize();
  }

  @Override
  public boolean isSliced() {
    return real.isSliced();
  }

  @Override
  public long length() {
    return real.length();
  }

  @Override
  public boolean isReadOnly() {
    return real.isReadOnly();
  }

  @Override
  public File getFile() {
    return real.getFile();
  }

  @Override
  public boolean getFileLocked() {
    return real.getFileLocked();
  }
}
