package dev.invitriage.ui;

import com.googlecode.lanterna.SGR;
import dev.invitriage.app.Stats;
import dev.invitriage.app.View;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.Verdict;
import dev.invitriage.text.Entities;
import dev.invitriage.text.TerminalText;
import dev.invitriage.text.TextColumns;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link ScreenModel}: header with the views, the list (only its visible rows are read),
 * the detail pane (right on 120+ columns, else below), the status bar and the message line.
 */
final class Renderer {
  static final int MIN_WIDTH = 40;
  static final int MIN_HEIGHT = 10;
  /**
   * From this width the detail stands beside the list; below it, under the list. At 120 columns the
   * list beside a 48-column detail left the message 15 columns: the list wants the whole width.
   */
  static final int WIDE = 160;
  /** Rows of the list and of the detail below it when the screen is shared (80x24: 8 + 1 + 12). */
  static final int MIN_LIST_ROWS = 8;
  static final int DETAIL_ROWS = 12;

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("yy-MM-dd");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** Rows drawn and kept: a few screenfuls. */
  private static final int KEPT_ROWS = 256;

  private final Theme theme;
  private final java.time.ZoneId zone;
  /**
   * List rows as drawn, by invitation: a row's cells depend on nothing but what {@link DrawnRow}
   * holds (the theme and zone are fixed). Moving the cursor changes two rows, scrolling shifts
   * them: the others are pasted rather than measured, fitted and cut again, which was most of a
   * frame. A row is kept for the very entry object it was drawn from: the view keeps its entries,
   * and a changed invitation comes as a new one (comparing entries whole cost more than it saved).
   */
  private final Map<InvitationId, DrawnRow> drawnRows = new LinkedHashMap<>(KEPT_ROWS * 2, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<InvitationId, DrawnRow> eldest) {
      return size() > KEPT_ROWS;
    }
  };

  /** A row's cells and everything they depend on. */
  private record DrawnRow(InboxEntry entry, boolean selected, boolean marked, int x, int w, Canvas.Cells cells) { }

  Renderer(Theme theme, java.time.ZoneId zone) {
    this.theme = theme;
    this.zone = zone;
  }

  void draw(ScreenModel m, Canvas c) {
    int w = c.width();
    int h = c.height();
    c.fill(0, 0, w, h, theme.style("list.normal"));
    if (w < MIN_WIDTH || h < MIN_HEIGHT) {
      String[] msg = {"terminal too small", w + "x" + h + ", need " + MIN_WIDTH + "x" + MIN_HEIGHT};
      for (int i = 0; i < msg.length && i < h; i++) {
        c.text(0, i, w, msg[i], theme.style("error"));
      }
      return;
    }
    header(m, c);
    m.reasonPending = false;
    int bodyTop = 1;
    int bodyH = h - 3;
    if (m.zoom) {
      m.scrollToCursor(1);
      m.reasonPending = detail(m.current(), c, 0, bodyTop, w, bodyH);
    } else if (w >= WIDE) {
      int detailW = Math.max(48, w / 3);
      int listW = w - detailW - 1;
      list(m, c, 0, bodyTop, listW, bodyH);
      for (int y = bodyTop; y < bodyTop + bodyH; y++) {
        c.text(listW, y, 1, "│", theme.style("detail"));
      }
      m.reasonPending = detail(m.current(), c, listW + 1, bodyTop, detailW, bodyH);
    } else if (bodyH >= 14) {
      // The message is what the user judges: at 80x24 the detail gets twelve rows (seven of them
      // the message's) beside an eight-row list; taller screens give both more.
      int listH = Math.max(MIN_LIST_ROWS, bodyH - 1 - Math.max(DETAIL_ROWS, bodyH * 2 / 5));
      int detailH = bodyH - listH - 1;
      list(m, c, 0, bodyTop, w, listH);
      c.text(0, bodyTop + listH, w, "─".repeat(w), theme.style("detail"));
      m.reasonPending = detail(m.current(), c, 0, bodyTop + listH + 1, w, detailH);
    } else {
      list(m, c, 0, bodyTop, w, bodyH);
    }
    status(m, c);
    messageLine(m, c);
  }

  // ------------------------------------------------------------------ header and status

  private void header(ScreenModel m, Canvas c) {
    c.fill(0, 0, c.width(), 1, theme.style("header"));
    int x = 0;
    for (View v : View.values()) {
      String tab = " " + (v.ordinal() + 1) + " " + v.label() + " ";
      int tw = TextColumns.width(tab);
      if (x + tw > c.width()) {
        break;
      }
      x = c.text(x, 0, tw, tab, theme.style(v == m.view ? "header.active" : "header"));
    }
  }

  private void status(ScreenModel m, Canvas c) {
    Stats s = m.stats;
    String pos = m.size() == 0 ? "0/0" : (m.cursor + 1) + "/" + m.size();
    StringBuilder b = new StringBuilder();
    b.append(' ').append(m.view.label()).append(' ').append(pos);
    // Marks and search come before the counts: they are what the next key acts on.
    if (!m.marks.isEmpty()) {
      b.append(" · ").append(m.marks.size()).append(" marked");
    }
    if (m.search != null) {
      b.append(" · search: ").append(m.search).append(" (n/N)");
    }
    if (m.sort != dev.invitriage.app.SortOrder.DATE) {
      b.append(" · by ").append(m.sort.label());
    }
    b.append(" · ").append(s.offenders()).append(" offenders · ").append(s.verdict(Verdict.PERSONAL))
        .append(" personal · ").append(s.clients()).append(" clients · ").append(s.decision(Decision.PENDING))
        .append(" pending");
    String hint = " ? help ";
    if (!m.settings.who().isEmpty()) {
      // Who is on this screen (over SSH), unless it would crowd out the position on a narrow one.
      String named = " " + m.settings.who() + " · ? help ";
      hint = TextColumns.width(named) <= c.width() / 2 ? named : hint;
    }
    int hw = TextColumns.width(hint);
    c.text(0, c.height() - 2, c.width() - hw, b.toString(), theme.style("status"));
    c.text(c.width() - hw, c.height() - 2, hw, hint, theme.style("status"));
  }

  private void messageLine(ScreenModel m, Canvas c) {
    String text = m.message.isEmpty()
        ? "a accept · x ignore · l later · u undo · / search · Tab view · q quit"
        : m.message;
    c.text(0, c.height() - 1, c.width(), " " + text, theme.style(m.messageIsError ? "error" : "message"));
  }

  // ------------------------------------------------------------------ list

  /**
   * Column widths of one list row for a pane {@code w} wide. The message gets its room before the
   * sender's job title does: the title joins the name only where the message still has
   * {@link #MESSAGE_ROOM} columns, and a narrow pane leaves out the id (the detail shows it).
   */
  record Columns(int id, int date, int name, int flags, boolean longDate, boolean headline) {
    static final int MESSAGE_ROOM = 40;
    private static final int NAME = 18;
    private static final int HEADLINE = 26;

    static Columns forWidth(int w) {
      boolean wide = w >= 100;
      int id = wide ? 9 : 0;
      int date = wide ? 10 : 8;
      int flags = wide ? 11 : 6;
      // Marks and badge (4), verdict (9) and decision (8), each column with its gap.
      int fixed = 4 + id + date + 1 + 9 + 8 + flags + 1 + NAME + 1;
      int spare = w - fixed - MESSAGE_ROOM;
      boolean headline = spare >= 20;
      int name = headline ? NAME + Math.min(HEADLINE, spare) : NAME;
      return new Columns(id, date, name, flags, wide, headline);
    }
  }

  private void list(ScreenModel m, Canvas c, int x, int y, int w, int h) {
    m.scrollToCursor(h);
    if (m.size() == 0) {
      c.text(x, y, w, "  nothing in " + m.view.label() + " (Tab or 1-7 switch views)", theme.style("list.normal"));
      return;
    }
    Columns cols = Columns.forWidth(w);
    for (int i = 0; i < h && m.top + i < m.size(); i++) {
      int row = m.top + i;
      InboxEntry e = m.rows.get(row);
      boolean selected = row == m.cursor;
      boolean marked = m.marks.contains(e.id());
      DrawnRow kept = drawnRows.get(e.id());
      if (kept != null && kept.entry == e && kept.selected == selected && kept.marked == marked && kept.x == x
          && kept.w == w) {
        c.paste(x, y + i, kept.cells);
      } else {
        row(e, selected, marked, c, x, y + i, w, cols);
        drawnRows.put(e.id(), new DrawnRow(e, selected, marked, x, w, c.cells(x, y + i, w)));
      }
    }
  }

  private void row(InboxEntry e, boolean selected, boolean marked, Canvas c, int x0, int y, int w, Columns cols) {
    String kind = e.offender() ? "list.offender" : e.client() ? "list.client"
        : e.invitation().direction() == Direction.OUTGOING ? "list.outgoing" : "list.normal";
    Style base = selected
        ? theme.style(kind + ".selected", "list.selected")
        : theme.style(kind, "list.normal");
    if (marked && !selected && !e.offender()) {
      base = theme.style("list.marked", kind);
    }
    c.fill(x0, y, w, 1, base);
    int end = x0 + w;
    int x = x0;
    x = c.text(x, y, 1, selected ? ">" : " ", base);
    x = c.text(x, y, 1, marked ? "*" : " ", base);
    x = c.text(x, y, 2, e.offender() ? "!" : " ", base.withSgr(SGR.BOLD));
    if (cols.id() > 0) {
      x = c.text(x, y, Math.min(cols.id(), end - x), e.abbrev(), base);
    }
    x = c.text(x, y, Math.min(cols.date() + 1, end - x),
        (cols.longDate() ? DATE : SHORT_DATE).format(e.invitation().sentAt()), base);
    String name = (e.invitation().direction() == Direction.OUTGOING ? "→ " : "") + e.invitation().counterpartName()
        + (e.headline().isEmpty() || !cols.headline() ? "" : " · " + e.headline());
    // Fitted one column short, so a cut name never runs into the badge.
    x = c.text(x, y, Math.min(cols.name() + 1, end - x), TextColumns.fit(name, cols.name()), base);
    Style badge = e.offender() || selected ? base : theme.style("badge." + e.verdict().name().toLowerCase(Locale.ROOT), kind);
    x = c.text(x, y, Math.min(9, end - x), e.verdict().name(), badge);
    Style dec = selected || e.offender() ? base : theme.style("decision." + e.decision().word(), kind);
    x = c.text(x, y, Math.min(8, end - x), e.decision().word(), dec);
    String flags = e.client() && e.connection() && cols.flags() >= 11 ? "CLIENT conn"
        : e.client() ? "CLIENT" : e.connection() ? "conn" : "";
    x = c.text(x, y, Math.min(cols.flags() + 1, end - x), flags, base);
    if (x < end) {
      c.text(x, y, end - x, TerminalText.firstLine(Entities.decode(e.invitation().message())), base);
    }
  }

  // ------------------------------------------------------------------ detail

  /**
   * Draws the selected invitation, its message first (as many lines as fit beside the facts, then
   * "…"), then the facts about it compacted: who and their work; verdict and reason; when sent,
   * decision, client and connection, id; profile; the user's note. True when its reason is still
   * to come (see reasonPending).
   */
  private boolean detail(InboxEntry e, Canvas c, int x, int y, int w, int h) {
    Style body = theme.style("detail", "list.normal");
    Style label = theme.style("detail.label", "detail");
    c.fill(x, y, w, h, body);
    if (e == null || w < 4 || h < 1) {
      return false;
    }
    int textW = Math.max(1, w - 2);
    boolean out = e.invitation().direction() == Direction.OUTGOING;
    String reason = e.reasonIfReady();
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact((out ? "to " : "") + e.invitation().counterpartName()
        + (e.headline().isEmpty() ? "" : " · " + e.headline()), label));
    facts.add(new Fact((e.offender() ? "! OFFENDER " : "") + e.verdict().name() + " — "
        + (reason == null ? "judging…" : reason),
        e.offender() ? theme.style("detail.offender", "list.offender") : body));
    facts.add(new Fact((out ? "sent " : "received ") + DATE_TIME.format(e.invitation().sentAt())
        + " · " + e.decision().word()
        + (e.decidedAt() == null ? "" : " " + DATE_TIME.format(e.decidedAt().atZone(zone)))
        + (e.client() ? " · CLIENT" : "") + (e.connection() ? " · connection" : "")
        + " · id " + e.abbrev(), body));
    facts.add(new Fact(e.invitation().counterpartUrl().isEmpty() ? "(no profile link)" : e.invitation().counterpartUrl(), body));
    if (!e.note().isEmpty()) {
      facts.add(new Fact("note: " + e.note(), label));
    }
    // Each fact wrapped, not cut: a reason or a narrow pane's id must not be lost off the edge.
    List<Fact> lines = new ArrayList<>();
    for (Fact f : facts) {
      for (String line : TextColumns.wrap(cutToFit(f.text, h, textW), textW)) {
        lines.add(new Fact(line, f.style));
      }
    }
    // The message keeps at least two rows; the facts give way below it, the last ones first.
    int factRows = Math.min(lines.size(), Math.max(0, h - MESSAGE_MIN_ROWS - 1));
    int messageRows = Math.max(Math.min(MESSAGE_MIN_ROWS, h), h - factRows - (factRows > 0 ? 1 : 0));
    // Shown as it reads: exports carry HTML character references ("I&#39;d like…").
    String message = Entities.decode(e.invitation().message());
    int row = y;
    if (message.isEmpty()) {
      c.text(x + 1, row++, textW, "(no message)", label);
    } else {
      List<String> wrapped = TextColumns.wrap(cutToFit(message, messageRows, textW), textW);
      for (int i = 0; i < wrapped.size() && i < messageRows; i++) {
        boolean cut = i == messageRows - 1 && i < wrapped.size() - 1;
        c.text(x + 1, row++, textW, cut ? TextColumns.fit(wrapped.get(i) + " …", textW) : wrapped.get(i), body);
      }
    }
    if (factRows > 0) {
      row++; // a blank row between the message and the facts
    }
    for (Fact f : lines) {
      if (row >= y + h) {
        break;
      }
      c.text(x + 1, row++, textW, f.text, f.style);
    }
    return reason == null;
  }

  private static final int MESSAGE_MIN_ROWS = 2;

  /** One line of facts under the message, and how it is drawn. */
  private record Fact(String text, Style style) { }

  /** A 5,000-character text is wrapped only as far as {@code rows} of {@code w} columns can show. */
  private static String cutToFit(String text, int rows, int w) {
    int budget = Math.max(0, rows * (w + 1) * 4);
    return text.length() > budget ? text.substring(0, budget) : text;
  }
}
