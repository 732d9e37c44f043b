package dev.invitriage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.invitriage.app.App;
import dev.invitriage.app.EntryFilter;
import dev.invitriage.app.PhraseBook;
import dev.invitriage.domain.InboxEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Runs the real {@link InboxUi} on a {@link DefaultVirtualTerminal} in a background thread, types
 * keys into it, and waits (polling, with a timeout) until the screen shows what a test expects.
 */
final class UiDriver implements AutoCloseable {
  static final Path SAMPLE = Path.of("sample-data");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
  static final long TIMEOUT_MILLIS = 10_000;

  final Path store;
  final DefaultVirtualTerminal terminal;
  App app;
  private Thread thread;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  UiDriver(Path store, int columns, int rows) {
    this.store = store;
    this.terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
  }

  static App openApp(Path store) {
    return App.open(store, new PhraseBook(store.resolveSibling("no-phrases.txt")), CLOCK, notice -> { });
  }

  /** Opens the store (creating it), imports the sample data and its client list. */
  static void importSample(Path store) {
    try (App app = openApp(store)) {
      app.importFiles(List.of(SAMPLE), false, s -> { });
      app.importClients(SAMPLE.resolve("clients.csv"), false);
    }
  }

  UiDriver start(UiSettings settings) {
    app = openApp(store);
    thread = new Thread(() -> {
      try {
        InboxUi.run(terminal, app, settings);
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "inbox-ui");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  UiDriver start() {
    return start(settings(KeyMap.defaults(), Theme.bundled("dark"), store.getParent()));
  }

  static UiSettings settings(KeyMap keys, Theme theme, Path workingDir) {
    return new UiSettings(theme, keys, workingDir, ZoneOffset.UTC, CLOCK);
  }

  // ------------------------------------------------------------------ typing

  UiDriver type(String chars) {
    for (char c : chars.toCharArray()) {
      terminal.addInput(new KeyStroke(c, false, false));
    }
    return this;
  }

  UiDriver key(KeyType type) {
    terminal.addInput(new KeyStroke(type));
    return this;
  }

  UiDriver ctrl(char c) {
    terminal.addInput(new KeyStroke(c, true, false));
    return this;
  }

  UiDriver resize(int columns, int rows) {
    terminal.setTerminalSize(new TerminalSize(columns, rows));
    return this;
  }

  // ------------------------------------------------------------------ reading

  /** The visible screen, one line per row, trailing spaces kept. */
  String screen() {
    TerminalSize size = terminal.getTerminalSize();
    StringBuilder b = new StringBuilder();
    for (int r = 0; r < size.getRows(); r++) {
      b.append(line(r)).append('\n');
    }
    return b.toString();
  }

  String line(int row) {
    TerminalSize size = terminal.getTerminalSize();
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < size.getColumns(); c++) {
      TextCharacter tc = terminal.getCharacter(c, row);
      b.append(tc == null ? " " : tc.getCharacterString());
      if (tc != null && tc.isDoubleWidth()) {
        c++;
      }
    }
    return b.toString();
  }

  /** The row (0-based) whose text contains {@code text}, or -1. */
  int rowOf(String text) {
    for (int r = 0; r < terminal.getTerminalSize().getRows(); r++) {
      if (line(r).contains(text)) {
        return r;
      }
    }
    return -1;
  }

  UiDriver waitFor(String text) {
    return waitUntil("screen shows '" + text + "'", s -> s.contains(text));
  }

  UiDriver waitForGone(String text) {
    return waitUntil("screen no longer shows '" + text + "'", s -> !s.contains(text));
  }

  UiDriver waitUntil(String what, Predicate<String> condition) {
    long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
    String last = "";
    String previous = null;
    while (System.currentTimeMillis() < deadline) {
      assertNoFailure();
      last = screen();
      // Two equal reads in a row: the UI is not halfway through drawing a frame.
      if (condition.test(last) && last.equals(previous)) {
        return this;
      }
      previous = last;
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("timed out waiting until " + what + "; screen:\n" + last);
  }

  void assertNoFailure() {
    Throwable t = failure.get();
    if (t != null) {
      throw new AssertionError("the UI failed", t);
    }
  }

  /** Quits with q and waits for the UI to return and the store to close. */
  void quit() {
    type("q");
    join();
  }

  void join() {
    try {
      thread.join(TIMEOUT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertThat(thread.isAlive()).as("UI still running").isFalse();
    assertNoFailure();
    app.close();
    app = null;
  }

  /** Every invitation in the store, read after the UI has closed it. */
  List<InboxEntry> entries() {
    try (App a = openApp(store)) {
      return a.list(EntryFilter.ALL);
    }
  }

  InboxEntry entryNamed(String name) {
    return entries().stream().filter(e -> e.invitation().counterpartName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no invitation with " + name));
  }

  @Override
  public void close() {
    if (thread != null && thread.isAlive()) {
      type("q");
      key(KeyType.Escape);
      try {
        thread.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (app != null && (thread == null || !thread.isAlive())) {
      app.close();
    }
  }
}
