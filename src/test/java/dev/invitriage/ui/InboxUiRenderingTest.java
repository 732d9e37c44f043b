package dev.invitriage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import dev.invitriage.app.App;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the screen looks like: layout at every size, colours, and hostile text drawn safely. */
class InboxUiRenderingTest {
  static final String HEADER = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n";
  static final String HOSTILE = "Hi \u001b]52;c;aGk=\u0007 there \u001b[2J \u009b31m \u202eevil\u202c\r\nsecond line";

  @TempDir Path dir;

  Path sampleStore() {
    Path store = dir.resolve("inbox.db");
    UiDriver.importSample(store);
    return store;
  }

  Path hostileStore() throws Exception {
    Path csv = dir.resolve("Invitations.csv");
    String longMessage = "long ".repeat(1000);
    Files.writeString(csv, HEADER
        + "\"Evil \u001b[31mName\u0007\",Pat User,\"11/20/26, 8:56 PM\",\"" + HOSTILE + "\",INCOMING,https://www.linkedin.com/in/evil,https://www.linkedin.com/in/pat\n"
        + "王小明 😀👨‍👩‍👧,Pat User,\"11/19/26, 8:56 PM\",你好，我们在会议上见过 🎉 emoji ✅,INCOMING,https://www.linkedin.com/in/wang,https://www.linkedin.com/in/pat\n"
        + "Long Writer,Pat User,\"11/18/26, 8:56 PM\"," + longMessage + ",INCOMING,https://www.linkedin.com/in/long,https://www.linkedin.com/in/pat\n"
        + "\u202eBidi Name,Pat User,\"11/17/26, 8:56 PM\",\"e\u0301 combining \u0300start\",INCOMING,https://www.linkedin.com/in/bidi,https://www.linkedin.com/in/pat\n",
        StandardCharsets.UTF_8);
    Path store = dir.resolve("hostile.db");
    try (App app = UiDriver.openApp(store)) {
      app.importFiles(List.of(csv), false, s -> { });
    }
    return store;
  }

  static void assertNoControlCharacters(String screen) {
    screen.lines().forEach(line -> line.codePoints().forEach(cp -> assertThat(
        cp >= 0x20 && cp != 0x7f && !(cp >= 0x80 && cp <= 0x9f) && Character.getType(cp) != Character.FORMAT)
        .as("U+%04X on screen in: %s", cp, line).isTrue()));
  }

  @Test
  void helpAt80x24ListsEveryActionAndSaysWhenNMeansNextMatch() throws Exception {
    Path store = dir.resolve("inbox.db");
    UiDriver.importSample(store);
    try (UiDriver ui = new UiDriver(store, 80, 24).start()) {
      ui.waitFor("Pending 1/");
      String help = ui.type("?").waitFor("Keys (any key closes").screen();

      assertThat(help).contains("next match (while searching)").contains("edit note").doesNotContain("…");
      for (Action a : Action.values()) {
        assertThat(help).as(a.name()).contains(a.description());
      }
      ui.type(" ").quit();
    }
  }

  @Test
  void the80x24LayoutShowsTabsListDetailStatusAndHints() {
    try (UiDriver ui = new UiDriver(sampleStore(), 80, 24).start()) {
      ui.waitFor("Pending 1/56 · 42 offenders · 13 personal · 5 clients · 56 pending");
      assertThat(ui.line(0)).contains("1 Pending", "2 Offenders", "3 Personal", "4 Clients", "5 Decided",
          "6 Outgoing", "7 All");
      assertThat(ui.line(1)).contains("> !", "Dana Whitfield", "EMPTY", "pending", "conn");
      // Eight list rows, the rule, then the detail: her (empty) message first, then the facts.
      assertThat(ui.line(9)).startsWith("─");
      assertThat(ui.line(10)).contains("(no message)");
      assertThat(ui.screen()).contains("Dana Whitfield · Engineering Manager, Northwind", "! OFFENDER EMPTY", "? help");
      // Shown as it reads: the export's "I&#39;d like to add you…".
      assertThat(ui.line(ui.rowOf("Rosa Chavez"))).contains("I'd like to add").doesNotContain("&#39;");
      assertThat(ui.line(23)).contains("a accept");
      ui.quit();
    }
  }

