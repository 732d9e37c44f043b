package dev.invitriage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mapdb.DBException;
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

  /**
   * A length damaged in a node makes MapDB ask for an array larger than the heap (a kill inside
   * its commit left such a file): wherever an open meets that, it is damage, which the store
   * rebuilds from its journal, not an error that ends the program.
   */
  @Test
  void anArrayLargerThanMemoryAnywhereInAnOpenIsDamage() throws java.io.IOException {
    Path db = dir.resolve("inbox.db");
    Tables.open(db, true).close();
    Faults counting = Faults.counting(Faults.Kind.READ);
    Tables.open(db, false, counting.io().volumes()).close();
    assertThat(counting.count()).isPositive();
    for (long n = 1; n <= counting.count(); n++) {
      // A copy each time: a failed open keeps its file locked until the store moves it aside.
      Path copy = Files.copy(db, dir.resolve("copy-" + n + ".db"));
      Faults faults = Faults.throwing(Faults.Kind.READ, n, () -> new OutOfMemoryError("Java heap space"));
      assertThatThrownBy(() -> Tables.open(copy, false, faults.io().volumes()).close())
          .as("read %d, %s", n, faults.fired())
          .isInstanceOf(DBException.DataCorruption.class)
          .hasMessageContaining("larger than memory");
    }
  }

  @Test
  void anErrorWithoutAMessageIsDescribedInWords() {
    assertThat(StoreFailures.describe(new java.nio.BufferUnderflowException())).isEqualTo("buffer underflow");
    assertThat(StoreFailures.describe(new NegativeArraySizeException("-5"))).isEqualTo("-5");
    assertThat(StoreFailures.words("ArrayIndexOutOfBoundsException")).isEqualTo("array index out of bounds");
    assertThat(StoreFailures.words("OutOfMemoryError")).isEqualTo("out of memory");
  }
}
