package dev.invitriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.app.App;
import dev.invitriage.app.PhraseBook;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.store.StoreTestAccess;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code invitriage db check} and {@code invitriage db backup}. */
class DbCommandTest {
  @TempDir Path home;
  CliRunner cli;
  String first;

  @BeforeEach
  void seed() throws IOException {
    cli = new CliRunner(home);
    Path invitations = home.resolve("Invitations.csv");
    StringBuilder csv = new StringBuilder(CliTest.HEADER);
    for (int i = 0; i < 30; i++) {
      csv.append("Person ").append(i).append(",Pat User,\"11/").append(1 + i % 28).append("/26, 9:15 AM\",")
          .append(i % 2 == 0 ? "" : "We met at meetup " + i).append(",INCOMING,https://www.linkedin.com/in/p-").append(i)
          .append(",https://www.linkedin.com/in/pat-user\n");
    }
    Files.writeString(invitations, csv);
    assertThat(cli.run("import", invitations.toString()).code()).isZero();
    first = cli.run("list", "--format", "csv").out().split("\n")[1].split(",")[0];
    assertThat(cli.run("decide", first, "accept").code()).isZero();
    assertThat(cli.run("note", first, "met in Lisbon").code()).isZero();
    assertThat(cli.run("client", "add", "--name", "Ana Client", "--url", "https://www.linkedin.com/in/p-3").code()).isZero();
  }

  @Test
  void checkReportsAHealthyStoreAndExitsZero() {
    CliRunner.Result r = cli.run("db", "check");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("30 invitations, 1 clients, 5 journal entries").endsWith("healthy\n");
  }

  @Test
  void checkFindsAJournalEntryThatFailsItsChecksum() throws IOException {
    // The import (entry 1, the first: a new store needs no maintenance entry) is not the last, so opening does not verify it: only check does.
    try (FileChannel ch = FileChannel.open(home.resolve("inbox.db.journal"), StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {0x7f}), 20 + 40);
    }
    CliRunner.Result r = cli.run("db", "check");
    assertThat(r.code()).isEqualTo(65);
    assertThat(r.out()).contains("problem      journal: entry 1").contains("fails its checksum").endsWith("damaged\n");
  }

  @Test
  void checkFindsAStoreThatDisagreesWithItsJournal() {
    StoreTestAccess.setNoteBehindTheJournal(cli.db(), 7, "written behind the journal's back");
    CliRunner.Result r = cli.run("db", "check");
    assertThat(r.code()).isEqualTo(65);
    assertThat(r.out()).contains("problem      invitation 7 differs from what the journal gives").endsWith("damaged\n");
  }

  @Test
  void backupWritesAStoreThatOpensAndEqualsTheOriginalWhileItIsOpen() {
    Path copy = home.resolve("backup/copy.db");
    List<InboxEntry> original = new ArrayList<>();
    try (App app = App.open(cli.db(), new PhraseBook(home.resolve("none.txt")), Clock.systemUTC(), n -> { })) {
      app.backupTo(copy);
      app.inbox().forEach(original::add);
    }
    try (App app = App.open(copy, new PhraseBook(home.resolve("none.txt")), Clock.systemUTC(), n -> { throw new AssertionError(n); })) {
      List<InboxEntry> copied = new ArrayList<>();
      app.inbox().forEach(copied::add);
      assertThat(copied).isEqualTo(original);
      assertThat(app.inbox().clients()).hasSize(1);
      assertThat(app.inbox().undo()).contains("add client Ana Client");
    }
    CliRunner.Result check = cli.runRaw("--db", copy.toString(), "db", "check");
    assertThat(check.code()).as(check.out()).isZero();
  }

  @Test
  void backupCommandWritesTheCopyAndNeverOverwrites() {
    Path copy = home.resolve("copy.db");
    CliRunner.Result r = cli.run("db", "backup", copy.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("backed up 30 invitations to " + copy + "\n");
    assertThat(cli.runRaw("--db", copy.toString(), "list", "--format", "csv").out())
        .isEqualTo(cli.run("list", "--format", "csv").out());

    CliRunner.Result again = cli.run("db", "backup", copy.toString());
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).isEqualTo("invitriage: " + copy + " already exists; a backup never overwrites a file\n");
  }
}
