package dev.invitriage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.DBException;
import org.mapdb.DataInput2;
import org.mapdb.volume.Volume;

class LinuxVolumeTest {
  @TempDir Path dir;

  private static Volume make(Path file, boolean readOnly) {
    return make(StoreIo.REAL, file, readOnly);
  }

  private static Volume make(StoreIo io, Path file, boolean readOnly) {
    return io.volumes().makeVolume(file.toString(), readOnly, 0, 20, 0, false);
  }

  private static boolean linux64() {
    return "Linux".equals(System.getProperty("os.name")) && System.getProperty("os.arch").contains("64");
  }

  @Test
  void storeVolumesOnLinuxSyncWithOneFdatasync() {
    assumeTrue(linux64());
    Volume v = make(dir.resolve("a.db"), false);
    try {
      assertThat(v).isInstanceOf(LinuxVolume.class);
    } finally {
      v.close();
    }
  }

  @Test
  void whatIsWrittenThroughTheMappingIsInTheFileAfterSync() throws IOException {
    Path file = dir.resolve("b.db");
    Volume v = make(file, false);
    try {
      v.ensureAvailable(3 << 20);
      v.putLong(0, 0x0102030405060708L);
      v.putData((2 << 20) + 8, new byte[] {9, 8, 7}, 0, 3);
      v.sync();
    } finally {
      v.close();
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer head = ByteBuffer.allocate(8);
      ch.read(head, 0);
      ByteBuffer far = ByteBuffer.allocate(3);
      ch.read(far, (2 << 20) + 8);
      assertThat(head.flip().getLong()).isEqualTo(0x0102030405060708L);
      assertThat(far.array()).containsExactly(9, 8, 7);
    }
  }

  @Test
  void aLargeValueWrittenToTheFileIsReadBackThroughTheMappingAndSynced() throws IOException {
    assumeTrue(linux64());
    Path file = dir.resolve("large.db");
    byte[] value = new byte[3 * LinuxVolume.WRITTEN_NOT_MAPPED + 5];
    new Random(7).nextBytes(value);
    long at = (1 << 20) + 8; // in the mapping's second slice, as MapDB's records lie within one
    Volume v = make(file, false);
    try {
      v.ensureAvailable(3 << 20);
      v.putLong(at - 8, -1L); // through the mapping, just before
      v.putData(at, value, 1, value.length - 1); // not from the array's start
      v.putData(at + value.length - 1, new byte[] {42}, 0, 1); // small: through the mapping

      byte[] mappedRead = new byte[value.length - 1];
      v.getData(at, mappedRead, 0, mappedRead.length); // unsynced, through the mapping
      assertThat(mappedRead).isEqualTo(Arrays.copyOfRange(value, 1, value.length));
      assertThat(v.getLong(at - 8)).isEqualTo(-1L);
      assertThat(v.getByte(at + value.length - 1)).isEqualTo((byte) 42);
      v.sync();
    } finally {
      v.close();
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer inFile = ByteBuffer.allocate(value.length);
      ch.read(inFile, at);
      byte[] expected = Arrays.copyOfRange(value, 1, value.length + 1); // ends with a 0
      expected[value.length - 1] = 42;
      assertThat(inFile.array()).isEqualTo(expected);
    }
  }

  @Test
  void readOnlyVolumesAreTheMappedOnesUnwrapped() {
    Path file = dir.resolve("c.db");
    make(file, false).close();
    Volume v = make(file, true);
    try {
      assertThat(v).isNotInstanceOf(LinuxVolume.class);
    } finally {
      v.close();
    }
  }

  @Test
  void copiedReadsSeeWhatWasJustWrittenThroughTheMappingAcrossSlices() throws IOException {
    assumeTrue(linux64());
    Volume v = make(StoreIo.REAL_COPYING_READS, dir.resolve("d.db"), false);
    try {
      assertThat(v).isInstanceOf(LinuxVolume.class);
      v.ensureAvailable(3 << 20);
      byte[] across = new byte[] {1, 2, 3, 4, 5, 6};
      long boundary = 1 << 20;
      v.putData(boundary - 3, across, 0, 3); // unsynced, the end of one slice
      v.putData(boundary, across, 3, 3); // and the start of the next
      v.putLong(64, 42L);

      byte[] read = new byte[8];
      v.getData(boundary - 3, read, 1, 6);
      assertThat(read).containsExactly(0, 1, 2, 3, 4, 5, 6, 0);
      DataInput2 in = v.getDataInputOverlap(boundary - 3, 6);
      byte[] viaInput = new byte[6];
      in.readFully(viaInput);
      assertThat(viaInput).containsExactly(across);
      assertThat(v.getDataInput(64, 8).readLong()).isEqualTo(42L);
    } finally {
      v.close();
    }
  }

  @Test
  void aCopiedReadPastTheFilesEndIsAnErrorNotZeros() {
    assumeTrue(linux64());
    Volume v = make(StoreIo.REAL_COPYING_READS, dir.resolve("e.db"), false);
    try {
      v.ensureAvailable(1 << 20);
      long end = v.length();
      assertThatThrownBy(() -> v.getDataInput(end - 4, 8)).isInstanceOf(DBException.VolumeEOF.class);
    } finally {
      v.close();
    }
  }
}
