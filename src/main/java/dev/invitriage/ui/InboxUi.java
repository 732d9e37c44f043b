package dev.invitriage.ui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import dev.invitriage.app.App;
import dev.invitriage.app.View;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.text.TerminalText;
import dev.invitriage.text.TextColumns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The full-screen inbox. {@link #run} takes a terminal it does not own (a tty, an SSH channel, a
 * virtual terminal), draws on a {@link TerminalScreen}, and returns when the user quits.
 *
 * <h2>How it works</h2>
 *
 * <p>One loop: re-lay out if the terminal was resized, draw the {@link ScreenModel} with the
 * {@link Renderer} (only the visible rows are read), refresh the screen (Lanterna sends only the
 * cells that changed), then wait for a key. A key goes to the top overlay if one is open, else it is
 * looked up in the {@link KeyMap} and the first action that applies runs in {@link #perform}. Every
 * change goes straight to the store, which makes it durable before returning. While no key comes,
 * the loop watches the App's change count, so a change made in another session (the SSH server
 * runs one InboxUi per session on one App) is drawn within one poll.
 */
public final class InboxUi {
  /**
   * Longest wait between input polls when idle. Polling starts at 1 ms after a burst of keys and
   * backs off to this, so an idle screen barely wakes.
   */
  private static final long IDLE_POLL_MILLIS = 16;
  /**
   * For this long after each key, input is polled every {@link #BURST_POLL_NANOS}: the next key of
   * a burst (typed fast, auto-repeated, pasted) is picked up within a fraction of a millisecond
   * rather than after whatever the backing-off sleep has grown to by then (up to 4 ms a few
   * milliseconds after a key, which was most of a key's latency at the p99).
   */
  private static final long BURST_NANOS = 250_000_000;
  private static final long BURST_POLL_NANOS = 250_000;

  private final ScreenModel model;
  private final Renderer renderer;
  private final KeyMap keys;
  private final Runnable onFrame;
  /** Kept between frames: it remembers what the screen shows, so a frame sends only changes. */
  private Canvas canvas;

  private InboxUi(App app, UiSettings settings) {
    this.model = new ScreenModel(app, settings);
    this.renderer = new Renderer(settings.theme(), settings.zone());
    this.keys = settings.keys();
    this.onFrame = settings.onFrame();
  }

  /**
   * Runs the inbox on {@code terminal} until the user quits or the input ends; restores the
   * terminal on return. Returns how many invitations the user decided.
   */
  public static int run(Terminal terminal, App app, UiSettings settings) {
    try {
      TerminalScreen screen = new DeltaScreen(terminal);
      screen.startScreen();
      InboxUi ui = new InboxUi(app, settings);
      boolean inputEnded;
      try {
        inputEnded = ui.loop(screen);
      } catch (IOException | RuntimeException e) {
        stopQuietly(screen);
        throw e;
      }
      if (inputEnded) {
        // The terminal went away (an SSH client disconnected): there is nothing left to restore.
        stopQuietly(screen);
      } else {
        screen.stopScreen();
      }
      return ui.model.decided;
    } catch (IOException e) {
      throw InvitriageException.io("terminal: " + e.getMessage(), e);
    }
  }

  private static void stopQuietly(Screen screen) {
    try {
      screen.stopScreen();
    } catch (IOException | RuntimeException ignored) {
      // Restoring a terminal that is gone, or after another failure, which is what gets reported.
    }
  }

  /** Runs until the user quits (returns false) or the input ends (returns true). */
  private boolean loop(Screen screen) throws IOException {
    boolean dirty = true;
    boolean classifierAsked = false;
    long idleMillis = 1;
    long lastKey = System.nanoTime();
    while (!model.quit) {
      TerminalSize resized = screen.doResizeIfNecessary();
      if (resized != null || dirty) {
        draw(screen, resized != null);
        dirty = false;
        if (!classifierAsked) {
          // The first frame is out: now the classifier, which its reasons wait for (see App).
          model.app.prepareClassifier();
          classifierAsked = true;
        }
      }
      KeyStroke key = screen.pollInput();
      if (key == null) {
        // Another session (over SSH) may have changed the inbox, or a browser failed and said so
        // from its thread: show it within a poll. A reason still being judged is drawn again
        // until it comes.
        boolean changedElsewhere = model.refreshIfChanged();
        boolean posted = model.takePosted();
        dirty = changedElsewhere || posted || model.reasonPending;
        if (!dirty) {
          if (System.nanoTime() - lastKey < BURST_NANOS) {
            pause(BURST_POLL_NANOS);
          } else {
            pause(TimeUnit.MILLISECONDS.toNanos(idleMillis));
            idleMillis = Math.min(IDLE_POLL_MILLIS, idleMillis * 2);
          }
        }
        continue;
      }
      lastKey = System.nanoTime();
      idleMillis = 1;
      if (key.getKeyType() == KeyType.EOF) {
        return true;
      }
      handle(key);
      dirty = true;
    }
    return false;
  }

