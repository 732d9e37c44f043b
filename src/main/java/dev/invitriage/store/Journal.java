package dev.invitriage.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The store's append-only journal, the source of truth that MapDB 3.1.0 cannot be (its own
 * write-ahead log is never replayed, so a kill inside {@code commit()} can ruin the file).
 *
 * <p>How it works. The file starts with a header naming the <em>base sequence number</em>: the
 * state up to it is given by the snapshot entries (sequence 0) that follow the header. After them,
 * every change is one entry with the next sequence number, appended and synced <em>before</em>
 * MapDB applies it. Each entry carries a one-byte commit state that is overwritten in place (no
 * new disk space is needed, so it works on a full disk): NONE when appended, COMMITTING just
 * before MapDB's commit starts, COMMITTED after it returned, ABORTED when the change failed and
 * must never be applied, DOUBT when MapDB's commit itself failed. On open the states tell whether
 * MapDB holds the entry, lacks it, or may be damaged (see {@link DurableStore}).
 *
 * <p>Entry layout: {@code int payloadLength, int crc32c(seq, type, payload), long seq, byte type,
 * byte state, payload}. A torn entry at the end (a kill during append) fails its length or
 * checksum and is cut off; it was never confirmed to anybody.
 */
final class Journal implements Closeable {
  private static final long MAGIC = 0x494E564A524E4C01L; // "INVJRNL" + format 1
  private static final int HEADER_SIZE = 8 + 8 + 4;
  private static final int ENTRY_HEADER_SIZE = 4 + 4 + 8 + 1 + 1;
  private static final int STATE_OFFSET = 4 + 4 + 8 + 1;
  /** Larger entries are refused on read: nothing we write comes near, so it means damage. */
  private static final int MAX_PAYLOAD = Integer.MAX_VALUE - 64;

  /** What an entry holds. */
  enum Type {
    /** One part of an import; applied only once its IMPORT_END is journaled. */
    IMPORT,
    CHANGE,
    UNDO,
    REDO,
    /** Snapshot only: decisions, notes, clients and undo history at the base sequence. */
    STATE,
    /** Completes an import; its payload is the sequence number of the import's first part. */
    IMPORT_END,
    /** Brackets a MapDB commit of derived data (no change of its own), so a kill inside it is seen. */
    MAINTENANCE;

    static Type of(int b) {
      Type[] all = values();
      if (b < 1 || b > all.length) {
        throw new Bytes.CorruptRecordException("unknown journal entry type " + b);
      }
      return all[b - 1];
    }

    int code() {
      return ordinal() + 1;
    }
  }

  /** Whether MapDB has applied an entry, as far as the journal knows. */
  enum State {
    NONE,
    COMMITTING,
    COMMITTED,
    ABORTED,
    DOUBT;

    static State of(int b) {
      State[] all = values();
      return b >= 0 && b < all.length ? all[b] : DOUBT;
    }
  }

  /** Where an entry sits in the file; its payload is read only when needed. */
  record Ref(long seq, Type type, State state, long offset, int payloadLength) {}

  /** An entry's payload, checksum verified. */
  record Entry(long seq, Type type, State state, byte[] payload) {}

  private final Path path;
  private final FileChannel channel;
  private final long baseSeq;
  private final List<Ref> refs;
  private long end;
  private final boolean truncatedTail;

  private Journal(Path path, FileChannel channel, long baseSeq, List<Ref> refs, long end, boolean truncatedTail) {
    this.path = path;
    this.channel = channel;
    this.baseSeq = baseSeq;
    this.refs = refs;
    this.end = end;
    this.truncatedTail = truncatedTail;
  }

  /** Creates an empty journal whose state before any entry is the empty inbox. */
  static Journal create(StoreIo.ChannelOpener files, Path path) throws IOException {
    writeFile(files, path, 0, List.of());
    return open(files, path);
  }

  /** {@link #open(StoreIo.ChannelOpener, Path)} on the real file. */
  static Journal open(Path path) throws IOException {
    return open(StoreIo.REAL.channels(), path);
  }

