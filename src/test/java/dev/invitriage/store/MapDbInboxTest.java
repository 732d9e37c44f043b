package dev.invitriage.store;

import static dev.invitriage.store.Fixtures.CLASSIFIER;
import static dev.invitriage.store.Fixtures.batch;
import static dev.invitriage.store.Fixtures.batchOf;
import static dev.invitriage.store.Fixtures.incoming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invitriage.domain.Client;
import dev.invitriage.domain.Connection;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.EncodedEntry;
import dev.invitriage.domain.ImportBatch;
import dev.invitriage.domain.ImportResult;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.domain.RestoredTriage;
import dev.invitriage.domain.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapDbInboxTest {
  @TempDir Path dir;
  final List<String> notices = new ArrayList<>();
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  MapDbInbox open() {
    return MapDbInbox.open(dir.resolve("inbox.db"), CLASSIFIER, notices::add);
  }

  static List<InboxEntry> all(MapDbInbox inbox) {
    List<InboxEntry> out = new ArrayList<>();
    inbox.forEach(out::add);
    return out;
  }

  @Test
  void importedInvitationsSurviveReopening() {
    try (MapDbInbox inbox = open()) {
      ImportResult r = inbox.importBatch(batchOf(0, 30));
      assertThat(r.invitationsNew()).isEqualTo(30);
    }
    try (MapDbInbox inbox = open()) {
      assertThat(inbox.size()).isEqualTo(30);
      assertThat(all(inbox)).extracting(e -> e.invitation().fromName()).contains("Sender 0", "Sender 29");
    }
    assertThat(notices).isEmpty();
  }

  /**
   * What an export prints of each row, its texts as stored, is the row as the inbox reads it:
   * texts (several scripts, quotes, line breaks, an emoji), verdict and reason, flags, decision,
   * note, for an incoming and an outgoing invitation, a client's and a template's; and where the
   * store keeps no reasons (schema 2), each note is judged when read, as for the inbox.
   */
  @Test
  void aRowAsAnExportPrintsItIsTheRowAsTheInboxReadsIt() {
    List<Invitation> invitations = new ArrayList<>(batchOf(0, 300).invitations());
    invitations.add(new Invitation(Direction.OUTGOING, "Pat User", "https://www.linkedin.com/in/pat", "Илья \"Ж\" 中文",
        "", java.time.LocalDateTime.of(2024, 2, 29, 23, 59, 59), "=1+1, said we\r\nat the 😀 meetup"));
    for (int i = 0; i < 4; i++) { // the same personal text from four senders: a template
      invitations.add(incoming(400 + i, "Grow your sales with our platform today"));
    }
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(new ImportBatch(List.of("Invitations.csv"), invitations, List.of(), List.of()));
      inbox.setNote(InvitationId.of(incoming(2, "We met at meetup 2")), "met in Lisbon, \"twice\"");
      inbox.decide(List.of(InvitationId.of(incoming(5, "We met at meetup 5"))), Decision.ACCEPT, NOW);
      inbox.addClients(List.of(new Client(0, "Sender 7", "https://www.linkedin.com/in/sender-7", "Acme", "")));
      assertEncodedRowsAgree(inbox);
    }
    try (Tables t = Tables.open(dir.resolve("inbox.db"), false)) {
      t.reasons.clear();
      t.db.commit();
    }
    try (MapDbInbox inbox = open()) {
      assertEncodedRowsAgree(inbox);
    }
  }

  private static void assertEncodedRowsAgree(MapDbInbox inbox) {
    inbox.readingEveryRow();
    List<Verdict> verdicts = new ArrayList<>();
    for (int o = 0; o < inbox.size(); o++) {
      InboxEntry e = inbox.entryAt(o);
      EncodedEntry encoded = inbox.encodedEntryAt(o);
      assertThat(encoded.invitation().decode()).as("row %d", o).isEqualTo(e.invitation());
      assertThat(encoded).as("row %d", o).usingRecursiveComparison().ignoringFields("invitation")
          .isEqualTo(new EncodedEntry(e.id(), null, e.classification(), e.offender(), e.client(), e.connection(),
              e.decision(), e.decidedAt(), e.note()));
      verdicts.add(encoded.classification().verdict());
    }
    assertThat(verdicts).contains(Verdict.PERSONAL, Verdict.DEFAULT, Verdict.EMPTY, Verdict.TEMPLATE);
  }

  @Test
  void aStoreOfTheFirstSchemaIsUpgradedWithASafetyCopyOfItAsItWas() {
    Path db = dir.resolve("inbox.db");
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(batchOf(0, 300));
      inbox.setNote(InvitationId.of(incoming(2, "We met at meetup 2")), "met in Lisbon");
    }
    // What a store written by invitriage before schema 2 holds: no derived tables.
    try (Tables t = Tables.open(db, false)) {
      t.derived.clear();
      t.order.clear();
      t.grams.clear();
      t.connectionHashes.clear();
      t.meta.remove(Tables.META_DERIVED_ROWS);
      t.meta.remove(Tables.META_ORDER_ROWS);
      t.meta.put(Tables.META_SCHEMA, 1L);
      t.db.commit();
    }
    try (MapDbInbox inbox = open()) {
      assertThat(notices).containsExactly(db + ": upgraded from schema 1 to 3; the store as it was is kept in inbox.db.bak");
      assertThat(inbox.size()).isEqualTo(300);
      assertThat(inbox.find(InvitationId.of(incoming(2, "We met at meetup 2"))).orElseThrow().note()).isEqualTo("met in Lisbon");
      assertThat(inbox.textFilter("lisbon").test(2)).isTrue();
    }
    try (Tables bak = Tables.open(dir.resolve("inbox.db.bak"), false)) {
      assertThat(bak.metaLong(Tables.META_SCHEMA, -1)).isEqualTo(1);
      assertThat(bak.metaLong(Tables.META_COUNT, -1)).isEqualTo(300);
    }
    notices.clear();
    try (MapDbInbox inbox = open()) {
      assertThat(notices).isEmpty();
    }
  }

  @Test
  void reimportingAddsOnlyWhatIsNewAndKeepsDecisionsAndNotes() {
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(batchOf(0, 10));
      InvitationId id = InvitationId.of(incoming(2, "We met at meetup 2"));
      inbox.decide(List.of(id), Decision.ACCEPT, NOW);
      inbox.setNote(id, "met in Lisbon");
      ImportResult again = inbox.importBatch(batchOf(5, 10));
      assertThat(again.invitationsNew()).isEqualTo(5);
      assertThat(again.invitationsKnown()).isEqualTo(5);
      InboxEntry e = inbox.find(id).orElseThrow();
      assertThat(e.decision()).isEqualTo(Decision.ACCEPT);
      assertThat(e.note()).isEqualTo("met in Lisbon");
    }
  }

  @Test
  void anImportThatFailsPartWayStoresNothing() throws java.io.IOException {
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(batchOf(0, 5));
      assertThatThrownBy(() -> inbox.importStream(parts -> {
        parts.accept(batchOf(10, 300));
        parts.accept(batchOf(400, 300));
        throw InvitriageException.badInput("Invitations.csv:700: unterminated quoted field");
      })).hasMessageContaining("unterminated");
      assertThat(inbox.size()).isEqualTo(5);
      assertThat(inbox.importBatch(batchOf(10, 2)).invitationsNew()).isEqualTo(2);
    }
    try (Journal j = Journal.open(dir.resolve("inbox.db.journal"))) {
      assertThat(j.refs()).as("the aborted import's parts are cut off the journal")
          .noneMatch(r -> r.state() == Journal.State.ABORTED);
    }
    try (MapDbInbox inbox = open()) {
      assertThat(inbox.size()).isEqualTo(7);
      assertThat(all(inbox)).extracting(e -> e.invitation().fromName()).doesNotContain("Sender 400", "Sender 12");
    }
    assertThat(dir.resolve("inbox.db.import")).as("the copy the failed import wrote into").doesNotExist();
  }

  /**
   * An import that fails while a part is stored, the file being read still holding many parts:
   * the reading thread stops too, nothing is stored, and the store takes the next import.
   */
  @Test
  void anImportFailingWhileStoringStopsItsReaderAndStoresNothing() throws Exception {
    Path db = dir.resolve("inbox.db");
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(batchOf(0, 5));
    }
    Faults faults = Faults.failing(Faults.Kind.WRITE, 40);
    java.util.concurrent.atomic.AtomicInteger produced = new java.util.concurrent.atomic.AtomicInteger();
    try (MapDbInbox inbox = MapDbInbox.open(db, CLASSIFIER, notices::add, faults.io())) {
      assertThatThrownBy(() -> inbox.importStream(parts -> {
        for (int from = 100; from < 100_000; from += 200) {
          parts.accept(batchOf(from, 200));
          produced.incrementAndGet();
        }
        return List.of("Invitations.csv");
      })).isInstanceOf(InvitriageException.class).hasMessageContaining("injected");
    }
    assertThat(faults.fired()).isNotNull();
    for (int i = 0; i < 100 && Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("import-read")); i++) {
      Thread.sleep(20);
    }
    assertThat(Thread.getAllStackTraces().keySet()).as("threads left running").noneMatch(t -> t.getName().equals("import-read"));
    assertThat(produced.get()).as("parts read before the reader stopped").isLessThan(499);
    try (MapDbInbox inbox = open()) {
      assertThat(inbox.size()).isEqualTo(5);
      assertThat(inbox.importBatch(batchOf(5, 3)).invitationsNew()).isEqualTo(3);
    }
  }

  /** A kill after the journal confirmed an import, before its copy took the store's place. */
  @Test
  void anImportConfirmedByTheJournalIsReplayedWhenItsCopyNeverTookTheStoresPlace() throws java.io.IOException {
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(batchOf(0, 5));
      inbox.importBatch(batchOf(5, 300));
    }
    // The store file as it was before the second import: its safety copy holds exactly those bytes.
    java.nio.file.Files.copy(dir.resolve("inbox.db.bak"), dir.resolve("inbox.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (MapDbInbox inbox = open()) {
      assertThat(inbox.size()).isEqualTo(305);
      assertThat(all(inbox)).extracting(e -> e.invitation().fromName()).contains("Sender 4", "Sender 304");
    }
    assertThat(notices).singleElement().asString().contains("replayed");
  }

  /** A kill while an import wrote its copy: the journal never confirmed it, so it is not the store. */
  @Test
  void aCopyLeftByAnUnfinishedImportIsDeletedAndNeverUsed() throws java.io.IOException {
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(batchOf(0, 5));
    }
    java.nio.file.Files.write(dir.resolve("inbox.db.import"), new byte[] {0x4A, 0x03, 1, 2, 3});
    try (MapDbInbox inbox = open()) {
      assertThat(inbox.size()).isEqualTo(5);
    }
    assertThat(dir.resolve("inbox.db.import")).doesNotExist();
    assertThat(notices).isEmpty();
  }

  @Test
  void anImportInManyPartsCountsAcrossParts() {
    try (MapDbInbox inbox = open()) {
      ImportResult r = inbox.importStream(parts -> {
        parts.accept(batchOf(0, 300));
        parts.accept(batchOf(250, 300));
        return List.of("a.csv");
      });
      assertThat(r.invitationsNew()).isEqualTo(550);
      assertThat(r.invitationsRead()).isEqualTo(550);
      assertThat(inbox.importBatch(batchOf(0, 600)).invitationsKnown()).isEqualTo(550);
    }
  }

  @Test
  void eachImportKeepsTheStoreAsItWasBeforeAsASafetyCopy() {
    InvitationId id = InvitationId.of(incoming(1, "default text"));
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(batchOf(0, 3));
      inbox.decide(List.of(id), Decision.ACCEPT, NOW);
      inbox.importBatch(batchOf(3, 4));
    }
    try (MapDbInbox copy = MapDbInbox.open(dir.resolve("inbox.db.bak"), CLASSIFIER, notices::add)) {
      assertThat(copy.size()).isEqualTo(3);
      assertThat(copy.find(id).orElseThrow().decision()).isEqualTo(Decision.ACCEPT);
    }
  }

  @Test
  void duplicateRowsInOneImportCountOnce() {
    try (MapDbInbox inbox = open()) {
      ImportResult r = inbox.importBatch(batch(incoming(1, "x"), incoming(1, "x")));
      assertThat(r.invitationsRead()).isEqualTo(1);
      assertThat(inbox.size()).isEqualTo(1);
    }
  }

  /**
   * The inbox and the server read their records by copying them from the file: the same entries
   * as through the mapping, records past MapDB's 64 KB (read in pieces) too, and a change made
   * through the mapping is read back at once and kept.
   */
  @Test
  void aLongLivedInboxReadsAndChangesTheStoreAsAnyOther() {
    List<Invitation> invitations = new ArrayList<>();
    for (int n = 0; n < 600; n++) {
      invitations.add(incoming(n, "We met at the meetup about compilers, number " + n + ". " + "x".repeat(300)));
    }
    InvitationId id = InvitationId.of(invitations.get(7));
    List<String> mapped;
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(batch(invitations.toArray(Invitation[]::new)));
      mapped = all(inbox).stream().map(MapDbInboxTest::shown).toList();
    }
    try (MapDbInbox inbox = MapDbInbox.openLongLived(dir.resolve("inbox.db"), CLASSIFIER, notices::add)) {
      assertThat(all(inbox).stream().map(MapDbInboxTest::shown).toList()).isEqualTo(mapped).hasSize(600);
      inbox.decide(List.of(id), Decision.IGNORE, NOW);
      assertThat(inbox.find(id).orElseThrow().decision()).isEqualTo(Decision.IGNORE);
    }
    try (MapDbInbox inbox = open()) {
      assertThat(inbox.find(id).orElseThrow().decision()).isEqualTo(Decision.IGNORE);
    }
    assertThat(notices).isEmpty();
  }

  private static String shown(InboxEntry e) {
    return String.join("|", e.id().hex(), e.invitation().toString(), e.verdict().name(), e.decision().name(), e.note());
  }

  @Test
  void decisionUndoAndRedoAreDurable() {
    InvitationId id = InvitationId.of(incoming(1, "default text"));
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(batchOf(0, 3));
      inbox.decide(List.of(id), Decision.IGNORE, NOW);
    }
    try (MapDbInbox inbox = open()) {
      assertThat(inbox.find(id).orElseThrow().decision()).isEqualTo(Decision.IGNORE);
      assertThat(inbox.find(id).orElseThrow().decidedAt()).isEqualTo(NOW);
      assertThat(inbox.undo()).contains("ignore 1 invitation");
    }
    try (MapDbInbox inbox = open()) {
      assertThat(inbox.find(id).orElseThrow().decision()).isEqualTo(Decision.PENDING);
      assertThat(inbox.redo()).isPresent();
    }
    try (MapDbInbox inbox = open()) {
      assertThat(inbox.find(id).orElseThrow().decision()).isEqualTo(Decision.IGNORE);
      assertThat(inbox.redo()).isEmpty();
    }
  }

  @Test
  void undoRevertsNotesAndClientEditsToo() {
    InvitationId id = InvitationId.of(incoming(1, "default text"));
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(batchOf(0, 3));
      inbox.setNote(id, "first");
      inbox.setNote(id, "second");
      Client c = inbox.addClients(List.of(new Client(0, "Ana Client", "", "Acme", ""))).get(0);
      inbox.updateClient(new Client(c.id(), "Ana Client", "", "Acme Corp", ""));
      inbox.undo();
      assertThat(inbox.clients()).extracting(Client::company).containsExactly("Acme");
      inbox.undo();
      assertThat(inbox.clients()).isEmpty();
      inbox.undo();
      assertThat(inbox.find(id).orElseThrow().note()).isEqualTo("first");
    }
  }

  @Test
  void aNewChangeClearsRedo() {
    InvitationId id = InvitationId.of(incoming(1, "default text"));
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(batchOf(0, 3));
      inbox.decide(List.of(id), Decision.ACCEPT, NOW);
      inbox.undo();
      inbox.decide(List.of(id), Decision.LATER, NOW);
      assertThat(inbox.redo()).isEmpty();
    }
  }

  @Test
  void offendersAreIncomingNonPersonalAndNeverClients() {
    Invitation empty = incoming(1, "");
    Invitation def = incoming(2, "a default text");
    Invitation personal = incoming(3, "We met in Porto");
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(batch(empty, def, personal));
      assertThat(inbox.find(InvitationId.of(empty)).orElseThrow().offender()).isTrue();
      assertThat(inbox.find(InvitationId.of(def)).orElseThrow().offender()).isTrue();
      assertThat(inbox.find(InvitationId.of(personal)).orElseThrow().offender()).isFalse();
      inbox.addClients(List.of(new Client(0, "Someone", "http://linkedin.com/in/Sender-2/", "", "")));
      InboxEntry fromClient = inbox.find(InvitationId.of(def)).orElseThrow();
      assertThat(fromClient.client()).isTrue();
      assertThat(fromClient.offender()).isFalse();
      assertThat(fromClient.verdict()).isEqualTo(Verdict.DEFAULT);
    }
  }

  @Test
  void sameTextFromThreeDifferentSendersIsATemplate() {
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(batch(incoming(1, "Grow your career with Acme"), incoming(2, "Grow your career with Acme")));
      assertThat(inbox.find(InvitationId.of(incoming(1, "Grow your career with Acme"))).orElseThrow().verdict())
          .isEqualTo(Verdict.PERSONAL);
      inbox.importBatch(batch(incoming(3, "grow your career with acme ")));
      InboxEntry e = inbox.find(InvitationId.of(incoming(1, "Grow your career with Acme"))).orElseThrow();
      assertThat(e.verdict()).isEqualTo(Verdict.TEMPLATE);
      assertThat(e.classification().reason()).contains("3 or more different senders");
      assertThat(e.offender()).isTrue();
    }
  }

  @Test
  void connectionsMarkInvitationsByUrlAndByUniqueNameOnly() {
    Invitation byUrl = incoming(1, "");
    Invitation byName = new Invitation(Direction.INCOMING, "Bo  Nameonly", "", "Pat", "", incoming(2, "").sentAt(), "");
    Invitation ambiguous = new Invitation(Direction.INCOMING, "Twin Name", "", "Pat", "", incoming(3, "").sentAt(), "");
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(batch(byUrl, byName, ambiguous));
      inbox.importBatch(Fixtures.connections(
          new Connection("X", "Y", "https://www.linkedin.com/in/sender-1/", "", "", "", null),
          new Connection("bo", "nameonly", "", "", "", "", null),
          new Connection("Twin", "Name", "", "", "", "", java.time.LocalDate.of(2024, 1, 1)),
          new Connection("Twin", "Name", "", "", "", "", java.time.LocalDate.of(2024, 2, 1))));
      assertThat(inbox.find(InvitationId.of(byUrl)).orElseThrow().connection()).isTrue();
      assertThat(inbox.find(InvitationId.of(byName)).orElseThrow().connection()).isTrue();
      assertThat(inbox.find(InvitationId.of(ambiguous)).orElseThrow().connection()).isFalse();
    }
  }

  /**
   * An import long enough to write out its full chunks' search filters and reasons before it
   * ends (64 chunks at a time) keeps every one: each row's words, a restored note's among them,
   * pass its chunk's filter and no other's, and each reason reads back, before and after reopening.
   */
  @Test
  void anImportThatWritesOutFullChunksAsItGoesKeepsEverySearchFilterAndReason() {
    int rows = 2 * 64 * Chunks.SIZE + 300; // two batches written out while importing, and a part
    List<RestoredTriage> restored = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      restored.add(new RestoredTriage(incoming(i, i % 2 == 0 ? "" : "We met at meetup " + word(i)), Decision.PENDING, null,
          i % 97 == 0 ? "note " + word(i + rows) : "", false, false));
    }
    List<String> reasons = new ArrayList<>();
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(new ImportBatch(List.of("export.csv"), List.of(), List.of(), restored));
      assertThat(inbox.size()).isEqualTo(rows);
      for (int o = 0; o < rows; o++) {
        reasons.add(inbox.entryAt(o).judgement().classification().toString());
      }
      assertEverySearchFilterHoldsItsRows(inbox, rows);
    }
    try (MapDbInbox inbox = open()) {
      assertEverySearchFilterHoldsItsRows(inbox, rows);
      for (int o = 0; o < rows; o++) {
        assertThat(inbox.entryAt(o).judgement().classification().toString()).as("reason of row %d", o).isEqualTo(reasons.get(o));
      }
    }
  }

  /** A word of its own for each number, in letters only (filters index the text's characters). */
  private static String word(int n) {
    StringBuilder b = new StringBuilder("zq");
    for (int k = 0; k < 4; k++, n /= 26) {
      b.append((char) ('a' + n % 26));
    }
    return b.toString();
  }

  private static void assertEverySearchFilterHoldsItsRows(MapDbInbox inbox, int rows) {
    for (int o = 0; o < rows; o++) {
      InboxEntry e = inbox.entryAt(o);
      int i = Integer.parseInt(e.invitation().fromName().substring("Sender ".length()));
      if (i % 2 == 1) {
        assertThat(inbox.textFilter(word(i)).test(o)).as("the message of row %d", o).isTrue();
      }
      if (i % 97 == 0) {
        assertThat(e.note()).isEqualTo("note " + word(i + rows));
        assertThat(inbox.textFilter(word(i + rows)).test(o)).as("the note of row %d", o).isTrue();
      }
    }
    // Not every chunk lets everything through: a word no row holds is kept out of most.
    java.util.function.IntPredicate absent = inbox.textFilter("qjxvkw");
    assertThat(java.util.stream.IntStream.range(0, rows).filter(absent).count()).isLessThan(rows / 10);
  }

  @Test
  void restoredTriageFromAnExportFillsOnlyWhatIsUnset() {
    Invitation inv = incoming(1, "hello there");
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(new ImportBatch(List.of("export.csv"), List.of(), List.of(), List.of(
          new RestoredTriage(inv, Decision.ACCEPT, NOW, "from export", true, true))));
      InboxEntry e = inbox.find(InvitationId.of(inv)).orElseThrow();
      assertThat(e.decision()).isEqualTo(Decision.ACCEPT);
      assertThat(e.note()).isEqualTo("from export");
      assertThat(e.client()).isTrue();
      assertThat(e.connection()).isTrue();
      inbox.importBatch(new ImportBatch(List.of("export.csv"), List.of(), List.of(), List.of(
          new RestoredTriage(inv, Decision.IGNORE, NOW, "other", true, true))));
      assertThat(inbox.clients()).hasSize(1);
      assertThat(inbox.find(InvitationId.of(inv)).orElseThrow().note()).isEqualTo("from export");
    }
  }

  @Test
  void idsAreAbbreviatedToAtLeastEightDigitsAndResolvedByPrefix() {
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(batchOf(0, 50));
      for (InboxEntry e : all(inbox)) {
        assertThat(e.abbrev()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(e.id().hex()).startsWith(e.abbrev());
        assertThat(inbox.idsWithPrefix(e.abbrev())).containsExactly(e.id());
        assertThat(inbox.idsWithPrefix(e.abbrev().toUpperCase())).containsExactly(e.id());
      }
      assertThat(inbox.idsWithPrefix("")).hasSize(50);
    }
  }

  @Test
  void decidingAnUnknownIdChangesNothing() {
    try (MapDbInbox inbox = open()) {
      inbox.importBatch(batchOf(0, 2));
      InvitationId unknown = InvitationId.of(incoming(99, ""));
      assertThatThrownBy(() -> inbox.decide(List.of(unknown), Decision.ACCEPT, NOW))
          .isInstanceOf(InvitriageException.class).hasMessageContaining("no invitation");
      assertThat(inbox.undo()).isEmpty();
    }
  }

  @Test
  void aSecondOpenOfTheSameStoreIsRefusedAsInUse() {
    try (MapDbInbox inbox = open()) {
      assertThatThrownBy(this::open)
          .isInstanceOf(InvitriageException.class)
          .hasMessageEndingWith("is in use by another invitriage process")
          .extracting(e -> ((InvitriageException) e).kind()).isEqualTo(InvitriageException.Kind.IN_USE);
    }
    open().close();
  }
}
