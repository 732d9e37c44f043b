package dev.invitriage.ui;

import dev.invitriage.app.Stats;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counts and rows the screen keeps up to date after each decision are those of the inbox
 * counted afresh, through decisions, undo and redo, in a view that loses the row and one that
 * keeps it (the sample inbox on a 140x30 virtual terminal).
 */
class InboxUiCountsTest {
  @TempDir Path dir;
  UiDriver ui;

  @BeforeEach
  void setUp() {
    Path store = dir.resolve("inbox.db");
    UiDriver.importSample(store);
    ui = new UiDriver(store, 140, 30).start();
    ui.waitFor("Pending 1/56");
  }

  @AfterEach
  void tearDown() {
    ui.close();
  }

  /** The status bar's counts as a fresh count of the whole inbox gives them. */
  private String freshCounts() {
    Stats s = ui.app.stats();
    return s.offenders() + " offenders · " + s.verdict(Verdict.PERSONAL) + " personal · " + s.clients() + " clients · "
        + s.decision(Decision.PENDING) + " pending";
  }

  @Test
  void countsAfterDecisionsUndoAndRedoAreAFreshCount() {
    ui.type("a").waitFor("Pending 1/55").waitFor(freshCounts());
    ui.type("x").waitFor("Pending 1/54").waitFor(freshCounts());
    ui.type("jl").waitFor("Pending 2/53").waitFor(freshCounts());
    ui.type("u").waitFor("undone").waitFor("/54").waitFor(freshCounts());
    ui.ctrl('r').waitFor("redone").waitFor("/53").waitFor(freshCounts());
    ui.type("5").waitFor("Decided 1/3").waitFor(freshCounts());
    ui.type("p").waitFor("Decided 1/2").waitFor(freshCounts());
    ui.type("1").waitFor("Pending 1/54").waitFor(freshCounts());
  }

  @Test
  void aDecisionInAViewThatKeepsTheRowShowsItOnTheRow() {
    ui.type("7").waitFor("All 1/74");
    ui.type("jjj").waitFor("All 4/74");
    int row = 1 + 3;
    String id = ui.line(row).substring(4, 12);
    ui.type("l").waitFor("later: ").waitFor(freshCounts());
    // The row stays in All and says what was decided; the cursor goes on to the next pending one.
    ui.waitUntil("row " + row + " shows later", s -> ui.line(row).contains(id) && ui.line(row).contains(" later "));
    ui.waitFor("All 5/74");
    ui.type("x").waitFor("ignore: ").waitFor(freshCounts());
  }
}
