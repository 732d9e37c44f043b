package dev.invitriage.durability;

import dev.invitriage.domain.Client;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.InvitationId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The crash loop's operations, each derived from the seed, its number and the inbox as it stands
 * before it, so the parent can recompute from a child's {@code OK} lines exactly what it did.
 */
final class Workload {
  private Workload() {}

  /** What an operation may look at: the same whether it is read from a store or from the model. */
  interface View {
    int size();

    InvitationId idAt(int ordinal);

    /** The clients, by id ascending. */
    List<Client> clients();
  }

  enum Kind { IMPORT, DECIDE, NOTE, CLIENT_ADD, CLIENT_EDIT, CLIENT_REMOVE, UNDO, REDO, REOPEN }

  /**
   * One operation.
   *
   * @param export the export folder number (IMPORT)
   * @param ids the invitations (DECIDE: one or more, distinct; NOTE: one)
   * @param text the note (empty removes it)
   * @param clients the clients to add (ids 0), the edited client, or the one to remove
   */
  record Op(int n, Kind kind, int export, List<InvitationId> ids, Decision decision, long atMillis, String text, List<Client> clients) {
    /** What the child prints after {@code OK <n>}: enough to check it did what the parent derives. */
    String describe() {
      return switch (kind) {
        case IMPORT -> "import export-" + export;
        case DECIDE -> "decide " + ids.size() + " " + decision.word() + " " + ids.get(0).hex().substring(0, 8);
        case NOTE -> "note " + ids.get(0).hex().substring(0, 8) + (text.isEmpty() ? " removed" : "");
        case CLIENT_ADD -> "client add " + clients.size();
        case CLIENT_EDIT -> "client edit " + clients.get(0).id();
        case CLIENT_REMOVE -> "client remove " + clients.get(0).id();
        case UNDO -> "undo";
        case REDO -> "redo";
        case REOPEN -> "reopen";
      };
    }
  }

  /** Decision times: fixed, so the model knows them. */
  static final long EPOCH_MILLIS = 1_790_000_000_000L;

  static Op derive(long seed, int n, int exports, View v) {
    Random r = new Random(seed * 1_000_003L + n);
    int roll = r.nextInt(100);
    if (n == 0 || v.size() == 0 || roll < 3) {
      return op(n, Kind.IMPORT, n == 0 ? 0 : r.nextInt(exports), List.of(), null, "", List.of());
    }
    List<Client> clients = v.clients();
    if (roll < 40) {
      int count = 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : 0);
      List<InvitationId> ids = new ArrayList<>();
      while (ids.size() < Math.min(count, v.size())) {
        InvitationId id = v.idAt(r.nextInt(v.size()));
        if (!ids.contains(id)) {
          ids.add(id);
        }
      }
      Decision d = Decision.values()[r.nextInt(Decision.values().length)];
      return new Op(n, Kind.DECIDE, 0, List.copyOf(ids), d, EPOCH_MILLIS + n * 1000L, "", List.of());
    }
    if (roll < 60) {
      String text = r.nextInt(5) == 0 ? "" : "note " + n + (r.nextBoolean() ? ", met at a meetup ✓\nsecond line" : "");
      return op(n, Kind.NOTE, 0, List.of(v.idAt(r.nextInt(v.size()))), null, text, List.of());
    }
    if (roll < 68 || clients.isEmpty() && roll < 79) {
      List<Client> add = new ArrayList<>();
      int count = r.nextInt(4) == 0 ? 2 : 1;
      for (int i = 0; i < count; i++) {
        String url = r.nextBoolean() ? Exports.url(r.nextInt(6000)) : "";
        add.add(new Client(0, "Client " + n + "-" + i, url, r.nextBoolean() ? "Acme" : "", ""));
      }
      return op(n, Kind.CLIENT_ADD, 0, List.of(), null, "", add);
    }
    if (roll < 74) {
      Client c = clients.get(r.nextInt(clients.size()));
      Client edited = new Client(c.id(), c.name(), c.url(), "Company " + n, r.nextBoolean() ? "" : "edited " + n);
      return op(n, Kind.CLIENT_EDIT, 0, List.of(), null, "", List.of(edited));
    }
    if (roll < 79) {
      return op(n, Kind.CLIENT_REMOVE, 0, List.of(), null, "", List.of(clients.get(r.nextInt(clients.size()))));
    }
    if (roll < 91) {
      return op(n, Kind.UNDO, 0, List.of(), null, "", List.of());
    }
    if (roll < 98) {
      return op(n, Kind.REDO, 0, List.of(), null, "", List.of());
    }
    return op(n, Kind.REOPEN, 0, List.of(), null, "", List.of());
  }

  private static Op op(int n, Kind kind, int export, List<InvitationId> ids, Decision d, String text, List<Client> clients) {
    return new Op(n, kind, export, ids, d, -1, text, clients);
  }
}
