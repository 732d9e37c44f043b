package dev.invitriage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.invitriage.cli.Cli;
import dev.invitriage.cli.Context;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.InboxEntry;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the real UI on a virtual 80x24 terminal over the sample inbox (56 pending, 42 offenders). */
class InboxUiKeysTest {
  @TempDir Path dir;
  Path store;
  UiDriver ui;

  @BeforeEach
  void setUp() {
    store = dir.resolve("inbox.db");
    UiDriver.importSample(store);
    ui = new UiDriver(store, 80, 24).start();
    ui.waitFor("Pending 1/56");
  }

  @AfterEach
  void tearDown() {
    ui.close();
  }

  UiDriver restart() {
    ui.quit();
    ui = new UiDriver(store, 80, 24).start();
    return ui;
  }

  @Test
  void jkArrowsPagesAndEndsMoveTheCursor() {
    ui.type("j").waitFor("Pending 2/56");
    ui.key(KeyType.ArrowDown).waitFor("Pending 3/56");
    ui.type("k").waitFor("Pending 2/56");
    ui.key(KeyType.ArrowUp).waitFor("Pending 1/56");
    ui.type("G").waitFor("Pending 56/56");
    ui.type("g").waitFor("Pending 1/56");
    ui.key(KeyType.End).waitFor("Pending 56/56");
    ui.key(KeyType.Home).waitFor("Pending 1/56");
    // A page is the eight rows the list has at 80x24 beside the message.
    ui.key(KeyType.PageDown).waitFor("Pending 9/56");
    ui.key(KeyType.PageUp).waitFor("Pending 1/56");
    ui.ctrl('d').waitFor("Pending 5/56");
    ui.ctrl('u').waitFor("Pending 1/56");
  }

  @Test
  void acceptRecordsTheDecisionAndMovesToTheNextPending() {
    ui.type("a").waitFor("accept: Dana Whitfield").waitFor("Pending 1/55");
    assertThat(ui.line(1)).contains("Jürgen Weiß");
    ui.quit();
    assertThat(ui.entryNamed("Dana Whitfield").decision()).isEqualTo(Decision.ACCEPT);
  }

  @Test
  void ignoreLaterAndBackToPendingAreRecorded() {
    ui.type("x").waitFor("Pending 1/55");
    ui.type("l").waitFor("Pending 1/54");
    ui.type("5").waitFor("Decided 1/2");
    ui.type("p").waitFor("pending: ");
    ui.quit();
    long pending = ui.entries().stream().filter(e -> e.decision() == Decision.PENDING).count();
    assertThat(ui.entryNamed("Dana Whitfield").decision()).isIn(Decision.IGNORE, Decision.PENDING);
    assertThat(ui.entryNamed("Jürgen Weiß").decision()).isIn(Decision.LATER, Decision.PENDING);
    assertThat(ui.entryNamed("Dana Whitfield").decision()).isNotEqualTo(ui.entryNamed("Jürgen Weiß").decision());
    assertThat(pending).isEqualTo(ui.entries().stream().filter(e -> e.decision() == Decision.PENDING).count());
  }

  @Test
  void undoAndRedoWorkAcrossARestartOfTheUi() {
    ui.type("a").waitFor("Pending 1/55");
    restart().waitFor("Pending 1/55");
    ui.type("u").waitFor("undone").waitFor("Pending 2/56");
    restart().waitFor("Pending 1/56");
    ui.type("j").waitFor("Pending 2/56");
    ui.ctrl('r').waitFor("redone").waitFor("/55");
    ui.quit();
    assertThat(ui.entryNamed("Dana Whitfield").decision()).isEqualTo(Decision.ACCEPT);
  }

  @Test
  void everyViewIsReachableByNumberAndTab() {
    ui.type("2").waitFor("Offenders 1/42");
    ui.type("3").waitFor("Personal 1/").waitFor("Hannah Okafor");
    ui.type("4").waitFor("Clients 1/").waitFor("Aiko Tanaka");
    ui.type("5").waitFor("nothing in Decided");
    ui.type("6").waitFor("Outgoing 1/").waitFor("→ Chen Wei");
    ui.type("7").waitFor("All 1/74");
    ui.key(KeyType.Tab).waitFor("Pending 1/56");
    ui.key(KeyType.Tab).waitFor("Offenders 1/42");
  }

  @Test
  void sCyclesTheSortOrder() {
    ui.type("s").waitFor("by name");
    ui.type("s").waitFor("by verdict");
    ui.type("s").waitForGone("by verdict");
  }

