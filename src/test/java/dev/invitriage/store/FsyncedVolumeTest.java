package dev.invitriage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.volume.Volume;

class FsyncedVolumeTest {
  @TempDir Path dir;

  private static Volume make(Path file, boolean readOnly) {
    return StoreIo.REAL.volumes().makeVolume(file.toString(), readOnly, 0, 20, 0, false);
  }

  @Test
  void storeVolumesOnLinuxSyncWithOneFdatasync() {
    assumeTrue("Linux".equals(System.getProperty("os.name")) && System.getProperty("os.arch").contains("64"));
    Volume v = make(dir.resolve("a.db"), false);
    try {
      assertThat(v).isInstanceOf(FsyncedVolume.class);
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
      assertThat(v).isNotInstanceOf(FsyncedVolume.class);
    } finally {
      v.close();
    }
  }
}
