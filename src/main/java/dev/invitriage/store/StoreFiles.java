package dev.invitriage.store;

import static dev.invitriage.store.StoreFailures.describe;

import dev.invitriage.domain.InvitriageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The store's files as files: the journal's name beside it, a damaged file kept aside, a MapDB file
 * moved with its write-ahead logs, a copy that never takes its target's name half written.
 */
final class StoreFiles {
  private StoreFiles() {}

  static Path journalFile(Path store) {
    return store.resolveSibling(store.getFileName() + ".journal");
  }

  /** The store as it was before the last import or upgrade, beside it; it opens as a store of its own. */
  static Path safetyCopy(Path store) {
    return store.resolveSibling(store.getFileName() + ".bak");
  }

  /** Where {@link BulkImport} builds the store an import makes, beside it. */
  static Path importCopy(Path store) {
    return store.resolveSibling(store.getFileName() + ".import");
  }

  /** A free name to keep a damaged store file under, beside it. */
  static Path asideName(Path store) {
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    Path aside = store.resolveSibling(store.getFileName() + ".damaged-" + stamp);
    // Two rebuilds within a second (a kill during the first) must not collide.
    for (int i = 2; Files.exists(aside); i++) {
      aside = store.resolveSibling(store.getFileName() + ".damaged-" + stamp + "-" + i);
    }
    return aside;
  }

  /** The write-ahead logs MapDB keeps beside a store file ({@code NAME.wal.N}), while it is open. */
  static List<Path> writeAheadLogs(Path file) throws IOException {
    String prefix = file.getFileName() + ".wal.";
    try (Stream<Path> files = Files.list(file.toAbsolutePath().getParent())) {
      return files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
    }
  }

  /** Moves a MapDB file and its write-ahead logs to another name. */
  static void moveStoreFiles(Path from, Path to) throws IOException {
    if (Files.exists(from)) {
      Files.move(from, to);
    }
    int nameLength = from.getFileName().toString().length();
    for (Path log : writeAheadLogs(from)) {
      Files.move(log, to.resolveSibling(to.getFileName() + log.getFileName().toString().substring(nameLength)));
    }
  }

  /** Deletes a leftover half-built rebuild or import copy (ours alone: never the user's store). */
  static void deleteStoreFiles(Path file) {
    try {
      Files.deleteIfExists(file);
      for (Path log : writeAheadLogs(file)) {
        Files.delete(log);
      }
    } catch (IOException e) {
      throw InvitriageException.io(file + ": cannot remove a half-built store: " + describe(e), e);
    }
  }

  /** Deletes a scratch folder and everything in it, as far as it can. */
  static void deleteQuietly(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException ignored) {
      // A scratch folder left in the temporary folder harms nothing.
    }
  }

  /** Null when {@code file} starts as a MapDB store does, else why it cannot be one. */
  static String foreignReason(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(2);
      if (head.length == 0) {
        return "the file is empty";
      }
      // Every MapDB 3 store starts with the header byte 0x4A ('J') and store type 3.
      if (head.length < 2 || head[0] != 0x4A || head[1] != 0x03) {
        return "the file is not a MapDB store";
      }
      return null;
    } catch (NoSuchFileException e) {
      return "the file is missing";
    } catch (IOException e) {
      throw InvitriageException.io(file + ": cannot read: " + describe(e), e);
    }
  }

  /**
   * MapDB grows a file it maps to its next 1 MiB before it finds the file cut short; a failed
   * open must leave the file exactly as it was, to be kept aside or looked at by hand.
   */
  static void undoGrowth(Path file, long sizeBefore) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      if (ch.size() > sizeBefore) {
        ch.truncate(sizeBefore);
        ch.force(true);
      }
    } catch (IOException ignored) {
      // The grown tail is zeros after the original bytes: nothing of the file is lost.
    }
  }

  /** Copies {@code from} to {@code target} atomically: a partial copy never takes the target's name. */
  static void copyAtomically(StoreIo storeIo, Path from, Path target) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel in = storeIo.channels().open(from, StandardOpenOption.READ);
        FileChannel out = storeIo.channels().open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      long size = in.size();
      for (long pos = 0; pos < size; ) {
        pos += in.transferTo(pos, size - pos, out);
      }
      out.force(true);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