  private static void pause(long nanos) {
    LockSupport.parkNanos(nanos);
    if (Thread.currentThread().isInterrupted()) {
      throw new UncheckedIOException(new IOException("interrupted"));
    }
  }

  private void draw(Screen screen, boolean complete) throws IOException {
    TerminalSize size = screen.getTerminalSize();
    boolean first = canvas == null;
    if (first) {
      canvas = new Canvas(screen);
    }
    canvas.begin(size, first || complete);
    renderer.draw(model, canvas);
    TerminalPosition cursor = null;
    if (size.getColumns() >= Renderer.MIN_WIDTH && size.getRows() >= Renderer.MIN_HEIGHT) {
      // Overlays are drawn bottom first, so a confirmation shows over the editor that asked it.
      List<Overlay> stack = new ArrayList<>(model.overlays);
      for (int i = stack.size() - 1; i >= 0; i--) {
        stack.get(i).draw(canvas, model.settings.theme());
      }
      if (!stack.isEmpty()) {
        cursor = stack.get(0).cursor(canvas);
      }
    }
    canvas.flush();
    screen.setCursorPosition(cursor);
    screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
    onFrame.run();
  }

  // ------------------------------------------------------------------ keys

  void handle(KeyStroke key) {
    try {
      Overlay top = model.overlays.peek();
      if (top != null) {
        if (!top.handle(key)) {
          model.overlays.remove(top);
        }
        model.overlays.removeIf(Overlay::finished);
        return;
      }
      model.message = "";
      model.messageIsError = false;
      for (Action a : keys.actions(key)) {
        if (applies(a)) {
          perform(a);
          return;
        }
      }
      String name = KeyMap.name(key);
      if (name != null) {
        model.error("key " + name + " does nothing here (? shows the keys)");
      }
    } catch (InvitriageException e) {
      // A failed change (disk full, store in use) is shown, never a crash: nothing was stored.
      model.error(TerminalText.sanitize(e.getMessage()));
    }
  }

  private boolean applies(Action a) {
    return switch (a) {
      case SEARCH_NEXT, SEARCH_PREV -> model.search != null;
      default -> true;
    };
  }

  private void perform(Action a) {
    ScreenModel m = model;
    InboxEntry cur = m.current();
    switch (a) {
      case DOWN -> m.moveBy(1);
      case UP -> m.moveBy(-1);
      case PAGE_DOWN -> m.moveBy(m.pageRows);
      case PAGE_UP -> m.moveBy(-m.pageRows);
      case HALF_DOWN -> m.moveBy(Math.max(1, m.pageRows / 2));
      case HALF_UP -> m.moveBy(-Math.max(1, m.pageRows / 2));
      case TOP -> m.moveTo(0);
      case BOTTOM -> m.moveTo(m.size() - 1);
      case DETAIL -> m.zoom = !m.zoom;
      case ACCEPT -> decide(Decision.ACCEPT);
      case IGNORE -> decide(Decision.IGNORE);
      case LATER -> decide(Decision.LATER);
      case PENDING -> decide(Decision.PENDING);
      case IGNORE_OFFENDERS -> {
        List<InvitationId> ids = m.offendersInView();
        if (ids.isEmpty()) {
          m.flash("no offenders in " + m.view.label());
        } else {
          m.overlays.push(Confirm.yesNo("Ignore " + ids.size() + " offenders in " + m.view.label() + "?",
              () -> m.decideAll(ids, Decision.IGNORE)));
        }
      }
      case UNDO -> m.undo();
      case REDO -> m.redo();
      case SEARCH_NEXT -> m.searchNext(true);
      case SEARCH_PREV -> m.searchNext(false);
      case NOTE -> {
        if (cur != null) {
          m.overlays.push(new NoteEditor(m, cur.invitation().counterpartName(), cur.note(),
              () -> m.app.entry(cur.id()).note(), text -> m.setNote(cur.id(), text)));
        }
      }
      case CLIENT -> toggleClient(cur);
      case CLIENTS -> m.overlays.push(new ClientsScreen(m));
      case SEARCH -> search();
      case NEXT_VIEW -> m.switchView(m.view.next());
      case VIEW_1, VIEW_2, VIEW_3, VIEW_4, VIEW_5, VIEW_6, VIEW_7 ->
          m.switchView(View.values()[a.ordinal() - Action.VIEW_1.ordinal()]);
      case SORT -> m.cycleSort();
      case MARK -> m.toggleMark();
      case MARK_RANGE -> m.markRange();
      case MARK_ALL -> m.markAll();
      case CLEAR -> {
        if (m.search != null) {
          m.search = null;
          m.flash("search cleared");
        } else if (!m.marks.isEmpty()) {
          m.marks.clear();
          m.anchor = -1;
          m.flash("marks cleared");
        } else {
          m.zoom = false;
        }
      }
      case EXPORT -> export();
      case PROFILE -> openLink(cur == null ? null : cur.invitation().counterpartUrl());
      case INVITATION_MANAGER -> openLink(Links.INVITATION_MANAGER);
      case STATS -> m.overlays.push(new StatsScreen(m));
      case HELP -> m.overlays.push(new Help(keys));
      case QUIT -> m.quit = true;
      default -> throw new IllegalStateException("unhandled action " + a);
    }
  }