  @Test
  void bulkIgnoreOfMarkedAsksFirstAndNoChangesNothing() {
    ui.type("  ").waitFor("2 marked");
    ui.type("x").waitFor("Ignore 2 marked invitations? y/n");
    ui.type("n").waitForGone("y/n").waitFor("Pending 3/56");
    ui.type("x").waitFor("Ignore 2 marked invitations? y/n");
    ui.type("y").waitFor("ignore: 2 invitations").waitFor("/54");
    ui.type("u").waitFor("/56");
    ui.ctrl('r').waitFor("/54");
    ui.quit();
    assertThat(ui.entryNamed("Dana Whitfield").decision()).isEqualTo(Decision.IGNORE);
    assertThat(ui.entryNamed("Jürgen Weiß").decision()).isEqualTo(Decision.IGNORE);
  }

  @Test
  void markRangeMarkAllAndEscClearMarks() {
    ui.type(" ").waitFor("1 marked");
    ui.type("jjV").waitFor("4 marked");
    ui.key(KeyType.Escape).waitFor("marks cleared");
    ui.type("*").waitFor("56 marked");
    ui.type("a").waitFor("Accept 56 marked invitations? y/n");
    ui.key(KeyType.Escape).waitForGone("y/n");
    ui.key(KeyType.Escape).waitForGone("marked");
    ui.quit();
    assertThat(ui.entries()).allMatch(e -> e.decision() == Decision.PENDING);
  }

  @Test
  void bigXIgnoresEveryOffenderInTheViewAfterConfirmation() {
    ui.type("2").waitFor("Offenders 1/42");
    ui.type("X").waitFor("Ignore 42 offenders in Offenders? y/n");
    ui.type("y").waitFor("ignore: 42 invitations");
    ui.quit();
    assertThat(ui.entries()).filteredOn(InboxEntry::offender).allMatch(e -> e.decision() == Decision.IGNORE);
    assertThat(ui.entries()).filteredOn(e -> !e.offender()).allMatch(e -> e.decision() == Decision.PENDING);
  }

  @Test
  void searchMovesToMatchesAndNextPreviousWhileActive() {
    ui.type("/hannah").waitFor("/hannah").waitFor("Pending 13/56");
    ui.key(KeyType.Enter).waitFor("search: hannah");
    ui.type("g").waitFor("Pending 1/56");
    ui.type("n").waitFor("Pending 13/56");
    ui.type("N").waitFor("Pending 13/56");
    ui.key(KeyType.Escape).waitFor("search cleared");
    ui.type("n").waitFor("Note: Hannah Okafor");
  }

  @Test
  void escInTheSearchPromptReturnsToWhereYouWere() {
    ui.type("jj").waitFor("Pending 3/56");
    ui.type("/hannah").waitFor("Pending 13/56");
    ui.key(KeyType.Escape).waitFor("Pending 3/56");
    ui.type("n").waitFor("Note: ");
  }

  @Test
  void theNoteEditorSavesWithCtrlS() {
    ui.type("n").waitFor("Note: Dana Whitfield");
    ui.type("met at JUG").key(KeyType.Enter).type("line two").ctrl('s').waitFor("note saved");
    ui.quit();
    assertThat(ui.entryNamed("Dana Whitfield").note()).isEqualTo("met at JUG\nline two");
  }

  @Test
  void cancellingTheNoteEditorKeepsTheOldNote() {
    ui.type("n").waitFor("Note: Dana Whitfield");
    ui.type("old").ctrl('s').waitFor("note saved");
    ui.type("n").waitFor("Note: Dana Whitfield");
    ui.key(KeyType.Backspace).type("X").key(KeyType.Escape).waitFor("Save changes to the note? y/n/cancel");
    ui.type("c").waitForGone("y/n/cancel").waitFor("Note: Dana");
    ui.key(KeyType.Escape).waitFor("y/n/cancel");
    ui.type("n").waitFor("note not changed");
    ui.type("n").waitFor("Note: Dana");
    ui.type("!").key(KeyType.Escape).waitFor("y/n/cancel");
    ui.type("y").waitFor("note saved");
    ui.quit();
    assertThat(ui.entryNamed("Dana Whitfield").note()).isEqualTo("old!");
  }

  @Test
  void cAddsTheSenderAsClientAndAgainRemovesThemAfterConfirmation() {
    ui.type("c").waitFor("added client: Dana Whitfield");
    ui.waitUntil("Dana marked CLIENT", s -> ui.line(ui.rowOf("Dana Whitfield")).contains("CLIENT"));
    ui.type("c").waitFor("Remove Dana Whitfield from clients? y/n");
    ui.type("n").waitForGone("y/n");
    assertThat(ui.line(ui.rowOf("Dana Whitfield"))).contains("CLIENT");
    ui.type("c").waitFor("y/n").type("y").waitFor("removed client: Dana Whitfield");
    ui.quit();
    assertThat(ui.entryNamed("Dana Whitfield").client()).isFalse();
  }

