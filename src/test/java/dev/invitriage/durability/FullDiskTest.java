package dev.invitriage.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.app.App;
import dev.invitriage.app.PhraseBook;
import dev.invitriage.domain.Client;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.store.StoreTestAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk or a write error midway through an import or a decision: the CLI says so in one line
 * and exits 74, and the store reopens with exactly what it held before. The fault is a file-size
 * limit ({@code ulimit -f}): HotSpot ignores SIGXFSZ, so a write past it fails with EFBIG ("File too
 * large"), as one on a full disk fails with ENOSPC. The limit applies to every file, so where the
 * failure lands depends on the sizes: below the store's size an import (or the upgrade of a store
 * of an older schema) cannot keep its safety copy; above the journal's size the
 * journal append fails; above the journal's growth the write-ahead log fails while the import is
 * applied.
 */
class FullDiskTest {
  @TempDir static Path shared;
  static Path pristine;
  static Path bigExport;
  static Model.Snapshot before;
  static String someId;
  static long journalKb;
  static long storeKb;

  @TempDir Path dir;

  @BeforeAll
  static void seedAStore() throws IOException {
    List<Path> exports = Exports.write(shared.resolve("exports"), 3, 4000);
    bigExport = shared.resolve("big");
    Files.createDirectories(bigExport);
    Files.writeString(bigExport.resolve("Invitations.csv"), Exports.invitations(20_000, 6000));
    pristine = shared.resolve("pristine");
    try (App app = open(pristine)) {
      app.importFiles(exports.subList(0, 2), false, line -> { });
      List<InvitationId> ids = new ArrayList<>();
      app.inbox().forEach(e -> ids.add(e.id()));
      app.decide(ids.subList(0, 3), Decision.ACCEPT);
      app.inbox().setNote(ids.get(5), "met at the meetup");
      app.inbox().addClients(List.of(new Client(0, "Ana Client", Exports.url(7), "Acme", "")));
      someId = ids.get(10).hex();
      before = Model.snapshot(app.inbox());
    }
    journalKb = Files.size(pristine.resolve("inbox.db.journal")) / 1024;
    storeKb = Files.size(pristine.resolve("inbox.db")) / 1024;
  }

  static App open(Path storeDir) {
    return App.open(storeDir.resolve("inbox.db"), new PhraseBook(storeDir.resolve("no-phrases.txt")), Clock.systemUTC(), notice -> { });
  }

  /** What one limited run did. */
  record Outcome(int code, String err, List<String> notices) {}

  /** Runs the CLI on a copy of the pristine store under a file-size limit of {@code limitKb} KiB. */
  Outcome runLimited(long limitKb, String... args) throws IOException {
    return run(pristine, limitKb, false, args);
  }

  /** Like {@link #runLimited}, but a run that fits under the limit may change the store. */
  Outcome runLimitedAllowingSuccess(long limitKb, String... args) throws IOException {
    return run(pristine, limitKb, true, args);
  }

  private Outcome run(Path from, long limitKb, boolean successAllowed, String... args) throws IOException {
    Path store = dir.resolve("store-" + limitKb + "-" + args[0]);
    copy(from, store);
    List<String> cmd = new ArrayList<>(List.of("bash", "-c", "ulimit -f " + limitKb + " && exec \"$@\"", "bash"));
    List<String> cli = new ArrayList<>(List.of("--db", store.resolve("inbox.db").toString()));
    cli.addAll(List.of(args));
    cmd.addAll(Children.java(Files.createDirectories(dir.resolve("tmp")), "dev.invitriage.cli.Main", cli.toArray(String[]::new)));
    Children.Result r = Children.run(cmd);
    List<String> notices = new ArrayList<>();
    try (App app = App.open(store.resolve("inbox.db"), new PhraseBook(store.resolve("no-phrases.txt")), Clock.systemUTC(), notices::add)) {
      if (!(successAllowed && r.code() == 0)) {
        assertThat(Model.snapshot(app.inbox()).differenceFrom(before)).as("store after a failed %s under ulimit -f %d", args[0], limitKb).isNull();
      }
    }
    System.out.println("full disk: " + String.join(" ", args).replace(shared.toString(), "") + " under ulimit -f " + limitKb
        + " KiB -> exit " + r.code() + ", " + r.err().strip() + (notices.isEmpty() ? "" : "; next open: " + notices));
    return new Outcome(r.code(), r.err(), notices);
  }