  @Test
  void at80x24TheSelectedInvitationsMessageLeadsTheDetailBesideAnEightRowList() throws Exception {
    try (UiDriver ui = new UiDriver(hostileStore(), 80, 24).start()) {
      ui.waitFor("Pending 1/4");
      ui.type("j").type("j").waitFor("Pending 3/4");
      assertThat(ui.line(3)).startsWith(">").contains("Long Writer");
      List<String> lines = ui.screen().lines().toList();
      int rule = lines.indexOf("─".repeat(80));
      assertThat(rule).isEqualTo(9); // eight list rows under the tabs
      List<String> message = lines.subList(rule + 1, lines.size()).stream()
          .takeWhile(l -> l.startsWith(" long long")).toList();
      assertThat(message).hasSizeGreaterThanOrEqualTo(4);
      assertThat(message.get(message.size() - 1).strip()).endsWith("…");
      assertThat(ui.screen()).contains("Long Writer", "https://www.linkedin.com/in/long", " · id ");
      ui.quit();
    }
  }

  /** Every overlay is a frame over the inbox or the whole screen: no other cell changes under it. */
  @Test
  void overlaysChangeNoCellOutsideTheirFrame() {
    try (UiDriver ui = new UiDriver(sampleStore(), 80, 24).start()) {
      ui.waitFor("Pending 1/56");
      ui.type("j").type("j").waitFor("Pending 3/56");
      TextCharacter[][] inbox = cells(ui);
      ui.type("n").waitFor("Ctrl-s save");
      assertOnlyAFrameChanged(ui, inbox);
      ui.key(KeyType.Escape).waitFor("note unchanged");
      ui.type("C").waitFor("a add · e edit");
      TextCharacter[][] clients = cells(ui);
      ui.type("a").waitFor("Ctrl-s save");
      assertOnlyAFrameChanged(ui, clients);
      ui.key(KeyType.Escape).waitFor("a add · e edit");
      ui.key(KeyType.Escape).waitFor("Pending 3/56");
      ui.quit();
    }
  }

  private static TextCharacter[][] cells(UiDriver ui) {
    TextCharacter[][] cells = new TextCharacter[24][80];
    for (int r = 0; r < 24; r++) {
      for (int col = 0; col < 80; col++) {
        cells[r][col] = ui.terminal.getCharacter(col, r);
      }
    }
    return cells;
  }

  /** A box drawn in one piece, clear of the screen's edges, and every cell outside it as it was. */
  private static void assertOnlyAFrameChanged(UiDriver ui, TextCharacter[][] before) {
    List<String> rows = ui.screen().lines().toList();
    int top = -1;
    int bottom = -1;
    for (int r = 0; r < rows.size(); r++) {
      top = top < 0 && rows.get(r).contains("┌") ? r : top;
      bottom = rows.get(r).contains("┘") ? r : bottom;
    }
    assertThat(top).as(ui.screen()).isPositive();
    int left = rows.get(top).indexOf('┌');
    int right = rows.get(top).indexOf('┐');
    assertThat(rows.get(bottom).indexOf('└')).isEqualTo(left);
    assertThat(rows.get(bottom).indexOf('┘')).isEqualTo(right);
    assertThat(left).as("no sliver of a cut row beside the box").isGreaterThanOrEqualTo(3);
    assertThat(right).isLessThanOrEqualTo(76);
    for (int r = top + 1; r < bottom; r++) {
      assertThat(rows.get(r).charAt(left)).isEqualTo('│');
      assertThat(rows.get(r).charAt(right)).isEqualTo('│');
    }
    for (int r = 0; r < 24; r++) {
      for (int col = 0; col < 80; col++) {
        if (r < top || r > bottom || col < left || col > right) {
          assertThat(ui.terminal.getCharacter(col, r)).as("row %d col %d", r, col).isEqualTo(before[r][col]);
        }
      }
    }
  }