  /**
   * Opens a journal and indexes its entries. A torn last entry (a kill during append) is cut off;
   * damage anywhere else is reported as {@link Bytes.CorruptRecordException}.
   */
  static Journal open(StoreIo.ChannelOpener files, Path path) throws IOException {
    FileChannel ch = files.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      long size = ch.size();
      ByteBuffer head = ByteBuffer.allocate(HEADER_SIZE);
      readFully(ch, head, 0);
      head.flip();
      long magic = head.getLong();
      long base = head.getLong();
      int crc = head.getInt();
      if (magic != MAGIC || crc != crc(base)) {
        throw new Bytes.CorruptRecordException("not an invitriage journal, or its header is damaged");
      }
      List<Ref> refs = new ArrayList<>();
      long pos = HEADER_SIZE;
      boolean torn = false;
      // Direct: a read into a heap buffer goes through a temporary direct one, a third of the
      // time of reading the 4,000 headers of a million-invitation journal.
      ByteBuffer eh = ByteBuffer.allocateDirect(ENTRY_HEADER_SIZE);
      while (pos < size) {
        if (size - pos < ENTRY_HEADER_SIZE) {
          torn = true;
          break;
        }
        eh.clear();
        readFully(ch, eh, pos);
        eh.flip();
        int len = eh.getInt();
        eh.getInt();
        long seq = eh.getLong();
        int type = eh.get();
        int state = eh.get();
        if (len < 0 || len > MAX_PAYLOAD || size - pos - ENTRY_HEADER_SIZE < len || type < 1 || type > Type.values().length) {
          torn = true;
          break;
        }
        refs.add(new Ref(seq, Type.of(type), State.of(state), pos, len));
        pos += ENTRY_HEADER_SIZE + len;
      }
      Journal j = new Journal(path, ch, base, refs, pos, torn);
      // A torn or unchecked last entry was never confirmed: verify it and cut it off if broken.
      if (!refs.isEmpty()) {
        Ref last = refs.get(refs.size() - 1);
        try {
          j.read(last);
        } catch (Bytes.CorruptRecordException e) {
          refs.remove(refs.size() - 1);
          j.end = last.offset();
          torn = true;
        }
      }
      if (torn) {
        ch.truncate(j.end);
        ch.force(true);
        return new Journal(path, ch, base, refs, j.end, true);
      }
      return j;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  Path path() {
    return path;
  }

  long baseSeq() {
    return baseSeq;
  }

  /** True when open() cut off a torn last entry. */
  boolean truncatedTail() {
    return truncatedTail;
  }

  List<Ref> refs() {
    return Collections.unmodifiableList(refs);
  }

  /** Sequence number of the last change entry, or the base when there is none. */
  long lastSeq() {
    for (int i = refs.size() - 1; i >= 0; i--) {
      if (refs.get(i).seq() > 0) {
        return refs.get(i).seq();
      }
    }
    return baseSeq;
  }

  /**
   * Number of user changes (decisions, notes, clients, undo, redo) after the snapshot: what a
   * compaction would fold away. Imports only add, so they do not count.
   */
  int changeCount() {
    int n = 0;
    for (Ref r : refs) {
      if (r.seq() > 0 && (r.type() == Type.CHANGE || r.type() == Type.UNDO || r.type() == Type.REDO)) {
        n++;
      }
    }
    return n;
  }

  Entry read(Ref ref) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(ENTRY_HEADER_SIZE + ref.payloadLength());
    readFully(channel, buf, ref.offset());
    buf.flip();
    buf.getInt();
    int storedCrc = buf.getInt();
    long seq = buf.getLong();
    int type = buf.get();
    State state = State.of(buf.get());
    byte[] payload = new byte[ref.payloadLength()];
    buf.get(payload);
    if (storedCrc != crc(seq, type, payload)) {
      throw new Bytes.CorruptRecordException("journal entry " + seq + " fails its checksum");
    }
    return new Entry(seq, Type.of(type), state, payload);
  }

  /** Appends a change entry and syncs it to disk; returns its reference. */
  Ref append(Type type, byte[] payload) throws IOException {
    return append(type, payload, true);
  }