  static void assertOneCleanIoError(Outcome o, String where) {
    assertThat(o.code()).as(o.err()).isEqualTo(74);
    assertThat(o.err()).startsWith("invitriage: ").contains(where).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(o.err().strip()).doesNotContain("\n");
  }

  static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  @Test
  void theJvmGetsAnErrorInsteadOfDyingOfSigxfsz() {
    Children.Result r = Children.run(List.of("bash", "-c", "ulimit -f 1 && exec \"$@\"", "bash",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto", "--version"));
    assertThat(r.code()).isZero();
    assertThat(journalKb).as("the pristine journal must be past 1 MiB for the journal cases").isGreaterThan(1100);
  }

  @Test
  void anImportWithNoRoomToGrowItsFilesLeavesTheStoreAsItWas() throws IOException {
    assertOneCleanIoError(runLimited(1000, "import", bigExport.toString()), "File too large");
  }

  /**
   * Limits rising from just under the store's size until the import fits: the write that fails
   * moves from the copy of the store the import writes into ({@code inbox.db.import}, as large as
   * the store) to MapDB's writes into that copy. Each must fail cleanly and change nothing, and
   * together they must reach both places.
   */
  @Test
  void anImportFailingAtAnyOfItsWritesLeavesTheStoreAsItWas() throws IOException {
    Map<String, Integer> where = new TreeMap<>();
    for (long kb = storeKb - 1; ; kb += 256) {
      Outcome o = runLimitedAllowingSuccess(kb, "import", bigExport.toString());
      if (o.code() == 0) {
        break;
      }
      assertOneCleanIoError(o, "File too large");
      where.merge(placeOf(o), 1, Integer::sum);
    }
    System.out.println("full disk import: " + where);
    // The journal (a few MiB) never reaches a limit before MapDB's files (allocated a MiB at a time)
    // do, so an import's journal append is not reached here; a decision's is, below.
    assertThat(where).as("where the writes failed").containsKeys("copy of the store", "MapDB");
  }

  static String placeOf(Outcome o) {
    return o.err().contains("safety copy") ? "safety copy"
        : o.err().contains("cannot copy the store") ? "copy of the store"
        : o.err().contains("cannot write journal") ? "journal append"
        : o.err().contains("cannot open") ? "opening (write-ahead log)" : "MapDB";
  }

  @Test
  void aDecisionWhoseJournalAppendFailsLeavesTheStoreAsItWas() throws IOException {
    assertOneCleanIoError(runLimited(journalKb - 1, "decide", someId, "ignore"), "journal: cannot write journal: File too large");
  }

  /**
   * Opening writes only to bring a store up to date; upgrading one from an older schema keeps its
   * safety copy first, and a disk too full for it leaves the store as it was.
   */
  @Test
  void anOpenThatMustUpgradeButCannotLeavesTheStoreAsItWas() throws IOException {
    Path older = dir.resolve("older");
    copy(pristine, older);
    StoreTestAccess.setSchemaVersion(older.resolve("inbox.db"), 1);
    Outcome o = run(older, storeKb - 1, false, "decide", someId, "ignore");
    assertOneCleanIoError(o, "inbox.db.bak: cannot keep a safety copy before upgrading it: File too large");
    assertThat(o.notices()).as("the next open upgrades it").anyMatch(n -> n.contains("upgraded from schema 1 to 3"));
  }

  /** Every limit from 1 MiB past the end of the import in 256 KiB steps: always 74, never a change. */
  @Test
  @Tag("long")
  void everyLimitAcrossAnImportFailsCleanlyAndChangesNothing() throws IOException {
    Map<String, Integer> where = new TreeMap<>();
    for (long kb = 1024; kb < journalKb + 8000; kb += 64) {
      Outcome o = runLimitedAllowingSuccess(kb, "import", bigExport.toString());
      if (o.code() == 0) {
        where.merge("import fitted under the limit", 1, Integer::sum);
        break;
      }
      assertOneCleanIoError(o, "File too large");
      where.merge(placeOf(o) + (o.notices().isEmpty() ? "" : ", recovered on next open"), 1, Integer::sum);
    }
    System.out.println("full disk sweep: " + where);
  }
}
