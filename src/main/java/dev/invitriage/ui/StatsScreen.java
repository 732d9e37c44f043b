package dev.invitriage.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.invitriage.app.Overview;
import dev.invitriage.app.Stats;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.TemplateUse;
import dev.invitriage.domain.Verdict;
import dev.invitriage.text.Entities;
import dev.invitriage.text.TerminalText;
import java.util.List;
import java.util.Locale;

/**
 * The inbox as a whole, on the whole screen (S): verdicts with the offenders' share, triage
 * progress, incoming invitations by month with offenders and personal ones side by side, the
 * most-sent templates, clients and connections. Two columns from 80x24 up; bars in block
 * characters whose length is the figure's share (of the incoming invitations on the left, of the
 * busiest month on the right), offenders drawn
 * {@value #OFFENDER_BAR} and the rest {@value #BAR}, so the charts read without colour too. Made
 * once when opened (a picture, not a live view); Esc, q or S returns.
 */
final class StatsScreen implements Overlay {
  static final char BAR = '█';
  static final char OFFENDER_BAR = '▒';
  private static final int LABEL = 9;
  private static final int NUMBER = 8;

  private final Overview overview;

  StatsScreen(ScreenModel model) {
    this.overview = model.app.overview();
  }

  @Override
  public boolean handle(KeyStroke key) {
    if (key.getKeyType() == KeyType.Escape) {
      return false;
    }
    return !(key.getKeyType() == KeyType.Character && !key.isCtrlDown() && "qS".indexOf(key.getCharacter()) >= 0);
  }

  /**
   * Cells of a bar for {@code value} out of {@code max} in {@code width} cells: rounded, and at
   * least one for any value above zero.
   */
  static int barLength(long value, long max, int width) {
    if (value <= 0 || max <= 0 || width <= 0) {
      return 0;
    }
    return (int) Math.max(1, Math.min(width, Math.round((double) value * width / max)));
  }

  @Override
  public void draw(Canvas c, Theme t) {
    Style body = t.style("list.normal");
    Style title = t.style("detail.label", "list.normal");
    c.fill(0, 0, c.width(), c.height(), body);
    c.text(0, 0, c.width(), " Inbox at a glance", t.style("overlay.title"));
    c.text(0, c.height() - 1, c.width(), " Esc back", t.style("message"));
    int half = c.width() / 2;
    int leftW = half - 1;
    int rightX = half + 1;
    int rightW = c.width() - rightX - 1;
    int bottom = c.height() - 1;
    left(c, t, 1, 1, leftW, bottom, body, title);
    right(c, t, rightX, 1, rightW, bottom, body, title);
  }

  private void left(Canvas c, Theme t, int x, int y, int w, int bottom, Style body, Style title) {
    Stats s = overview.stats();
    int incoming = s.direction(dev.invitriage.domain.Direction.INCOMING);
    int row = y;
    // Every bar of this column is a share of the incoming invitations, so they compare at a glance.
    row = line(c, x, row, bottom, w, "Verdicts of " + number(incoming) + " incoming", title);
    for (Verdict v : List.of(Verdict.PERSONAL, Verdict.DEFAULT, Verdict.GENERIC, Verdict.EMPTY, Verdict.TEMPLATE)) {
      Style style = v == Verdict.PERSONAL ? t.style("chart.personal", "chart.bar") : t.style("chart.bar");
      row = bar(c, x, row, bottom, w, v.name().toLowerCase(Locale.ROOT), s.verdict(v), incoming, BAR, style, body);
    }
    row = bar(c, x, row, bottom, w, "offenders", s.offenders(), incoming, OFFENDER_BAR,
        t.style("chart.offender", "chart.bar"), body);
    row = line(c, x, row, bottom, w, "  " + percent(s.offenders(), incoming) + " of incoming offend", body);
    row++;
    int pending = s.decision(Decision.PENDING);
    row = line(c, x, row, bottom, w, "Triage: " + number(incoming - pending) + " decided, " + number(pending)
        + " pending (" + percent(incoming - pending, incoming) + " done)", title);
    for (Decision d : List.of(Decision.ACCEPT, Decision.IGNORE, Decision.LATER, Decision.PENDING)) {
      row = bar(c, x, row, bottom, w, d.word(), s.decision(d), incoming, BAR, t.style("chart.bar"), body);
    }
    row++;
    row = line(c, x, row, bottom, w, "Clients: " + number(s.clients()) + " invitations", title);
    line(c, x, row, bottom, w, "Connections: " + number(s.connections()) + " invitations", title);
  }