  /**
   * Leads the user to {@code field} when it is a LinkedIn address (a browser here, the clipboard
   * over SSH); anything else in the field is refused on the message line and never opened.
   */
  private void openLink(String field) {
    ScreenModel m = model;
    if (field == null || field.isBlank()) {
      m.error("no profile link for this invitation");
      return;
    }
    String url = Links.linkedIn(field);
    if (url == null) {
      m.error("not a LinkedIn address, not opened: " + TextColumns.fit(TerminalText.sanitize(field), 60));
      return;
    }
    m.flash(TerminalText.sanitize(m.settings.links().open(url, m::post)));
  }

  /** With marks, asks and decides all marked as one change; else decides the current one. */
  private void decide(Decision d) {
    ScreenModel m = model;
    if (m.marks.isEmpty()) {
      m.decideCurrent(d);
      return;
    }
    List<InvitationId> ids = List.copyOf(m.marks);
    String verb = switch (d) {
      case ACCEPT -> "Accept";
      case IGNORE -> "Ignore";
      case LATER -> "Mark as later";
      case PENDING -> "Set back to pending";
    };
    m.overlays.push(Confirm.yesNo(verb + " " + ids.size() + " marked invitation" + (ids.size() == 1 ? "" : "s") + "?",
        () -> m.decideAll(ids, d)));
  }

  private void toggleClient(InboxEntry cur) {
    ScreenModel m = model;
    if (cur == null) {
      return;
    }
    if (cur.client()) {
      m.clientOf(cur).ifPresentOrElse(
          c -> m.overlays.push(Confirm.yesNo("Remove " + c.name() + " from clients?", () -> m.removeClient(cur, c))),
          () -> m.error("no client entry found for " + cur.invitation().counterpartName()));
    } else if (cur.invitation().counterpartName().isBlank() && cur.invitation().counterpartUrl().isBlank()) {
      m.error("this invitation has no name or URL to add as a client");
    } else {
      m.addClient(cur);
    }
  }

  private void search() {
    ScreenModel m = model;
    int start = m.cursor;
    m.overlays.push(new Prompt("/", "",
        text -> {
          if (text.isEmpty()) {
            m.cursor = start;
          } else if (!m.searchFrom(text, start)) {
            m.cursor = start;
          }
        },
        text -> {
          m.search = text.isEmpty() ? null : text;
          if (m.search != null && m.rows.find(text, start - 1, true) < 0) {
            m.error("no match for " + text);
            m.search = null;
          } else if (m.search != null) {
            m.flash("search: " + text + " (n/N next/previous, Esc clears)");
          }
        },
        () -> {
          m.cursor = start;
          m.search = null;
        }));
  }

  private void export() {
    ScreenModel m = model;
    if (!m.settings.writesFiles()) {
      m.error("export writes files on the server: use ssh HOST export --format csv > FILE instead");
      return;
    }
    m.overlays.push(new Prompt("Export format (csv/json): ", m.settings.exportFormat(), t -> { },
        format -> {
          String f = format.strip().toLowerCase(Locale.ROOT);
          if (!f.equals("csv") && !f.equals("json")) {
            m.error("unknown format '" + format + "': expected csv or json");
            return;
          }
          String name = "invitriage-decisions-" + LocalDate.now(m.settings.clock().withZone(m.settings.zone())) + "." + f;
          m.overlays.push(new Prompt("Export to: ", m.settings.workingDir().resolve(name).toString(), t -> { },
              path -> writeExport(f, path), () -> m.flash("export cancelled")));
        },
        () -> m.flash("export cancelled")));
  }

  private void writeExport(String format, String path) {
    ScreenModel m = model;
    if (path.isBlank()) {
      m.error("no file given: nothing exported");
      return;
    }
    try {
      Path target = m.settings.workingDir().resolve(path.strip());
      // Exporting is the one action that reads the whole view: the user asked for every row.
      List<InboxEntry> entries = new ArrayList<>(m.size());
      for (int i = 0; i < m.size(); i++) {
        entries.add(m.rows.get(i));
      }
      int n = m.app.exportTo(entries, format, target);
      m.flash("exported " + n + " invitations to " + target);
    } catch (InvitriageException e) {
      m.error(e.getMessage());
    } catch (java.nio.file.InvalidPathException e) {
      m.error("not a valid path: " + path);
    }
  }
}
