package dev.invitriage.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import org.mapdb.volume.MappedFileVol;
import org.mapdb.volume.RandomAccessFileVol;
import org.mapdb.volume.VolumeFactory;

/**
 * How the store reaches its files: the volumes MapDB keeps its file and write-ahead logs in, and
 * the channels the journal and the safety copy use. Production always uses {@link #REAL}; tests in
 * this package pass ones that fail on purpose, to prove what a failing disk leaves behind.
 *
 * @param volumes makes every MapDB volume (the store file and its {@code .wal.N} files)
 * @param channels opens every file channel of the journal and the safety copy
 */
record StoreIo(VolumeFactory volumes, ChannelOpener channels) {
  /** Opens a file channel; {@code FileChannel::open} in production. */
  @FunctionalInterface
  interface ChannelOpener {
    FileChannel open(Path path, OpenOption... options) throws IOException;
  }

  /** The real files, exactly as {@code DBMaker} and {@code FileChannel} reach them. */
  static final StoreIo REAL = new StoreIo(mapDbFileVolumes(false), FileChannel::open);

  /**
   * The real files, for a process that keeps the store open (the inbox, the server): on Linux,
   * MapDB's records are read by copying from the file, not through its mapping, so what was read
   * once does not stay in the process's memory (see {@link LinuxVolume}).
   */
  static final StoreIo REAL_COPYING_READS = new StoreIo(mapDbFileVolumes(true), FileChannel::open);

  /**
   * The factory {@code DBMaker.fileDB(f).fileMmapEnableIfSupported().fileMmapPreclearDisable()
   * .cleanerHackEnable()} picks in MapDB 3.1.0: memory-mapped files where its {@code
   * DataIO.JVMSupportsLargeMappedFiles()} holds (a 64-bit JVM, not on Windows), else {@code
   * RandomAccessFile} volumes. On Linux each mapped volume syncs with one {@code fdatasync} of
   * its file rather than one {@code msync} per slice (the same guarantee), and with {@code
   * copyReads} reads by copying: see {@link LinuxVolume}.
   */
  private static VolumeFactory mapDbFileVolumes(boolean copyReads) {
    String arch = System.getProperty("os.arch");
    String os = System.getProperty("os.name");
    // The default locale, as MapDB's DataIO.isWindows() lowercases: the same answer everywhere.
    @SuppressWarnings("StringCaseLocaleUsage")
    boolean windows = os != null && os.toLowerCase().startsWith("windows");
    boolean largeMaps = arch != null && arch.contains("64") && !windows;
    if (!largeMaps) {
      return RandomAccessFileVol.FACTORY;
    }
    VolumeFactory mapped = new MappedFileVol.MappedFileFactory(true, true);
    boolean linux = "Linux".equals(os);
    return linux ? LinuxVolume.factory(mapped, copyReads) : mapped;
  }
}