  private void right(Canvas c, Theme t, int x, int y, int w, int bottom, Style body, Style title) {
    int row = y;
    row = line(c, x, row, bottom, w, "Last 12 months: " + OFFENDER_BAR + " offenders " + BAR + " personal", title);
    int max = 0;
    for (Overview.Month m : overview.months()) {
      max = Math.max(max, Math.max(m.offenders(), m.personal()));
    }
    // Label, then the two bars side by side in halves of what is left, each with its number.
    int half = Math.max(2, (w - 8) / 2);
    int barW = Math.max(1, half - 6);
    Style offender = t.style("chart.offender", "chart.bar");
    Style personal = t.style("chart.personal", "chart.bar");
    for (Overview.Month m : overview.months()) {
      if (row >= bottom) {
        return;
      }
      c.text(x, row, 8, m.month().toString(), body);
      int ox = x + 8;
      c.text(ox, row, barW, String.valueOf(OFFENDER_BAR).repeat(barLength(m.offenders(), max, barW)), offender);
      c.text(ox + barW, row, half - barW, " " + compact(m.offenders()), body);
      int px = ox + half;
      c.text(px, row, barW, String.valueOf(BAR).repeat(barLength(m.personal(), max, barW)), personal);
      c.text(px + barW, row, Math.max(0, w - (px + barW - x)), " " + compact(m.personal()), body);
      row++;
    }
    row++;
    List<TemplateUse> templates = overview.templates();
    row = line(c, x, row, bottom, w, templates.isEmpty() ? "No templates: no text came from "
        + "three or more senders" : "Most-sent templates (senders)", title);
    for (TemplateUse u : templates) {
      if (row >= bottom) {
        return;
      }
      c.text(x, row, 6, String.format(Locale.ROOT, "%5d ", u.senders()), body);
      c.text(x + 6, row, w - 6, TerminalText.firstLine(Entities.decode(u.text())), body);
      row++;
    }
  }

  /** Label, bar and number on one row; returns the next row. */
  private static int bar(Canvas c, int x, int row, int bottom, int w, String label, long value, long max, char glyph,
      Style style, Style body) {
    if (row >= bottom) {
      return row;
    }
    int barW = Math.max(1, w - LABEL - NUMBER - 2);
    c.text(x, row, LABEL + 1, label, body);
    c.text(x + LABEL + 1, row, barW, String.valueOf(glyph).repeat(barLength(value, max, barW)), style);
    c.text(x + LABEL + 1 + barW, row, NUMBER + 1, " " + number(value), body);
    return row + 1;
  }

  private static int line(Canvas c, int x, int row, int bottom, int w, String text, Style style) {
    if (row < bottom) {
      c.text(x, row, w, text, style);
    }
    return row + 1;
  }

  private static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A count in at most six characters: 1234, 12.3k, 123k, 1.2M. */
  private static String compact(long n) {
    if (n < 10_000) {
      return Long.toString(n);
    }
    if (n < 1_000_000) {
      return n < 100_000 ? String.format(Locale.ROOT, "%.1fk", n / 1000.0) : (n / 1000) + "k";
    }
    return String.format(Locale.ROOT, "%.1fM", n / 1_000_000.0);
  }

  private static String percent(long part, long whole) {
    return whole <= 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
  }
}
