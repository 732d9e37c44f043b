package dev.invitriage.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.invitriage.domain.Client;
import dev.invitriage.text.TerminalText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The client list ({@code C}), sorted by name, a column each for name, company, profile and note
 * under a header: {@code a} adds, {@code e} edits, {@code d} removes, Esc goes back. Takes the
 * whole screen, its own hints on the bottom line.
 */
final class ClientsScreen implements Overlay {
  private static final Comparator<Client> BY_NAME =
      Comparator.comparing((Client c) -> c.name().toLowerCase(Locale.ROOT)).thenComparing(Client::url);
  /** Columns are cut with an ellipsis and kept this far apart. */
  private static final int GAP = 2;

  private final ScreenModel model;
  private List<Client> clients;
  private int cursor;
  private int top;

  ClientsScreen(ScreenModel model) {
    this.model = model;
    this.clients = sorted();
  }

  private List<Client> sorted() {
    List<Client> all = new ArrayList<>(model.app.inbox().clients());
    all.sort(BY_NAME);
    return all;
  }

  private void refresh() {
    clients = sorted();
    cursor = Math.max(0, Math.min(cursor, clients.size() - 1));
    model.clientsChanged();
  }

  /** Moves the cursor to the client named and linked as {@code c}, as saved. */
  private void select(Client c) {
    for (int i = 0; i < clients.size(); i++) {
      if (clients.get(i).name().equals(c.name()) && clients.get(i).url().equals(c.url())) {
        cursor = i;
        return;
      }
    }
  }

  @Override
  public boolean handle(KeyStroke key) {
    String k = KeyMap.name(key);
    if (k == null) {
      return true;
    }
    switch (k) {
      case "Esc", "q", "Ctrl-c" -> {
        return false;
      }
      case "j", "Down" -> cursor = Math.min(Math.max(0, clients.size() - 1), cursor + 1);
      case "k", "Up" -> cursor = Math.max(0, cursor - 1);
      case "g", "Home" -> cursor = 0;
      case "G", "End" -> cursor = Math.max(0, clients.size() - 1);
      case "a" -> model.overlays.push(new ClientForm(model, "Add client", new Client(0, "", "", "", ""), c -> {
        model.app.inbox().addClients(List.of(c));
        refresh();
        select(c);
        model.flash("added client: " + c.name());
      }));
      case "e" -> {
        if (!clients.isEmpty()) {
          model.overlays.push(new ClientForm(model, "Edit client", clients.get(cursor), c -> {
            model.app.inbox().updateClient(c);
            refresh();
            select(c);
            model.flash("saved client: " + c.name());
          }));
        }
      }
      case "d" -> {
        if (!clients.isEmpty()) {
          Client c = clients.get(cursor);
          model.overlays.push(Confirm.yesNo("Remove client " + c.name() + "?", () -> {
            model.app.inbox().removeClient(c.id());
            refresh();
            model.flash("removed client: " + c.name());
          }));
        }
      }
      default -> { }
    }
    return true;
  }

  /** A LinkedIn address without the part every row shares, so the part that differs shows. */
  static String shownUrl(String url) {
    for (String prefix : new String[] {"https://www.linkedin.com", "http://www.linkedin.com", "https://linkedin.com"}) {
      if (url.startsWith(prefix + "/")) {
        return url.substring(prefix.length());
      }
    }
    return url;
  }

  @Override
  public void draw(Canvas c, Theme t) {
    Style body = t.style("overlay");
    Style title = t.style("overlay.title");
    int w = c.width();
    int h = c.height();
    c.fill(0, 0, w, h, body);
    c.text(0, 0, w, " Clients (" + clients.size() + ")", title);
    c.text(0, h - 1, w, " a add · e edit · d remove · j/k move · Esc back", title);
    int rows = Math.max(1, h - 3);
    if (cursor < top) {
      top = cursor;
    } else if (cursor >= top + rows) {
      top = cursor - rows + 1;
    }
    if (clients.isEmpty()) {
      c.text(1, 2, w - 2, "No clients yet: press a to add one.", body);
      return;
    }
    // Widths: the name and company a quarter and a fifth, the profile URL a third, the note the rest.
    int nameW = Math.max(10, (w - 2) / 4 - GAP);
    int companyW = Math.max(8, (w - 2) / 5 - GAP);
    int urlW = Math.max(12, (w - 2) / 3 - GAP);
    row(c, 1, title, "", "Name", nameW, "Company", companyW, "Profile", urlW, "Note");
    for (int i = 0; i < rows && top + i < clients.size(); i++) {
      Client cl = clients.get(top + i);
      boolean selected = top + i == cursor;
      row(c, 2 + i, selected ? t.style("overlay.selected") : body, selected ? ">" : "", cl.name(), nameW,
          cl.company(), companyW, shownUrl(cl.url()), urlW, TerminalText.firstLine(cl.note()));
    }
  }

  /** One line of the table: every column at the same place whatever is empty. */
  private static void row(Canvas c, int y, Style s, String mark, String name, int nameW, String company,
      int companyW, String url, int urlW, String note) {
    int x = c.text(0, y, 2, mark, s);
    x = c.text(x, y, nameW, name, s);
    x = c.text(x, y, GAP, "", s);
    x = c.text(x, y, companyW, company, s);
    x = c.text(x, y, GAP, "", s);
    x = c.text(x, y, urlW, url, s);
    x = c.text(x, y, GAP, "", s);
    c.text(x, y, Math.max(0, c.width() - x), note, s);
  }
}
