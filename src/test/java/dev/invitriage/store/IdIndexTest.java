package dev.invitriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.domain.InvitationId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdIndexTest {
  @TempDir Path dir;

  @Test
  void readingOneBucketGivesWhatTheWholeIndexGives() {
    Random random = new Random(7);
    List<InvitationId> ids = new ArrayList<>();
    // Sparse ids (most buckets empty or holding one), plus neighbours that share long prefixes
    // across a bucket boundary and within one.
    for (int i = 0; i < 3000; i++) {
      ids.add(new InvitationId(random.nextLong(), random.nextLong()));
    }
    ids.add(InvitationId.parse("abcfffffffff00000000000000000000"));
    ids.add(InvitationId.parse("abd00000000000000000000000000000"));
    ids.add(InvitationId.parse("abd0000000000fff0000000000000001"));
    ids.add(InvitationId.parse("abd0000000000fff0000000000000002"));
    try (Tables t = Tables.open(dir.resolve("inbox.db"), true)) {
      IdIndex index = IdIndex.load(t.ids, 0);
      for (int o = 0; o < ids.size(); o++) {
        index.add(ids.get(o), o);
      }
      index.flush();
      for (int o = 0; o < ids.size(); o++) {
        InvitationId id = ids.get(o);
        assertThat(IdIndex.storedAbbreviation(t.ids, id)).as("abbreviation of %s", id.hex()).isEqualTo(index.abbreviate(id));
        assertThat(IdIndex.storedOrdinalOf(t.ids, id)).isEqualTo(o);
        assertThat(index.idAt(o)).isEqualTo(id);
        assertThat(index.abbreviationAt(o)).isEqualTo(index.abbreviate(id));
      }
      // Ids added later move every position after them: what was found by position follows.
      for (int o = ids.size(), end = o + 500; o < end; o++) {
        InvitationId id = new InvitationId(random.nextLong(), random.nextLong());
        ids.add(id);
        index.add(id, o);
      }
      for (int o = 0; o < ids.size(); o++) {
        assertThat(index.idAt(o)).isEqualTo(ids.get(o));
        assertThat(index.abbreviationAt(o)).isEqualTo(index.abbreviate(ids.get(o)));
      }
      assertThat(IdIndex.storedAbbreviation(t.ids, ids.get(3001))).isEqualTo("abd00000000000".length());
      assertThat(IdIndex.storedAbbreviation(t.ids, ids.get(3003))).isEqualTo(32);
      assertThat(IdIndex.storedOrdinalOf(t.ids, new InvitationId(1, 2))).isEqualTo(-1);
    }
  }
}