  @Test
  void theStatsScreenDrawsBarsAsLongAsTheirFiguresGiveAndFits80x24() {
    try (UiDriver ui = new UiDriver(sampleStore(), 80, 24).start()) {
      ui.waitFor("Pending 1/56");
      ui.type("S").waitFor("Inbox at a glance");
      // The sample: 56 incoming; personal 13, default 18, generic 3, empty 18, template 4.
      int[] counts = {13, 18, 3, 18, 4};
      String[] names = {"personal", "default", "generic", "empty", "template"};
      int barW = 80 / 2 - 1 - 9 - 8 - 2;
      for (int i = 0; i < names.length; i++) {
        String line = leftColumnRow(ui, names[i]);
        long bars = line.substring(0, 40).chars().filter(ch -> ch == StatsScreen.BAR).count();
        assertThat(bars).as(line).isEqualTo(StatsScreen.barLength(counts[i], 56, barW));
        assertThat(line.substring(0, 40)).contains(" " + counts[i]);
      }
      String offenders = leftColumnRow(ui, "offenders");
      assertThat(offenders.substring(0, 40).chars().filter(ch -> ch == StatsScreen.OFFENDER_BAR).count())
          .isEqualTo(StatsScreen.barLength(42, 56, barW));
      assertThat(ui.screen()).contains("2026-11", "2025-12", "Most-sent templates", "Triage: 0 decided, 56 pending");
      assertThat(ui.rowOf("2026-11")).isLessThan(23);
      ui.resize(100, 30).waitFor("Inbox at a glance");
      ui.key(KeyType.Escape).waitFor("Pending 1/56");
      ui.quit();
    }
  }

  /** The stats screen's row whose left column starts with {@code label}. */
  private static String leftColumnRow(UiDriver ui, String label) {
    return ui.screen().lines().filter(l -> l.startsWith(" " + label + " ")).findFirst().orElseThrow();
  }

  @Test
  void wideTerminalsShowTheDetailBesideTheList() {
    try (UiDriver ui = new UiDriver(sampleStore(), 170, 40).start()) {
      ui.waitFor("Pending 1/56");
      // The first row's sender has no message; below it the detail names her and her work.
      assertThat(ui.line(1)).contains("│ (no message)");
      assertThat(ui.line(3)).contains("│ Dana Whitfield · Engineering Manager, Northwind");
      assertThat(ui.rowOf("│ https://www.linkedin.com/in/dana-whitfield")).isBetween(6, 8);
      // The facts wrap rather than lose their ends (the id above all, for the command line).
      assertThat(ui.screen().lines().filter(l -> l.contains("│")).map(l -> l.substring(l.indexOf('│'))))
          .anyMatch(detail -> detail.contains("66bf3550"));
      ui.quit();
    }
  }

  @Test
  void theListGivesTheMessageItsRoomBeforeTheSendersWork() {
    Path store = sampleStore();
    try (UiDriver ui = new UiDriver(store, 80, 24).start()) {
      ui.waitFor("Pending 1/56");
      int jurgen = ui.rowOf("Jürgen Weiß");
      assertThat(ui.line(jurgen)).contains("Hallo Mira, ich möchte").doesNotContain("·");
      ui.quit();
    }
    try (UiDriver ui = new UiDriver(store, 240, 40).start()) {
      ui.waitFor("Pending 1/56");
      assertThat(ui.line(1)).contains("Dana Whitfield · Engineering Manager,");
      int jurgen = ui.rowOf("Jürgen Weiß");
      String row = ui.line(jurgen).substring(0, ui.line(jurgen).indexOf('│'));
      int message = row.indexOf("Hallo Mira");
      assertThat(row.length() - message).as(row).isGreaterThanOrEqualTo(Renderer.Columns.MESSAGE_ROOM);
      ui.quit();
    }
  }