  @Test
  void theClientScreenAddsEditsAndRemovesClients() {
    ui.type("C").waitFor("Clients (5)");
    ui.type("a").waitFor("Add client");
    ui.type("Zed Zimmer").key(KeyType.Enter).type("https://www.linkedin.com/in/zed").key(KeyType.Enter)
        .type("Zeta").key(KeyType.Enter).type("ok").key(KeyType.Enter).waitFor("Clients (6)").waitFor("Zeta");
    ui.type("G").type("e").waitFor("Edit client");
    ui.key(KeyType.Tab).key(KeyType.Tab).key(KeyType.Backspace).type("X").ctrl('s').waitFor("ZetX");
    ui.type("d").waitFor("Remove client Zed Zimmer? y/n").type("y").waitFor("Clients (5)");
    ui.key(KeyType.Escape).waitFor("Pending 1/56");
    ui.quit();
    try (var app = UiDriver.openApp(store)) {
      assertThat(app.inbox().clients()).extracting(c -> c.name()).doesNotContain("Zed Zimmer");
    }
  }

  @Test
  void theClientScreenSortsByNameAndAlignsEveryColumnUnderItsHeader() {
    String screen = ui.type("C").waitFor("Clients (5)").screen();
    // Profiles without the part every row shares, so the part that differs shows at 80 columns.
    assertThat(screen).contains("/in/luis-ortega").doesNotContain("https://www.linkedin.co");
    List<String> lines = screen.lines().toList();
    int header = ui.rowOf("Company");
    String head = lines.get(header);
    int company = head.indexOf("Company");
    int profile = head.indexOf("Profile");
    int note = head.indexOf("Note");
    assertThat(head.indexOf("Name")).isLessThan(company);
    List<String> rows = lines.subList(header + 1, header + 6);
    assertThat(rows).extracting(l -> l.substring(2, company).strip())
        .containsExactly("Aiko Tanaka", "Kwame Mensah", "Luis Ortega", "Nadia Petrova", "Signe Dahl");
    for (String row : rows) {
      assertThat(row.charAt(company - 1)).as(row).isEqualTo(' ');
      assertThat(row.charAt(company - 2)).as(row).isEqualTo(' ');
      assertThat(row.charAt(company)).as(row).isNotEqualTo(' ');
      assertThat(row.charAt(note)).as(row).isNotEqualTo(' ');
    }
    // Signe Dahl has no profile: her note still starts in the note column.
    assertThat(rows.get(4).substring(profile, note).strip()).isEmpty();
    assertThat(rows.get(4).substring(note)).startsWith("CI cost audit");
    assertThat(lines.get(lines.size() - 1)).contains("a add").contains("Esc back").doesNotContain("x ignore");
    ui.key(KeyType.Escape).waitFor("Pending 1/56");
  }

  @Test
  void exportWritesAFileThatImportReads() {
    ui.type("e").waitFor("Export format (csv/json): csv");
    ui.key(KeyType.Enter).waitFor("Export to:");
    ui.key(KeyType.Enter).waitFor("exported 56 invitations");
    Path file = dir.resolve("invitriage-decisions-2026-11-28.csv");
    assertThat(file).exists();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Context ctx = new Context(Map.of("HOME", dir.toString()), new ByteArrayInputStream(new byte[0]), false, 0, UiDriver.CLOCK);
    int code = Cli.run(ctx, new PrintWriter(out), new PrintWriter(err), "--db", dir.resolve("other.db").toString(),
        "import", file.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("imported 56 invitations");
  }

  @Test
  void exportAsJsonToAChosenPath() throws Exception {
    ui.type("e").waitFor("Export format");
    ui.key(KeyType.Backspace).key(KeyType.Backspace).key(KeyType.Backspace).type("json").key(KeyType.Enter)
        .waitFor("Export to:");
    ui.ctrl('u').type("out.json").key(KeyType.Enter).waitFor("exported 56");
    assertThat(Files.readString(dir.resolve("out.json"))).startsWith("[");
  }

  @Test
  void helpIsGeneratedFromTheKeyMap() {
    ui.type("?").waitFor("Keys (any key closes").waitFor("accept").waitFor("Ctrl-r");
    ui.type(" ").waitFor("Pending 1/56");
  }

  @Test
  void enterZoomsTheDetailAndEscReturns() {
    ui.key(KeyType.Enter).waitUntil("zoomed", s -> !s.contains("Jürgen") && s.contains(" · id "));
    ui.key(KeyType.Escape).waitFor("Jürgen");
  }

  @Test
  void ctrlCQuitsLikeQ() {
    ui.ctrl('c');
    ui.join();
  }
}
