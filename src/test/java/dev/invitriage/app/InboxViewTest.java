package dev.invitriage.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.classify.Classifier;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.FacetFlags;
import dev.invitriage.domain.FacetTable;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Views and counts kept up to date after a decision agree with ones built afresh, on a real store. */
class InboxViewTest {
  static final Path SAMPLE = Path.of("sample-data");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  App openSample() {
    Path store = dir.resolve("inbox.db");
    App app = App.open(store, new PhraseBook(dir.resolve("no-phrases.txt")), CLOCK, notice -> { });
    app.importFiles(List.of(SAMPLE), false, s -> { });
    app.importClients(SAMPLE.resolve("clients.csv"), false);
    return app;
  }

  static Stream<Arguments> viewsAndSorts() {
    List<Arguments> out = new ArrayList<>();
    for (View v : View.values()) {
      for (SortOrder s : SortOrder.values()) {
        out.add(Arguments.of(v, s));
      }
    }
    return out.stream();
  }

  /** Same rows in the same order with the same decisions and the same entries. */
  static void assertSameView(InboxView kept, InboxView fresh) {
    assertThat(kept.size()).isEqualTo(fresh.size());
    for (int row = 0; row < fresh.size(); row++) {
      assertThat(kept.ordinal(row)).as("row %d", row).isEqualTo(fresh.ordinal(row));
      assertThat(kept.decision(row)).as("decision of row %d", row).isEqualTo(fresh.decision(row));
      assertThat(kept.direction(row)).isEqualTo(fresh.direction(row));
      assertThat(kept.get(row)).as("entry of row %d", row).isEqualTo(fresh.get(row));
    }
  }

  static void assertSameCounts(Stats kept, Stats fresh) {
    assertThat(kept.total()).isEqualTo(fresh.total());
    assertThat(kept.offenders()).isEqualTo(fresh.offenders());
    assertThat(kept.clients()).isEqualTo(fresh.clients());
    assertThat(kept.connections()).isEqualTo(fresh.connections());
    assertThat(kept.withNotes()).isEqualTo(fresh.withNotes());
    for (Decision d : Decision.values()) {
      assertThat(kept.decision(d)).as("%s", d).isEqualTo(fresh.decision(d));
    }
    for (Verdict v : Verdict.values()) {
      assertThat(kept.verdict(v)).as("%s", v).isEqualTo(fresh.verdict(v));
    }
    for (Direction d : Direction.values()) {
      assertThat(kept.direction(d)).as("%s", d).isEqualTo(fresh.direction(d));
    }
  }

  /** A row's verdict comes from the stored flags and its reason on first use: both are the classifier's. */
  @Test
  void everyRowsVerdictAndReasonAreTheClassifiersOwn() {
    try (App app = openSample()) {
      Classifier classifier = Classifier.create(List.of());
      InboxView all = app.view(View.ALL, SortOrder.DATE);
      int judged = 0;
      for (int row = 0; row < all.size(); row++) {
        InboxEntry e = all.get(row);
        if (e.verdict() != Verdict.TEMPLATE) {
          assertThat(e.classification()).as("row %d", row)
              .isEqualTo(classifier.classify(e.invitation().message(), e.invitation().fromName()));
          judged++;
        }
      }
      assertThat(judged).isGreaterThan(all.size() / 2);
    }
  }

