package dev.invitriage.store;

import static dev.invitriage.store.Fixtures.CLASSIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.domain.Client;
import dev.invitriage.domain.Connection;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.FacetFlags;
import dev.invitriage.domain.ImportBatch;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * The derived facts the store keeps so that it need not derive them on every open — each
 * invitation's flags (template, client, connection, note) and each connection's hashes — must
 * always equal what deriving them afresh gives. A stale flag would show a personal note as an
 * offender, or a client in red: after random imports, client edits, notes, undo and redo, the
 * store reopened, and reopened again with every derived table wiped, must show the same inbox as
 * the session that made it, in the same order, and its search filters must let every row's text
 * through.
 */
class DerivedFactsProperties {
  private Path dir;

  @BeforeTry
  void makeDir() throws IOException {
    dir = Files.createTempDirectory("derived-facts");
  }

  @AfterTry
  void removeDir() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  sealed interface Op {}

  /** Invitations from senders of a small pool, so clients, connections and templates collide. */
  record Import(List<Integer> senders, int message) implements Op {}

  record Connect(int sender, boolean byUrl) implements Op {}

  record AddClient(int sender, boolean byUrl) implements Op {}

  record RemoveClient(int which) implements Op {}

  record Note(int which, boolean set) implements Op {}

  record Undo() implements Op {}

  record Redo() implements Op {}

  static final int SENDERS = 8;
  static final List<String> MESSAGES = List.of("", "default text", "Same template text for everyone", "We met at the meetup");

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<Integer> sender = Arbitraries.integers().between(0, SENDERS - 1);
    Arbitrary<Op> op = Arbitraries.oneOf(
        sender.list().ofMinSize(1).ofMaxSize(6).flatMap(s -> Arbitraries.integers().between(0, MESSAGES.size() - 1).map(m -> new Import(s, m))),
        Arbitraries.integers().between(0, SENDERS - 1).flatMap(s -> Arbitraries.of(true, false).map(u -> new Connect(s, u))),
        Arbitraries.integers().between(0, SENDERS - 1).flatMap(s -> Arbitraries.of(true, false).map(u -> new AddClient(s, u))),
        Arbitraries.integers().between(0, 5).map(RemoveClient::new),
        Arbitraries.integers().between(0, 40).flatMap(w -> Arbitraries.of(true, false).map(s -> new Note(w, s))),
        Arbitraries.just(new Undo()),
        Arbitraries.just(new Redo()));
    return op.list().ofMinSize(1).ofMaxSize(14);
  }

  @Property(tries = 40)
  void storedFactsAlwaysEqualFreshlyDerivedOnes(@ForAll("operations") List<Op> ops) {
    Path db = dir.resolve("inbox.db");
    List<String> seen;
    try (MapDbInbox inbox = MapDbInbox.open(db, CLASSIFIER, n -> { })) {
      int stamp = 0;
      for (Op op : ops) {
        apply(inbox, op, stamp++);
      }
      seen = describe(inbox);
    }
    try (MapDbInbox inbox = MapDbInbox.open(db, CLASSIFIER, n -> { })) {
      assertThat(describe(inbox)).as("reopened").isEqualTo(seen);
    }
    wipeDerivedTables(db);
    try (MapDbInbox inbox = MapDbInbox.open(db, CLASSIFIER, n -> { })) {
      assertThat(describe(inbox)).as("derived afresh").isEqualTo(seen);
    }
  }

  private static void apply(MapDbInbox inbox, Op op, int stamp) {
    if (op instanceof Import i) {
      List<Invitation> invitations = new ArrayList<>();
      for (int s : i.senders()) {
        invitations.add(invitation(s, MESSAGES.get(i.message()), stamp));
      }
      inbox.importBatch(new ImportBatch(List.of("Invitations.csv"), invitations, List.of(), List.of()));
    } else if (op instanceof Connect c) {
      Connection connection = new Connection("Sender", String.valueOf(c.sender()), c.byUrl() ? url(c.sender()) : "", "",
          "Acme " + c.sender(), "Engineer", LocalDate.of(2024, 1, 1 + c.sender()));
      inbox.importBatch(new ImportBatch(List.of("Connections.csv"), List.of(), List.of(connection), List.of()));
    } else if (op instanceof AddClient a) {
      inbox.addClients(List.of(new Client(0, "Sender " + a.sender(), a.byUrl() ? url(a.sender()) : "", "Client Co", "")));
    } else if (op instanceof RemoveClient r) {
      List<Client> clients = inbox.clients();
      if (!clients.isEmpty()) {
        inbox.removeClient(clients.get(r.which() % clients.size()).id());
      }
    } else if (op instanceof Note n) {
      if (inbox.size() > 0) {
        inbox.setNote(inbox.entryAt(n.which() % inbox.size()).id(), n.set() ? "context " + n.which() : "");
      }
    } else if (op instanceof Undo) {
      inbox.undo();
    } else if (op instanceof Redo) {
      inbox.redo();
    }
  }

  /** Even senders send with their profile URL, odd ones without (matched by name alone). */
  private static Invitation invitation(int sender, String message, int stamp) {
    return new Invitation(Direction.INCOMING, "Sender " + sender, sender % 2 == 0 ? url(sender) : "",
        "Pat User", "https://www.linkedin.com/in/pat", LocalDateTime.of(2025, 1, 1, 9, 0).plusMinutes(stamp * 10L + sender), message);
  }

  private static String url(int sender) {
    return "https://www.linkedin.com/in/sender-" + sender;
  }

  /** Everything a user sees of each invitation that the derived facts decide. */
  private static List<String> describe(MapDbInbox inbox) {
    FacetFlags flags = inbox.flags();
    List<String> out = new ArrayList<>();
    for (int o = 0; o < inbox.size(); o++) {
      InboxEntry e = inbox.entryAt(o);
      Verdict v = flags.verdict(o);
      assertThat(flags.offender(o)).as("row %d: the flags and the row agree", o).isEqualTo(e.offender());
      out.add(o + " " + v + " offender=" + flags.offender(o) + " client=" + flags.client(o) + " connection=" + flags.connection(o)
          + " note=" + flags.hasNote(o) + " headline=" + e.headline() + " reason=" + e.classification().reason());
      for (String text : List.of(e.invitation().counterpartName(), e.invitation().message(), e.note())) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        assertThat(inbox.textFilter(lower).test(o)).as("row %d: the search filter lets '%s' through", o, lower).isTrue();
      }
    }
    out.add("newest first " + java.util.Arrays.toString(inbox.facets().newestFirst()));
    return out;
  }

  /** Removes every derived table's contents, as a store made before they existed would be. */
  private static void wipeDerivedTables(Path db) {
    try (Tables t = Tables.open(db, false)) {
      t.derived.clear();
      t.connectionHashes.clear();
      t.order.clear();
      t.grams.clear();
      t.meta.remove(Tables.META_DERIVED_ROWS);
      t.meta.remove(Tables.META_ORDER_ROWS);
      t.db.commit();
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException("cannot wipe the derived tables of " + db, e));
    }
  }
}