  @Test
  void resizingFromHugeToTinyAndBackNeverFails() {
    try (UiDriver ui = new UiDriver(sampleStore(), 200, 60).start()) {
      ui.waitFor("Pending 1/56");
      ui.resize(20, 5).waitFor("terminal too small");
      ui.resize(39, 24).waitFor("terminal too small");
      ui.resize(40, 10).waitFor("? help");
      ui.resize(60, 12).waitFor("? help");
      ui.resize(80, 24).waitFor("Pending 1/56 · 42 offenders");
      ui.type("j").waitFor("Pending 2/56");
      ui.resize(170, 30).waitFor("│");
      ui.resize(200, 60).waitFor("Pending 2/56");
      ui.quit();
    }
  }

  @Test
  void offenderRowsAreRedAndClientRowsAreNot() {
    try (UiDriver ui = new UiDriver(sampleStore(), 80, 50).start()) {
      ui.waitFor("Pending 1/56");
      int offender = ui.rowOf("Jürgen Weiß");
      int client = ui.rowOf("Kwame Mensah"); // DEFAULT text, but a client
      assertThat(ui.line(offender)).contains("!").contains("DEFAULT");
      assertThat(ui.terminal.getCharacter(20, offender).getForegroundColor()).isEqualTo(TextColor.ANSI.RED);
      assertThat(ui.line(client)).contains("CLIENT").doesNotContain("!");
      for (int col = 0; col < 80; col++) {
        assertThat(ui.terminal.getCharacter(col, client).getForegroundColor()).isNotEqualTo(TextColor.ANSI.RED);
      }
      ui.quit();
    }
  }

  @Test
  void noColorShowsOffendersInReverseVideoWithTheirBadge() {
    UiSettings mono = UiSettings.load(Map.of("NO_COLOR", "1", "HOME", dir.toString()), null, dir, UiDriver.CLOCK);
    try (UiDriver ui = new UiDriver(sampleStore(), 80, 50).start(mono)) {
      ui.waitFor("Pending 1/56");
      int offender = ui.rowOf("Jürgen Weiß");
      TextCharacter cell = ui.terminal.getCharacter(20, offender);
      assertThat(cell.isReversed()).isTrue();
      assertThat(cell.getForegroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
      assertThat(ui.line(offender)).contains("DEFAULT").contains("!");
      assertThat(ui.terminal.getCharacter(20, ui.rowOf("Hannah Okafor")).isReversed()).isFalse();
      ui.quit();
    }
  }

  @Test
  void hostileRowsAreDrawnWithoutAnyControlCharacter() throws Exception {
    try (UiDriver ui = new UiDriver(hostileStore(), 80, 24).start()) {
      ui.waitFor("Pending 1/4");
      assertNoControlCharacters(ui.screen());
      assertThat(ui.screen()).contains("␛").contains("王小明");
      for (int i = 0; i < 4; i++) {
        ui.key(KeyType.Enter).waitFor(" · id ");
        assertNoControlCharacters(ui.screen());
        ui.key(KeyType.Enter).type("j").waitFor("Pending " + Math.min(4, i + 2) + "/4");
        assertNoControlCharacters(ui.screen());
      }
      ui.resize(170, 50).waitFor("│");
      assertNoControlCharacters(ui.screen());
      ui.quit();
    }
  }

  @Test
  void wideCharactersKeepTheColumnsAligned() throws Exception {
    try (UiDriver ui = new UiDriver(hostileStore(), 100, 30).start()) {
      ui.waitFor("Pending 1/4");
      int cjk = ui.rowOf("王小明");
      int plain = ui.rowOf("Long Writer");
      // The badge column starts at the same terminal column on both rows.
      assertThat(badgeColumn(ui, cjk)).isEqualTo(badgeColumn(ui, plain));
      ui.quit();
    }
  }

  /** The terminal column where the verdict badge starts, counting wide cells as two. */
  static int badgeColumn(UiDriver ui, int row) {
    for (int c = 0; c < 100; c++) {
      TextCharacter tc = ui.terminal.getCharacter(c, row);
      if (tc.getCharacterString().equals("P") || tc.getCharacterString().equals("D") && ui.terminal.getCharacter(c + 1, row).is('E')) {
        return c;
      }
    }
    return -1;
  }
}
