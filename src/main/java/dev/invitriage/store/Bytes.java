package dev.invitriage.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Minimal growable byte writer and matching reader with varints and length-prefixed UTF-8. */
final class Bytes {
  private Bytes() {}

  /**
   * Appends primitive values to a byte array. Not a {@code ByteArrayOutputStream}, whose every
   * write is synchronized: a lock taken for each byte of a varint, on every row an import encodes.
   */
  static final class Out {
    /** What {@link #reset} keeps: a buffer grown for a rare huge value is let go. */
    private static final int KEPT = 64 * 1024;

    private byte[] buf;
    private int count;

    Out() {
      this(256);
    }

    /** Room for {@code capacity} bytes before the first growth. */
    Out(int capacity) {
      buf = new byte[Math.max(16, capacity)];
    }

    /** Empty again, to write the next value into the same buffer. */
    Out reset() {
      count = 0;
      if (buf.length > KEPT) {
        buf = new byte[KEPT];
      }
      return this;
    }

    Out writeByte(int b) {
      makeRoom(1);
      buf[count++] = (byte) b;
      return this;
    }

    Out writeVarLong(long v) {
      // Zig-zag so small negative numbers (the -1 "unset" markers) stay one byte.
      long z = (v << 1) ^ (v >> 63);
      while ((z & ~0x7FL) != 0) {
        writeByte((int) ((z & 0x7F) | 0x80));
        z >>>= 7;
      }
      writeByte((int) z);
      return this;
    }

    Out writeLong(long v) {
      for (int i = 56; i >= 0; i -= 8) {
        writeByte((int) (v >>> i));
      }
      return this;
    }

    Out writeString(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      writeVarLong(b.length);
      return writeRaw(b);
    }

    Out writeBlob(byte[] b) {
      writeVarLong(b.length);
      return writeRaw(b);
    }

    /** The bytes as they are, without a length: what another Out already wrote. */
    Out writeRaw(byte[] b) {
      makeRoom(b.length);
      System.arraycopy(b, 0, buf, count, b.length);
      count += b.length;
      return this;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, count);
    }

    private void makeRoom(int bytes) {
      if (count + bytes > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(2 * buf.length, count + bytes));
      }
    }
  }

  /** Reads what {@link Out} wrote; throws {@link CorruptRecordException} on truncated input. */
  static final class In {
    private final byte[] buf;
    private int pos;

    In(byte[] buf) {
      this.buf = buf;
    }

    boolean atEnd() {
      return pos >= buf.length;
    }

    int readByte() {
      need(1);
      return buf[pos++] & 0xFF;
    }

    long readVarLong() {
      long z = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = readByte();
        z |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return (z >>> 1) ^ -(z & 1);
        }
      }
      throw new CorruptRecordException("varint too long");
    }

    int readVarInt() {
      long v = readVarLong();
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw new CorruptRecordException("number out of range");
      }
      return (int) v;
    }

    long readLong() {
      need(8);
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (buf[pos++] & 0xFF);
      }
      return v;
    }

    String readString() {
      int len = readLength();
      String s = new String(buf, pos, len, StandardCharsets.UTF_8);
      pos += len;
      return s;
    }

    /** Passes over a string, putting where its bytes start and end in {@code bounds[at]} on. */
    void skipString(int[] bounds, int at) {
      int len = readLength();
      bounds[at] = pos;
      pos += len;
      bounds[at + 1] = pos;
    }

    byte[] readBlob() {
      int len = readLength();
      byte[] b = Arrays.copyOfRange(buf, pos, pos + len);
      pos += len;
      return b;
    }

    private int readLength() {
      int len = readVarInt();
      if (len < 0) {
        throw new CorruptRecordException("negative length");
      }
      need(len);
      return len;
    }

    private void need(int n) {
      if (n > buf.length - pos) {
        throw new CorruptRecordException("record ends early");
      }
    }
  }

  /** A stored record could not be decoded: the file was damaged or is not ours. */
  static final class CorruptRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CorruptRecordException(String message) {
      super(message);
    }
  }
}
