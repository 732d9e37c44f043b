package dev.invitriage.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.cli.Cli;
import dev.invitriage.cli.Context;
import dev.invitriage.store.StoreTestAccess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged store file, with and without its journal: one clear line or a correct rebuild, never a
 * stack trace, and the damaged file is never overwritten or deleted (only moved aside to rebuild).
 */
class DamagedStoreTest {
  @TempDir Path dir;
  Path db;
  Path journal;

  /** The ways a store file can be damaged. */
  enum Damage { TRUNCATED, RANDOM_BYTES, NEWER_SCHEMA, ZERO_LENGTH }

  record Run(int code, String out, String err) {}

  Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = Stream.concat(Stream.of("--db", db.toString()), Arrays.stream(args)).toArray(String[]::new);
    int code = Cli.run(new Context(Map.of("HOME", dir.toString(), "XDG_CONFIG_HOME", dir.resolve("config").toString()),
        new ByteArrayInputStream(new byte[0]), false, 0, Clock.systemUTC()), new PrintWriter(out), new PrintWriter(err), all);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void seed() throws IOException {
    db = dir.resolve("inbox.db");
    journal = dir.resolve("inbox.db.journal");
    Path export = Exports.write(dir.resolve("exports"), 1, 300).get(0);
    assertThat(cli("import", export.toString()).code()).isZero();
  }

  void damage(Damage d) throws IOException {
    switch (d) {
      case TRUNCATED -> Files.write(db, Arrays.copyOf(Files.readAllBytes(db), (int) Files.size(db) / 3));
      case RANDOM_BYTES -> {
        byte[] garbage = new byte[64 * 1024];
        new Random(42).nextBytes(garbage);
        Files.write(db, garbage);
      }
      case NEWER_SCHEMA -> StoreTestAccess.setSchemaVersion(db, StoreTestAccess.schemaVersion() + 1);
      case ZERO_LENGTH -> Files.write(db, new byte[0]);
    }
  }

  List<String> damagedFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("inbox.db.damaged-") && !n.contains(".wal.")).toList();
    }
  }

  String fileSizes() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).map(p -> p.getFileName() + "=" + p.toFile().length()).sorted().toList().toString();
    }
  }

  static void assertOneLine(String err) {
    assertThat(err).startsWith("invitriage: ").doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(err.strip()).doesNotContain("\n");
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void withoutItsJournalADamagedStoreIsRefusedInOneLineAndLeftAsItIs(Damage d) throws IOException {
    damage(d);
    Files.delete(journal);
    String before = Children.hashes(dir).get("inbox.db");

    Run r = cli("stats");
    System.out.println(d + ": exit " + r.code() + ", " + r.err().strip() + ", files " + fileSizes());

    assertThat(r.code()).as(r.err()).isEqualTo(65);
    assertOneLine(r.err());
    assertThat(r.err()).containsAnyOf("not an invitriage store", "damaged store", "newer than this invitriage");
    assertThat(Children.hashes(dir).get("inbox.db")).isEqualTo(before);
    assertThat(damagedFiles()).isEmpty();
    assertThat(Files.exists(journal)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = Damage.class, names = "NEWER_SCHEMA", mode = EnumSource.Mode.EXCLUDE)
  void withItsJournalADamagedStoreIsRebuiltAndTheDamagedFileKeptAside(Damage d) throws IOException {
    damage(d);
    String before = Children.hashes(dir).get("inbox.db");

    Run r = cli("stats");
    System.out.println(d + ": exit " + r.code() + ", " + r.err().strip() + ", files " + fileSizes());

    assertThat(r.code()).as(r.err()).isZero();
    assertOneLine(r.err());
    assertThat(r.err()).contains("rebuilt from its journal");
    assertThat(r.out()).startsWith("invitations  300 ");
    assertThat(damagedFiles()).hasSize(1);
    assertThat(Children.hashes(dir).get(damagedFiles().get(0))).isEqualTo(before);
    assertThat(cli("db", "check").code()).isZero();
  }

  @ParameterizedTest
  @EnumSource(value = Damage.class, names = "NEWER_SCHEMA")
  void withItsJournalAStoreFromANewerSchemaIsStillRefusedUntouched(Damage d) throws IOException {
    damage(d);
    String before = Children.hashes(dir).get("inbox.db");
    String journalBefore = Children.hashes(dir).get("inbox.db.journal");

    Run r = cli("stats");
    System.out.println(d + ": exit " + r.code() + ", " + r.err().strip() + ", files " + fileSizes());

    assertThat(r.code()).isEqualTo(65);
    assertOneLine(r.err());
    assertThat(r.err()).contains("newer than this invitriage");
    assertThat(Children.hashes(dir).get("inbox.db")).isEqualTo(before);
    assertThat(Children.hashes(dir).get("inbox.db.journal")).isEqualTo(journalBefore);
    assertThat(damagedFiles()).isEmpty();
  }
}
