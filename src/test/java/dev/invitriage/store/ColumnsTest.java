package dev.invitriage.store;

import static dev.invitriage.store.Fixtures.incoming;
import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.Verdict;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnsTest {
  @TempDir Path dir;

  @Test
  void rowsWrittenInEitherChunkLayoutLoadAlike() {
    int rows = Chunks.SIZE + 17;
    try (Tables t = Tables.open(dir.resolve("inbox.db"), true)) {
      Columns written = Columns.load(t.columns, 0);
      for (int o = 0; o < rows; o++) {
        Invitation inv = incoming(o, "We met " + o);
        written.append(inv, Person.of(inv), o % 3 == 0 ? Verdict.DEFAULT : Verdict.PERSONAL, o * 31L + 1);
      }
      written.flush();
      Columns columnar = Columns.load(t.columns, rows);
      assertSameRows(columnar, written, rows);

      // The first chunk as the row-by-row layout of earlier versions wrote it.
      ByteBuffer v1 = ByteBuffer.allocate(5 + Chunks.SIZE * (4 + 1 + 8 * 4));
      v1.put((byte) 1).putInt(Chunks.SIZE);
      for (int o = 0; o < Chunks.SIZE; o++) {
        byte flags = (byte) ((written.direction(o).ordinal()) | (written.baseVerdict(o).ordinal() << 1) | (written.hasUrl(o) ? Columns.HAS_URL : 0));
        v1.putInt(written.sentAtMinute(o)).put(flags).putLong(written.urlHash(o)).putLong(written.nameHash(o))
            .putLong(written.templateKey(o)).putLong(written.nameKey(o));
      }
      t.columns.put(0, v1.array());
      assertSameRows(Columns.load(t.columns, rows), written, rows);
    }
  }

  @Test
  void everyVerdictIsKeptBesideTheOtherFlagsAndChangedAlone() {
    try (Tables t = Tables.open(dir.resolve("inbox.db"), true)) {
      Columns written = Columns.load(t.columns, 0);
      Verdict[] verdicts = Verdict.values();
      for (int o = 0; o < 4 * verdicts.length; o++) {
        // Every verdict with and without the sender's URL.
        Invitation inv = o % 2 == 0 ? incoming(o, "n") : Fixtures.withoutUrl(incoming(o, "n"));
        written.append(inv, Person.of(inv), verdicts[o % verdicts.length], o);
      }
      written.flush();
      Columns loaded = Columns.load(t.columns, 4 * verdicts.length);
      for (int o = 0; o < 4 * verdicts.length; o++) {
        assertThat(loaded.baseVerdict(o)).as("row %d", o).isEqualTo(verdicts[o % verdicts.length]);
        assertThat(loaded.hasUrl(o)).as("row %d", o).isEqualTo(o % 2 == 0);
      }
      for (Verdict v : verdicts) {
        loaded.reclassify(1, v, 7);
        assertThat(loaded.baseVerdict(1)).isEqualTo(v);
        assertThat(loaded.hasUrl(1)).isFalse();
        assertThat(loaded.direction(1)).isEqualTo(written.direction(1));
      }
    }
  }

  private static void assertSameRows(Columns loaded, Columns expected, int rows) {
    assertThat(loaded.size()).isEqualTo(rows);
    for (int o = 0; o < rows; o++) {
      assertThat(loaded.sentAtMinute(o)).as("row %d", o).isEqualTo(expected.sentAtMinute(o));
      assertThat(loaded.direction(o)).isEqualTo(expected.direction(o));
      assertThat(loaded.baseVerdict(o)).isEqualTo(expected.baseVerdict(o));
      assertThat(loaded.hasUrl(o)).isEqualTo(expected.hasUrl(o));
      assertThat(loaded.urlHash(o)).isEqualTo(expected.urlHash(o));
      assertThat(loaded.nameHash(o)).isEqualTo(expected.nameHash(o));
      assertThat(loaded.templateKey(o)).as("row %d", o).isEqualTo(expected.templateKey(o));
      assertThat(loaded.nameKey(o)).isEqualTo(expected.nameKey(o));
    }
  }
}
