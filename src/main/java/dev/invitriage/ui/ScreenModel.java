package dev.invitriage.ui;

import dev.invitriage.app.App;
import dev.invitriage.app.InboxView;
import dev.invitriage.app.SortOrder;
import dev.invitriage.app.Stats;
import dev.invitriage.app.View;
import dev.invitriage.domain.Client;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.Names;
import dev.invitriage.domain.ProfileUrl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The inbox screen's state: which view and sort, the rows as of the last change, cursor and
 * scroll, marks, the active search and the overlay stack. Changes go to the {@link App} and are
 * durable when a method returns; navigation never reads more than the rows it needs.
 */
final class ScreenModel {
  final App app;
  final UiSettings settings;

  View view = View.PENDING;
  SortOrder sort = SortOrder.DATE;
  InboxView rows;
  Stats stats;
  /** The change count {@link #stats} are current as of: switching views changes no count. */
  private long statsSeen = -1;
  int cursor;
  int top;
  /** Rows the list pane showed last frame: the page for PgUp/PgDn. */
  int pageRows = 10;
  final Set<InvitationId> marks = new LinkedHashSet<>();
  int anchor = -1;
  /** The active search text, or null when none is active. */
  String search;
  boolean zoom;
  /**
   * The last frame showed "judging…" for the selected invitation's reason: the classifier is still
   * being made (the first frame does not wait for it), and the screen is drawn again until it is.
   */
  boolean reasonPending;
  String message = "";
  boolean messageIsError;
  final Deque<Overlay> overlays = new ArrayDeque<>();
  boolean quit;
  /** The App's change count when the rows were last read: a larger count means reload. */
  long seenChanges;
  /** How many invitations this screen decided (for the SSH server's session log). */
  int decided;

  ScreenModel(App app, UiSettings settings) {
    this.app = app;
    this.settings = settings;
    reload(null, 0);
  }

  // ------------------------------------------------------------------ reading

  int size() {
    return rows.size();
  }

  /** The entry under the cursor, or null in an empty view. */
  InboxEntry current() {
    return rows.size() == 0 ? null : rows.get(cursor);
  }

  /**
   * Makes a fresh view after a change and puts the cursor on {@code keep} if it is still shown,
   * else on the same position.
   */
  void reload(InvitationId keep, int fallbackRow) {
    // Read the count first: a change made while the view is built is seen again next time.
    seenChanges = app.changeCount();
    rows = app.view(view, sort);
    if (stats == null || statsSeen != seenChanges) {
      stats = app.stats();
      statsSeen = seenChanges;
    }
    int at = keep == null ? -1 : rows.indexOf(keep);
    cursor = clamp(at >= 0 ? at : fallbackRow);
  }

  /**
   * Reloads when the inbox changed since the rows were read (another session decided something);
   * returns whether it did. The cursor stays on the same invitation when it is still shown.
   */
  boolean refreshIfChanged() {
    if (app.changeCount() == seenChanges) {
      return false;
    }
    InboxEntry e = current();
    reload(e == null ? null : e.id(), cursor);
    return true;
  }

  private int clamp(int row) {
    return rows.size() == 0 ? 0 : Math.max(0, Math.min(rows.size() - 1, row));
  }

  /** Keeps the cursor inside the window of {@code visible} rows that starts at {@link #top}. */
  void scrollToCursor(int visible) {
    pageRows = Math.max(1, visible);
    if (cursor < top) {
      top = cursor;
    } else if (cursor >= top + pageRows) {
      top = cursor - pageRows + 1;
    }
    top = Math.max(0, Math.min(top, Math.max(0, rows.size() - pageRows)));
  }

  void flash(String text) {
    message = text;
    messageIsError = false;
  }

  void error(String text) {
    message = text;
    messageIsError = true;
  }

  /** Lines that other threads want on the message line (a browser that failed), taken by the UI thread. */
  private final java.util.concurrent.ConcurrentLinkedQueue<String> posted = new java.util.concurrent.ConcurrentLinkedQueue<>();

  /** From any thread: shows {@code text} as an error at the UI's next poll. */
  void post(String text) {
    posted.add(text);
  }

  /** Shows what other threads posted; returns whether there was anything. */
  boolean takePosted() {
    String text = posted.poll();
    if (text == null) {
      return false;
    }
    for (String more = posted.poll(); more != null; more = posted.poll()) {
      text = more;
    }
    error(dev.invitriage.text.TerminalText.sanitize(text));
    return true;
  }

  // ------------------------------------------------------------------ navigation

  void moveTo(int row) {
    cursor = clamp(row);
  }

  void moveBy(int delta) {
    moveTo(cursor + delta);
  }

  void switchView(View v) {
    if (v != view) {
      marks.clear();
      anchor = -1;
    }
    view = v;
    top = 0;
    reload(null, 0);
  }

  void cycleSort() {
    InboxEntry e = current();
    sort = sort.next();
    reload(e == null ? null : e.id(), cursor);
    flash("sorted by " + sort.label());
  }

  // ------------------------------------------------------------------ marks