  /**
   * Appends an entry, syncing it only when asked: an import's parts need no sync of their own,
   * because the IMPORT_END that makes them count is synced after them, and syncing a file makes
   * everything written to it before durable.
   */
  Ref append(Type type, byte[] payload, boolean sync) throws IOException {
    long seq = lastSeq() + 1;
    ByteBuffer buf = ByteBuffer.allocate(ENTRY_HEADER_SIZE + payload.length);
    buf.putInt(payload.length).putInt(crc(seq, type.code(), payload)).putLong(seq);
    buf.put((byte) type.code()).put((byte) State.NONE.ordinal()).put(payload).flip();
    long at = end;
    try {
      writeFully(channel, buf, at);
      if (sync) {
        channel.force(false);
      }
    } catch (IOException e) {
      // Leave no partial entry behind: a later append must not follow garbage.
      channel.truncate(at);
      throw e;
    }
    end = at + buf.capacity();
    Ref ref = new Ref(seq, type, State.NONE, at, payload.length);
    refs.add(ref);
    return ref;
  }

  /** Makes every entry appended so far durable. */
  void sync() throws IOException {
    channel.force(false);
  }

  /** Overwrites an entry's commit state in place; synced unless it only records success. */
  Ref mark(Ref ref, State state) throws IOException {
    writeFully(channel, ByteBuffer.wrap(new byte[] {(byte) state.ordinal()}), ref.offset() + STATE_OFFSET);
    if (state != State.COMMITTED) {
      channel.force(false);
    }
    Ref marked = new Ref(ref.seq(), ref.type(), state, ref.offset(), ref.payloadLength());
    refs.set(refs.indexOf(ref), marked);
    return marked;
  }

  /**
   * Cuts the journal back to just before {@code first}, dropping it and every entry after it;
   * for entries that were never confirmed to anybody (an aborted import), which would otherwise
   * sit in the journal, never applied, until the next compaction.
   */
  void truncateFrom(Ref first) throws IOException {
    // By offset: marking an entry replaces its Ref with one of another state.
    int index = -1;
    for (int i = refs.size() - 1; i >= 0 && index < 0; i--) {
      if (refs.get(i).offset() == first.offset()) {
        index = i;
      }
    }
    if (index < 0) {
      return;
    }
    channel.truncate(first.offset());
    channel.force(true);
    refs.subList(index, refs.size()).clear();
    end = first.offset();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /**
   * Writes a journal holding only a snapshot (entries of sequence 0) at the given base, atomically
   * replacing any file at {@code path}: the old journal stays whole until the new one is synced.
   */
  static void writeFile(StoreIo.ChannelOpener files, Path path, long baseSeq, List<Entry> snapshot) throws IOException {
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    try (FileChannel ch = files.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer head = ByteBuffer.allocate(HEADER_SIZE).putLong(MAGIC).putLong(baseSeq).putInt(crc(baseSeq));
      head.flip();
      long pos = writeFully(ch, head, 0);
      for (Entry e : snapshot) {
        ByteBuffer buf = ByteBuffer.allocate(ENTRY_HEADER_SIZE + e.payload().length);
        buf.putInt(e.payload().length).putInt(crc(0, e.type().code(), e.payload())).putLong(0);
        buf.put((byte) e.type().code()).put((byte) State.COMMITTED.ordinal()).put(e.payload()).flip();
        pos += writeFully(ch, buf, pos);
      }
      ch.force(true);
    }
    Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(path.toAbsolutePath().getParent());
  }

  static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException notSupported) {
      // Some file systems cannot sync a directory; the rename is then as durable as they allow.
    }
  }

  private static int crc(long base) {
    CRC32C c = new CRC32C();
    c.update(ByteBuffer.allocate(8).putLong(base).flip());
    return (int) c.getValue();
  }

  private static int crc(long seq, int type, byte[] payload) {
    CRC32C c = new CRC32C();
    c.update(ByteBuffer.allocate(9).putLong(seq).put((byte) type).flip());
    c.update(payload);
    return (int) c.getValue();
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) {
        throw new Bytes.CorruptRecordException("journal ends early");
      }
      pos += n;
    }
  }

  private static int writeFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
    int total = 0;
    while (buf.hasRemaining()) {
      int n = ch.write(buf, pos + total);
      total += n;
    }
    return total;
  }
}
