package dev.invitriage.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.invitriage.domain.Client;
import java.util.List;

/** The client list ({@code C}): {@code a} adds, {@code e} edits, {@code d} removes, Esc goes back. */
final class ClientsScreen implements Overlay {
  private final ScreenModel model;
  private List<Client> clients;
  private int cursor;
  private int top;

  ClientsScreen(ScreenModel model) {
    this.model = model;
    this.clients = model.app.inbox().clients();
  }

  private void refresh() {
    clients = model.app.inbox().clients();
    cursor = Math.max(0, Math.min(cursor, clients.size() - 1));
    model.clientsChanged();
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
        cursor = clients.size() - 1;
        model.flash("added client: " + c.name());
      }));
      case "e" -> {
        if (!clients.isEmpty()) {
          model.overlays.push(new ClientForm(model, "Edit client", clients.get(cursor), c -> {
            model.app.inbox().updateClient(c);
            refresh();
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

  @Override
  public void draw(Canvas c, Theme t) {
    Style body = t.style("overlay");
    c.fill(0, 0, c.width(), c.height() - 1, body);
    c.text(0, 0, c.width(), " Clients (" + clients.size() + ")   a add · e edit · d remove · Esc back", t.style("overlay.title"));
    int rows = Math.max(1, c.height() - 3);
    if (cursor < top) {
      top = cursor;
    } else if (cursor >= top + rows) {
      top = cursor - rows + 1;
    }
    if (clients.isEmpty()) {
      c.text(1, 2, c.width() - 2, "No clients yet: press a to add one.", body);
    }
    int nameW = Math.max(10, c.width() / 4);
    int compW = Math.max(8, c.width() / 6);
    for (int i = 0; i < rows && top + i < clients.size(); i++) {
      Client cl = clients.get(top + i);
      Style s = top + i == cursor ? t.style("overlay.selected") : body;
      int x = c.text(0, 1 + i, 1, top + i == cursor ? ">" : " ", s);
      x = c.text(x, 1 + i, nameW + 1, cl.name(), s);
      x = c.text(x, 1 + i, compW + 1, cl.company(), s);
      c.text(x, 1 + i, c.width() - x, cl.url() + (cl.note().isEmpty() ? "" : "  " + dev.invitriage.text.TerminalText.firstLine(cl.note())), s);
    }
  }
}