  /**
   * Each sort order as its definition says, computed the plain way: the view's rows newest first,
   * then a stable sort by verdict (offenders first: empty, default, template, then personal) or
   * by name key (unsigned) keeping the newest first among equal keys.
   */
  @ParameterizedTest
  @MethodSource("viewsAndSorts")
  void aViewHoldsExactlyItsRowsInItsOrder(View view, SortOrder sort) {
    try (App app = openSample()) {
      app.decide(List.of(app.view(View.ALL, SortOrder.DATE).get(0).id()), Decision.ACCEPT);
      FacetTable t = app.inbox().facets();
      List<Integer> expected = new ArrayList<>();
      for (int o : t.newestFirst()) {
        if (view.contains(t, o)) {
          expected.add(o);
        }
      }
      List<Verdict> verdictOrder = List.of(Verdict.EMPTY, Verdict.DEFAULT, Verdict.GENERIC, Verdict.TEMPLATE,
          Verdict.PERSONAL);
      if (sort == SortOrder.VERDICT) {
        expected.sort(Comparator.comparingInt(o -> verdictOrder.indexOf(t.verdict(o))));
      } else if (sort == SortOrder.NAME) {
        expected.sort((a, b) -> Long.compareUnsigned(t.nameKey(a), t.nameKey(b)));
      }
      InboxView rows = app.view(view, sort);
      List<Integer> got = new ArrayList<>();
      for (int row = 0; row < rows.size(); row++) {
        got.add(rows.ordinal(row));
      }
      assertThat(got).isEqualTo(expected);
      if (view == View.ALL) {
        assertThat(got).hasSize(t.size());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("viewsAndSorts")
  void aViewKeptThroughDecisionsIsTheViewBuiltAfterThem(View view, SortOrder sort) {
    try (App app = openSample()) {
      InboxView rows = app.view(view, sort);
      Stats stats = app.stats();
      Random random = new Random(view.ordinal() * 31L + sort.ordinal());
      // Reads some rows first, so kept entries must be dropped where a decision made them stale.
      for (int row = 0; row < Math.min(10, rows.size()); row++) {
        rows.get(row);
      }
      for (int step = 0; step < 15 && rows.size() > 0; step++) {
        int row = random.nextInt(rows.size());
        Decision d = Decision.values()[random.nextInt(Decision.values().length)];
        InvitationId id = rows.get(row).id();
        Decision before = rows.decision(row);
        Direction direction = rows.direction(row);
        app.decide(List.of(id), d);
        rows = rows.afterDecision(row, d);
        stats = stats.withDecision(direction, before, d);
        assertSameView(rows, app.view(view, sort));
        assertSameCounts(stats, app.stats());
      }
    }
  }

  @Test
  void statsCountedByGroupsOfEqualFactsEqualACountOfEveryInvitation() {
    try (App app = openSample()) {
      InboxView all = app.view(View.ALL, SortOrder.DATE);
      Decision[] decisions = Decision.values();
      for (int row = 0; row < all.size(); row += 3) {
        app.decide(List.of(all.get(row).id()), decisions[row % decisions.length]);
      }
      FacetTable t = app.inbox().facets();
      // The facet table counts one invitation at a time (FacetFlags' own forEachGroup).
      FacetFlags oneByOne = new FacetFlags() {
        @Override public int size() { return t.size(); }
        @Override public Direction direction(int o) { return t.direction(o); }
        @Override public Verdict verdict(int o) { return t.verdict(o); }
        @Override public Decision decision(int o) { return t.decision(o); }
        @Override public boolean client(int o) { return t.client(o); }
        @Override public boolean connection(int o) { return t.connection(o); }
        @Override public boolean hasNote(int o) { return t.hasNote(o); }
      };
      Stats counted = Stats.of(oneByOne);
      assertThat(counted.decision(Decision.PENDING)).isLessThan(counted.direction(Direction.INCOMING));
      assertThat(counted.clients()).isPositive();
      assertSameCounts(app.stats(), counted);
    }
  }

  /**
   * The reasons are stored as the notes are judged: a store opened afresh shows every reason at
   * once, without making the classifier, and each is the one the classifier gives.
   */
  @Test
  void aStoreOpenedAfreshHasEveryReasonWithoutJudgingAgain() {
    openSample().close();
    Classifier classifier = Classifier.create(List.of());
    try (App app = App.open(dir.resolve("inbox.db"), new PhraseBook(dir.resolve("no-phrases.txt")), CLOCK, notice -> { })) {
      InboxView all = app.view(View.ALL, SortOrder.DATE);
      int judged = 0;
      for (int row = 0; row < all.size(); row++) {
        InboxEntry e = all.get(row);
        assertThat(e.reasonIfReady()).as("row %d", row).isNotNull();
        if (e.verdict() != Verdict.TEMPLATE) {
          assertThat(e.reasonIfReady()).as("row %d", row)
              .isEqualTo(classifier.classify(e.invitation().message(), e.invitation().fromName(), e.invitation().toName()).reason());
          judged++;
        }
      }
      assertThat(judged).isGreaterThan(all.size() / 2);
    }
  }

  @Test
  void aDecisionThatKeepsTheRowShowsTheNewDecisionInItsEntry() {
    try (App app = openSample()) {
      InboxView all = app.view(View.ALL, SortOrder.DATE);
      assertThat(all.get(3).decision()).isEqualTo(Decision.PENDING);
      app.decide(List.of(all.get(3).id()), Decision.LATER);
      InboxView after = all.afterDecision(3, Decision.LATER);
      assertThat(after.size()).isEqualTo(all.size());
      assertThat(after.get(3).decision()).isEqualTo(Decision.LATER);
      assertThat(after.decision(3)).isEqualTo(Decision.LATER);
      // The view it came from stays as it was made.
      assertThat(all.decision(3)).isEqualTo(Decision.PENDING);
    }
  }

  @Test
  void aDecisionThatTakesTheRowOutOfTheViewRemovesJustThatRow() {
    try (App app = openSample()) {
      InboxView pending = app.view(View.PENDING, SortOrder.DATE);
      InvitationId next = pending.get(6).id();
      app.decide(List.of(pending.get(5).id()), Decision.ACCEPT);
      InboxView after = pending.afterDecision(5, Decision.ACCEPT);
      assertThat(after.size()).isEqualTo(pending.size() - 1);
      assertThat(after.get(5).id()).isEqualTo(next);
      assertThat(after.indexOf(next)).isEqualTo(5);
    }
  }

  @Test
  void searchingAViewKeptThroughDecisionsSkipsTheRowsItLost() {
    try (App app = openSample()) {
      InboxView pending = app.view(View.PENDING, SortOrder.DATE);
      int hannah = pending.find("hannah", -1, true);
      assertThat(hannah).isGreaterThan(0);
      InvitationId id = pending.get(hannah).id();
      app.decide(List.of(pending.get(0).id()), Decision.IGNORE);
      InboxView after = pending.afterDecision(0, Decision.IGNORE);
      assertThat(after.find("hannah", -1, true)).isEqualTo(hannah - 1);
      assertThat(after.get(hannah - 1).id()).isEqualTo(id);
    }
  }

  /** A generated export of {@code n} incoming invitations with distinct senders and times. */
  static Path generated(Path dir, int n) throws IOException {
    StringBuilder csv = new StringBuilder("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n");
    for (int i = 0; i < n; i++) {
      int day = 1 + i % 28;
      int month = 1 + (i / 28) % 12;
      int minute = i % 60;
      csv.append("Sender ").append(i).append(",Me,\"").append(month).append('/').append(day).append("/25, 9:")
          .append(minute < 10 ? "0" : "").append(minute).append(" AM\",Hello number ").append(i)
          .append(" - we met at the meetup,INCOMING,https://www.linkedin.com/in/sender-").append(i)
          .append(",https://www.linkedin.com/in/me\n");
    }
    Path file = dir.resolve("export").resolve("Invitations.csv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    return file.getParent();
  }

  @Test
  void aViewThatLostMoreRowsThanItKeepsApartIsStillTheFreshView() throws IOException {
    Path store = dir.resolve("big.db");
    try (App app = App.open(store, new PhraseBook(dir.resolve("no-phrases.txt")), CLOCK, notice -> { })) {
      app.importFiles(List.of(generated(dir, InboxView.MAX_GONE + 300)), false, s -> { });
      InboxView rows = app.view(View.PENDING, SortOrder.NAME);
      Random random = new Random(7);
      int decisions = InboxView.MAX_GONE + 100;
      for (int i = 1; i <= decisions; i++) {
        int row = random.nextInt(rows.size());
        app.decide(List.of(rows.get(row).id()), Decision.IGNORE);
        rows = rows.afterDecision(row, Decision.IGNORE);
        if (i % 250 == 0 || i == InboxView.MAX_GONE || i == InboxView.MAX_GONE + 1 || i == decisions) {
          assertSameView(rows, app.view(View.PENDING, SortOrder.NAME));
        }
      }
      assertThat(rows.size()).isEqualTo(200);
    }
  }
}