  void toggleMark() {
    InboxEntry e = current();
    if (e == null) {
      return;
    }
    if (!marks.remove(e.id())) {
      marks.add(e.id());
    }
    anchor = cursor;
    moveBy(1);
  }

  void markRange() {
    if (current() == null) {
      return;
    }
    int from = anchor < 0 ? cursor : Math.min(anchor, rows.size() - 1);
    for (int i = Math.min(from, cursor); i <= Math.max(from, cursor); i++) {
      marks.add(rows.get(i).id());
    }
    anchor = cursor;
  }

  void markAll() {
    for (int i = 0; i < rows.size(); i++) {
      marks.add(rows.get(i).id());
    }
  }

  // ------------------------------------------------------------------ changes

  /** Decides the invitation under the cursor, then moves to the next pending one. */
  void decideCurrent(Decision d) {
    InboxEntry e = current();
    if (e == null) {
      return;
    }
    int was = cursor;
    Decision before = rows.decision(cursor);
    Direction direction = rows.direction(cursor);
    long changesBefore = app.changeCount();
    app.decide(List.of(e.id()), d);
    decided++;
    int at;
    if (changesBefore == seenChanges && app.changeCount() == changesBefore + 1 && !rows.wantsRebuild()) {
      // Nothing but this decision changed the inbox since the rows were read: they and the counts
      // follow from it, without filtering and counting every invitation again.
      InboxView after = rows.afterDecision(cursor, d);
      at = after.size() == rows.size() ? cursor : -1;
      rows = after;
      stats = stats.withDecision(direction, before, d);
      seenChanges = changesBefore + 1;
      statsSeen = seenChanges;
      cursor = clamp(at >= 0 ? at : was);
    } else {
      reload(e.id(), was);
      at = rows.indexOf(e.id());
    }
    nextPending(at >= 0 ? at + 1 : was);
    flash(d.word() + ": " + e.invitation().counterpartName());
  }

  /** Decides every given invitation as one undoable change. */
  void decideAll(List<InvitationId> ids, Decision d) {
    InboxEntry e = current();
    app.decide(ids, d);
    decided += ids.size();
    marks.clear();
    anchor = -1;
    reload(e == null ? null : e.id(), cursor);
    flash(d.word() + ": " + ids.size() + " invitations");
  }

  /** Puts the cursor on the first pending row at or after {@code from}; stays put when none. */
  private void nextPending(int from) {
    if (rows.size() == 0) {
      return;
    }
    for (int i = Math.max(0, from); i < rows.size(); i++) {
      if (rows.decision(i) == Decision.PENDING) {
        cursor = i;
        return;
      }
    }
    cursor = clamp(from);
  }

  List<InvitationId> offendersInView() {
    List<InvitationId> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).offender()) {
        out.add(rows.get(i).id());
      }
    }
    return out;
  }

  void undo() {
    InboxEntry e = current();
    Optional<String> what = app.inbox().undo();
    reload(e == null ? null : e.id(), cursor);
    flash(what.map(w -> "undone: " + w).orElse("nothing to undo"));
  }

  void redo() {
    InboxEntry e = current();
    Optional<String> what = app.inbox().redo();
    reload(e == null ? null : e.id(), cursor);
    flash(what.map(w -> "redone: " + w).orElse("nothing to redo"));
  }

  void setNote(InvitationId id, String note) {
    app.inbox().setNote(id, note);
    reload(id, cursor);
    flash("note saved");
  }

  /** The client that makes this entry a client, if any. */
  Optional<Client> clientOf(InboxEntry e) {
    String url = ProfileUrl.normalise(e.invitation().counterpartUrl());
    String name = Names.normalise(e.invitation().counterpartName());
    Client byName = null;
    for (Client c : app.inbox().clients()) {
      if (!url.isEmpty() && !c.url().isEmpty() && ProfileUrl.normalise(c.url()).equals(url)) {
        return Optional.of(c);
      }
      if (Names.normalise(c.name()).equals(name)) {
        byName = c;
      }
    }
    return Optional.ofNullable(byName);
  }

  void addClient(InboxEntry e) {
    app.inbox().addClients(List.of(new Client(0, e.invitation().counterpartName().strip(),
        e.invitation().counterpartUrl(), "", "")));
    reload(e.id(), cursor);
    flash("added client: " + e.invitation().counterpartName());
  }

  void removeClient(InboxEntry e, Client c) {
    app.inbox().removeClient(c.id());
    reload(e == null ? null : e.id(), cursor);
    flash("removed client: " + c.name());
  }

  void clientsChanged() {
    InboxEntry e = current();
    reload(e == null ? null : e.id(), cursor);
  }

  // ------------------------------------------------------------------ search

  /** Moves to the first match at or after {@code start}; returns whether one was found. */
  boolean searchFrom(String text, int start) {
    int at = rows.find(text, start - 1, true);
    if (at >= 0) {
      cursor = at;
      return true;
    }
    return false;
  }

  void searchNext(boolean forward) {
    int at = rows.find(search, cursor, forward);
    if (at < 0) {
      error("no match for " + search);
    } else {
      cursor = at;
      flash("search: " + search);
    }
  }
}
