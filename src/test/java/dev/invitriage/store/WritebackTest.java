package dev.invitriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritebackTest {
  @TempDir Path dir;

  private Path journal;
  private Path store;
  /** Every file the writeback opened, with how. */
  private final List<String> opened = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void files() throws IOException {
    journal = Files.writeString(dir.resolve("inbox.db.journal"), "entries");
    store = Files.writeString(dir.resolve("inbox.db.import"), "records");
  }

  private StoreIo.ChannelOpener opener(Faults faults) {
    return (path, options) -> {
      opened.add(path.getFileName() + " " + List.of(options));
      return new FaultyChannel(FileChannel.open(path, options), faults);
    };
  }

  @Test
  void enoughBytesWrittenSyncEveryFileThroughADescriptorOfItsOwn() {
    Faults syncs = Faults.counting(Faults.Kind.SYNC);
    try (Writeback writeback = new Writeback(opener(syncs), List.of(journal, store))) {
      writeback.written(Writeback.EVERY_BYTES / 2);
      writeback.written(Writeback.EVERY_BYTES / 2 - 1);
    }
    assertThat(syncs.count()).isZero();
    assertThat(opened).isEmpty();

    try (Writeback writeback = new Writeback(opener(syncs), List.of(journal, store))) {
      writeback.written(Writeback.EVERY_BYTES / 2);
      writeback.written(Writeback.EVERY_BYTES / 2);
    } // closing waits for the sync under way
    assertThat(syncs.count()).isEqualTo(2);
    OpenOption read = StandardOpenOption.READ;
    assertThat(opened).containsExactly("inbox.db.journal " + List.of(read), "inbox.db.import " + List.of(read));
  }

  @Test
  void aFailedSyncIsLeftForTheImportsOwnSyncToReport() {
    Faults failing = Faults.failing(Faults.Kind.SYNC, 1);
    try (Writeback writeback = new Writeback(opener(failing), List.of(journal, store))) {
      writeback.written(Writeback.EVERY_BYTES);
    }
    assertThat(failing.fired()).isNotNull();
    assertThat(failing.count()).isEqualTo(2); // the second file synced all the same
  }
}
