package dev.invitriage.store;

import static dev.invitriage.store.Fixtures.CLASSIFIER;
import static dev.invitriage.store.Fixtures.batchOf;
import static dev.invitriage.store.Fixtures.incoming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invitriage.domain.Decision;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.InvitriageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the store does with the states a crash can leave behind. */
class RecoveryTest {
  @TempDir Path dir;
  final List<String> notices = new ArrayList<>();
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final InvitationId FIRST = InvitationId.of(incoming(0, ""));

  Path db() {
    return dir.resolve("inbox.db");
  }

  Path journal() {
    return dir.resolve("inbox.db.journal");
  }

  MapDbInbox open() {
    return MapDbInbox.open(db(), CLASSIFIER, notices::add);
  }

  /** A store of 20 invitations with one decision, closed cleanly. */
  void seed() {
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(batchOf(0, 20));
      inbox.decide(List.of(FIRST), Decision.LATER, NOW);
    }
  }

  /** Appends a decision to the journal only, as if the process died before MapDB saw it. */
  void journalOnlyDecision(Decision d, Journal.State state) throws IOException {
    try (Journal j = Journal.open(journal())) {
      Change c = Change.of("test", new Change.SetDecision(FIRST, d, NOW.toEpochMilli()));
      Journal.Ref ref = j.append(Journal.Type.CHANGE, Codec.change(c));
      if (state != Journal.State.NONE) {
        j.mark(ref, state);
      }
    }
  }

  Decision firstDecision() {
    try (MapDbInbox inbox = open()) {
      return inbox.find(FIRST).map(InboxEntry::decision).orElseThrow();
    }
  }

  @Test
  void anEntryJournaledButNeverCommittedIsReplayed() throws IOException {
    seed();
    journalOnlyDecision(Decision.ACCEPT, Journal.State.NONE);
    assertThat(firstDecision()).isEqualTo(Decision.ACCEPT);
    assertThat(notices).anyMatch(n -> n.contains("replayed 1 change"));
  }

  @Test
  void aStoreInterruptedMidCommitIsRebuiltAndKeptAside() throws IOException {
    seed();
    journalOnlyDecision(Decision.IGNORE, Journal.State.COMMITTING);
    assertThat(firstDecision()).isEqualTo(Decision.IGNORE);
    assertThat(notices).anyMatch(n -> n.contains("rebuilt from its journal"));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("inbox.db.damaged-"));
    }
    try (MapDbInbox inbox = open()) {
      assertThat(inbox.size()).isEqualTo(20);
    }
  }

  @Test
  void anImportCutShortByAKillIsNeverAppliedNorAdoptedByALaterOne() throws IOException {
    seed();
    try (Journal j = Journal.open(journal())) {
      j.append(Journal.Type.IMPORT, Codec.importBatch(batchOf(100, 5)));
      j.append(Journal.Type.IMPORT, Codec.importBatch(batchOf(105, 5)));
    }
    try (MapDbInbox inbox = open()) {
      assertThat(inbox.size()).isEqualTo(20);
      inbox.importBatch(batchOf(200, 3));
      assertThat(inbox.size()).isEqualTo(23);
    }
    Files.delete(db());
    try (MapDbInbox inbox = open()) {
      assertThat(inbox.size()).isEqualTo(23);
    }
  }

  @Test
  void aCommitNeverSeenToEndIsDistrustedEvenWhenTheStoreClaimsIt() throws IOException {
    seed();
    // As if MapDB's commit wrote its applied sequence number back but was killed before the
    // rest of its pages: the entry is COMMITTING, the store says it has it.
    try (Journal j = Journal.open(journal())) {
      Journal.Ref last = j.refs().get(j.refs().size() - 1);
      assertThat(last.state()).isEqualTo(Journal.State.COMMITTED);
      j.mark(last, Journal.State.COMMITTING);
    }
    assertThat(firstDecision()).isEqualTo(Decision.LATER);
    assertThat(notices).anyMatch(n -> n.contains("rebuilt from its journal") && n.contains("interrupted while saving"));
  }

  @Test
  void anAbortedEntryIsNeverApplied() throws IOException {
    seed();
    journalOnlyDecision(Decision.ACCEPT, Journal.State.ABORTED);
    assertThat(firstDecision()).isEqualTo(Decision.LATER);
    assertThat(notices).isEmpty();
  }

  @Test
  void aDamagedStoreFileIsRebuiltFromTheJournal() throws IOException {
    seed();
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    Files.write(db(), garbage);
    try (MapDbInbox inbox = open()) {
      assertThat(inbox.size()).isEqualTo(20);
      assertThat(inbox.find(FIRST).orElseThrow().decision()).isEqualTo(Decision.LATER);
      assertThat(inbox.undo()).contains("later 1 invitation");
    }
    assertThat(notices).anyMatch(n -> n.contains("rebuilt"));
  }

  @Test
  void aMissingStoreFileIsRebuiltFromTheJournal() throws IOException {
    seed();
    Files.delete(db());
    assertThat(firstDecision()).isEqualTo(Decision.LATER);
  }

  @Test
  void aTornLastJournalEntryIsCutOff() throws IOException {
    seed();
    long before = Files.size(journal());
    Files.write(journal(), new byte[] {0, 0, 0, 40, 1, 2, 3}, StandardOpenOption.APPEND);
    assertThat(firstDecision()).isEqualTo(Decision.LATER);
    assertThat(Files.size(journal())).isEqualTo(before);
    assertThat(notices).anyMatch(n -> n.contains("unfinished last entry"));
  }

  @Test
  void aMissingJournalIsStartedAgainFromAWholeStore() throws IOException {
    seed();
    Files.delete(journal());
    assertThat(firstDecision()).isEqualTo(Decision.LATER);
    Files.delete(db());
    assertThat(firstDecision()).isEqualTo(Decision.LATER);
  }

  @Test
  void aFileThatIsNotAStoreIsRefusedUntouched() throws IOException {
    byte[] garbage = "name,url\nnot a store\n".getBytes();
    Files.write(db(), garbage);
    assertThatThrownBy(this::open)
        .isInstanceOf(InvitriageException.class)
        .hasMessageContaining("not an invitriage store")
        .extracting(e -> ((InvitriageException) e).kind()).isEqualTo(InvitriageException.Kind.BAD_INPUT);
    assertThat(Files.readAllBytes(db())).isEqualTo(garbage);
    assertThat(Files.exists(journal())).isFalse();
  }

  /**
   * A kill while MapDB makes a new store's file, after its journal (found by the 20-kill loop):
   * the file is a MapDB file without the store's tables, and the journal rebuilds the store.
   */
  @Test
  void aStoreFileWithoutItsTablesBesideItsJournalIsRebuiltFromTheJournal() throws IOException {
    seed();
    Files.delete(db());
    org.mapdb.DBMaker.fileDB(db().toFile()).transactionEnable().make().close();
    assertThat(firstDecision()).isEqualTo(Decision.LATER);
    assertThat(notices).anyMatch(n -> n.contains("rebuilt") && n.contains("it holds none of its tables"));
  }

  @Test
  void aMapDbFileOfAnotherProgramIsRefusedUntouched() throws IOException {
    try (org.mapdb.DB other = org.mapdb.DBMaker.fileDB(db().toFile()).transactionEnable().make()) {
      other.hashMap("settings").createOrOpen();
      other.commit();
    }
    byte[] before = Files.readAllBytes(db());
    assertThatThrownBy(this::open).hasMessageContaining("not an invitriage store (a MapDB file of some other program)");
    assertThat(Files.readAllBytes(db())).isEqualTo(before);
    assertThat(Files.exists(journal())).isFalse();
  }

  @Test
  void anEmptyFileIsRefusedUntouched() throws IOException {
    Files.createFile(db());
    assertThatThrownBy(this::open).hasMessageContaining("not an invitriage store (the file is empty)");
    assertThat(Files.size(db())).isZero();
  }

  @Test
  void aStoreFromANewerSchemaIsRefusedUntouched() throws IOException {
    seed();
    try (Tables t = Tables.open(db(), false)) {
      t.meta.put(Tables.META_SCHEMA, Tables.SCHEMA_VERSION + 1);
      t.db.commit();
    }
    byte[] before = Files.readAllBytes(db());
    byte[] journalBefore = Files.readAllBytes(journal());
    assertThatThrownBy(this::open).hasMessageContaining("newer than this invitriage");
    assertThat(Files.readAllBytes(db())).isEqualTo(before);
    assertThat(Files.readAllBytes(journal())).isEqualTo(journalBefore);
  }

  @Test
  void aLongJournalIsCompactedOnCloseAndStillRebuildsEverything() throws IOException {
    List<InvitationId> ids = new ArrayList<>();
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(batchOf(0, 40));
      inbox.forEach(e -> ids.add(e.id()));
      for (int i = 0; i <= MapDbInbox.COMPACT_AFTER_CHANGES; i++) {
        inbox.setNote(ids.get(i % ids.size()), "note " + i);
      }
      inbox.decide(ids.subList(0, 5), Decision.IGNORE, NOW);
    }
    try (Journal j = Journal.open(journal())) {
      assertThat(j.changeCount()).isZero();
      assertThat(j.baseSeq()).isGreaterThan(MapDbInbox.COMPACT_AFTER_CHANGES);
    }
    Files.delete(db());
    try (MapDbInbox inbox = open()) {
      assertThat(inbox.size()).isEqualTo(40);
      assertThat(inbox.find(ids.get(0)).orElseThrow().decision()).isEqualTo(Decision.IGNORE);
      assertThat(inbox.find(ids.get(MapDbInbox.COMPACT_AFTER_CHANGES % 40)).orElseThrow().note())
          .isEqualTo("note " + MapDbInbox.COMPACT_AFTER_CHANGES);
      assertThat(inbox.undo()).contains("ignore 5 invitations");
      assertThat(inbox.find(ids.get(0)).orElseThrow().decision()).isEqualTo(Decision.PENDING);
    }
  }
}
