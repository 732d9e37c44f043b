package dev.invitriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesTest {
  @TempDir Path dir;

  /** Opening skips its commit when every collection exists: the list it checks must be complete. */
  @Test
  void theNamesOpeningChecksAreEveryCollectionAStoreHolds() {
    try (Tables t = Tables.open(dir.resolve("inbox.db"), true)) {
      assertThat(t.db.getAllNames()).containsExactlyInAnyOrderElementsOf(Tables.NAMES);
    }
  }
}
