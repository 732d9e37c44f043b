package dev.invitriage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
