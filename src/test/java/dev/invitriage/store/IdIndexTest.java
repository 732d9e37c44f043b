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

  /**
   * Enough ids to be searched by bucket and merged many times (some waiting, some merged, some
   * stored and loaded again), each found where a sorted list puts it: by id, by prefix, with the
   * abbreviation its two neighbours in the list give; ids never added are not found.
   */
  @Test
  void manyIdsAreFoundAsASortedListFindsThem() {
    Random random = new Random(11);
    List<InvitationId> ids = new ArrayList<>();
    for (int i = 0; i < 120_000; i++) {
      // Some pairs share the high half, so ids in one bucket compare by their low half too.
      long hi = i % 7 == 0 && i > 0 ? ids.get(i - 1).hi() : random.nextLong();
      ids.add(new InvitationId(hi, random.nextLong()));
    }
    try (Tables t = Tables.open(dir.resolve("inbox.db"), true)) {
      IdIndex index = IdIndex.load(t.ids, 0);
      for (int o = 0; o < 100_000; o++) {
        index.add(ids.get(o), o);
      }
      index.flush();
      index = IdIndex.load(t.ids, 100_000);
      for (int o = 100_000; o < ids.size(); o++) {
        index.add(ids.get(o), o);
        if (o % 5000 == 0) {
          assertThat(index.ordinalOf(ids.get(o))).isEqualTo(o); // still waiting to be merged
        }
      }
      List<InvitationId> sorted = new ArrayList<>(ids);
      sorted.sort(null);
      for (int o = 0; o < ids.size(); o += 7) {
        InvitationId id = ids.get(o);
        assertThat(index.ordinalOf(id)).as("ordinal of %s", id.hex()).isEqualTo(o);
        int i = java.util.Collections.binarySearch(sorted, id);
        int shared = Math.max(i > 0 ? id.commonHexPrefix(sorted.get(i - 1)) : 0,
            i + 1 < sorted.size() ? id.commonHexPrefix(sorted.get(i + 1)) : 0);
        assertThat(index.abbreviate(id)).isEqualTo(Math.max(InvitationId.MIN_ABBREV, shared + 1));
      }
      for (int k = 0; k < 1000; k++) {
        assertThat(index.ordinalOf(new InvitationId(random.nextLong(), random.nextLong()))).isEqualTo(-1);
      }
      String prefix = ids.get(12_345).hex().substring(0, 5);
      assertThat(index.withPrefix(prefix)).isEqualTo(sorted.stream().filter(id -> id.startsWith(prefix)).toList());
    }
  }
}
