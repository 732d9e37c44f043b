package dev.invitriage.durability;

import dev.invitriage.domain.Client;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.ImportBatch;
import dev.invitriage.domain.InboxRepository;
import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.ProfileUrl;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the inbox must hold after a sequence of {@link Workload} operations, computed in memory
 * without the store: invitations in import order with their decisions and notes, the clients, the
 * connections, and the undo and redo stacks (which later undos and redos check indirectly).
 */
final class Model implements Workload.View {
  /** Undo history kept by the store ({@code InboxState.UNDO_LIMIT}). */
  static final int UNDO_LIMIT = 1000;

  private final List<ImportBatch> exports;
  private final List<InvitationId> ids = new ArrayList<>();
  /** Counterpart URL of every invitation, for the connection mark. */
  private final Map<InvitationId, String> urls = new HashMap<>();
  private final Map<InvitationId, Decided> decisions = new HashMap<>();
  private final Map<InvitationId, String> notes = new HashMap<>();
  private final TreeMap<Long, Client> clients = new TreeMap<>();
  private final Set<String> connectionUrls = new HashSet<>();
  private long nextClientId = 1;
  private final Deque<List<Prim>> undo = new ArrayDeque<>();
  private final Deque<List<Prim>> redo = new ArrayDeque<>();

  /** A decision and its time, as the store keeps it. */
  record Decided(Decision decision, long atMillis) {}

  /** The store's primitive operations ({@code Change.Op}), mirrored. */
  sealed interface Prim permits SetDecision, SetNote, PutClient, RemoveClient {}

  record SetDecision(InvitationId id, Decision decision, long atMillis) implements Prim {}

  record SetNote(InvitationId id, String text) implements Prim {}

  record PutClient(Client client) implements Prim {}

  record RemoveClient(long id) implements Prim {}

  /** @param exports export k read as one batch, as the import of its folder reads it */
  Model(List<ImportBatch> exports) {
    this.exports = exports;
  }

  Model copy() {
    Model m = new Model(exports);
    m.ids.addAll(ids);
    m.urls.putAll(urls);
    m.decisions.putAll(decisions);
    m.notes.putAll(notes);
    m.clients.putAll(clients);
    m.connectionUrls.addAll(connectionUrls);
    m.nextClientId = nextClientId;
    m.undo.addAll(undo);
    m.redo.addAll(redo);
    return m;
  }

  @Override
  public int size() {
    return ids.size();
  }

  @Override
  public InvitationId idAt(int ordinal) {
    return ids.get(ordinal);
  }

  @Override
  public List<Client> clients() {
    return new ArrayList<>(clients.values());
  }

  void apply(Workload.Op op) {
    switch (op.kind()) {
      case IMPORT -> importBatch(exports.get(op.export()));
      case DECIDE -> change(op.ids().stream()
          .<Prim>map(id -> new SetDecision(id, op.decision(), op.decision() == Decision.PENDING ? -1 : op.atMillis()))
          .toList());
      case NOTE -> change(List.of(new SetNote(op.ids().get(0), op.text())));
      case CLIENT_ADD -> {
        List<Prim> puts = new ArrayList<>();
        long id = nextClientId;
        for (Client c : op.clients()) {
          puts.add(new PutClient(c.withId(id++)));
        }
        change(puts);
      }
      case CLIENT_EDIT -> change(List.of(new PutClient(op.clients().get(0))));
      case CLIENT_REMOVE -> change(List.of(new RemoveClient(op.clients().get(0).id())));
      case UNDO -> {
        if (!undo.isEmpty()) {
          redo.addLast(applyAll(undo.removeLast()));
        }
      }
      case REDO -> {
        if (!redo.isEmpty()) {
          pushUndo(applyAll(redo.removeLast()));
        }
      }
      case REOPEN -> { }
    }
  }

  private void importBatch(ImportBatch batch) {
    for (Invitation inv : batch.invitations()) {
      InvitationId id = InvitationId.of(inv);
      if (!urls.containsKey(id)) {
        ids.add(id);
        urls.put(id, inv.counterpartUrl());
      }
    }
    batch.connections().forEach(c -> {
      String url = ProfileUrl.normalise(c.url());
      if (!url.isEmpty()) {
        connectionUrls.add(url);
      }
    });
  }

  private void change(List<Prim> prims) {
    pushUndo(applyAll(prims));
    redo.clear();
  }

  private void pushUndo(List<Prim> inverse) {
    undo.addLast(inverse);
    while (undo.size() > UNDO_LIMIT) {
      undo.removeFirst();
    }
  }

  /** Applies each in order; returns the inverse, last first. */
  private List<Prim> applyAll(List<Prim> prims) {
    List<Prim> inverse = new ArrayList<>();
    for (Prim p : prims) {
      inverse.add(0, applyOne(p));
    }
    return inverse;
  }

  private Prim applyOne(Prim p) {
    if (p instanceof SetDecision d) {
      Decided old = d.decision() == Decision.PENDING && d.atMillis() < 0
          ? decisions.remove(d.id())
          : decisions.put(d.id(), new Decided(d.decision(), d.atMillis()));
      return old == null ? new SetDecision(d.id(), Decision.PENDING, -1) : new SetDecision(d.id(), old.decision(), old.atMillis());
    }
    if (p instanceof SetNote n) {
      String old = n.text().isEmpty() ? notes.remove(n.id()) : notes.put(n.id(), n.text());
      return new SetNote(n.id(), old == null ? "" : old);
    }
    if (p instanceof PutClient pc) {
      Client old = clients.put(pc.client().id(), pc.client());
      nextClientId = Math.max(nextClientId, pc.client().id() + 1);
      return old == null ? new RemoveClient(pc.client().id()) : new PutClient(old);
    }
    RemoveClient rc = (RemoveClient) p;
    Client old = clients.remove(rc.id());
    return old == null ? rc : new PutClient(old);
  }

  // ---------------------------------------------------------------- comparing with a store

  /** One invitation as compared; {@code connection} is null when it has no URL to match by. */
  record Row(String id, Decision decision, Instant decidedAt, String note, Boolean connection) {}

  /** Everything compared between a store and the model. */
  /**
   * What a user can see. The undo and redo depths matter: a change that alters nothing visible
   * (the same decision again) still moves the history, and an undo later shows the difference.
   */
  record Snapshot(List<Row> rows, List<Client> clients, int undoDepth, int redoDepth) {
    /** The first difference, for the failure message; null when equal. */
    String differenceFrom(Snapshot other) {
      if (undoDepth != other.undoDepth || redoDepth != other.redoDepth) {
        return "undo/redo depth: " + undoDepth + "/" + redoDepth + " vs " + other.undoDepth + "/" + other.redoDepth;
      }
      if (rows.size() != other.rows.size()) {
        return "invitations: " + rows.size() + " vs " + other.rows.size();
      }
      for (int i = 0; i < rows.size(); i++) {
        if (!rows.get(i).equals(other.rows.get(i))) {
          return "invitation " + i + ": " + rows.get(i) + " vs " + other.rows.get(i);
        }
      }
      return clients.equals(other.clients) ? null : "clients: " + clients + " vs " + other.clients;
    }
  }

  Snapshot snapshot() {
    List<Row> rows = new ArrayList<>();
    for (InvitationId id : ids) {
      Decided d = decisions.getOrDefault(id, new Decided(Decision.PENDING, -1));
      String url = ProfileUrl.normalise(urls.get(id));
      rows.add(new Row(id.hex(), d.decision(), d.atMillis() < 0 ? null : Instant.ofEpochMilli(d.atMillis()),
          notes.getOrDefault(id, ""), url.isEmpty() ? null : connectionUrls.contains(url)));
    }
    return new Snapshot(rows, clients(), undo.size(), redo.size());
  }

  static Snapshot snapshot(InboxRepository inbox) {
    List<Row> rows = new ArrayList<>();
    inbox.forEach(e -> rows.add(new Row(e.id().hex(), e.decision(), e.decidedAt(), e.note(),
        ProfileUrl.normalise(e.invitation().counterpartUrl()).isEmpty() ? null : e.connection())));
    return new Snapshot(rows, inbox.clients(), inbox.undoDepth(), inbox.redoDepth());
  }

  /** The store's view for deriving operations, in the same terms as the model's. */
  static Workload.View view(InboxRepository inbox) {
    List<InvitationId> all = new ArrayList<>();
    inbox.forEach(e -> all.add(e.id()));
    return new Workload.View() {
      @Override
      public int size() {
        return all.size();
      }

      @Override
      public InvitationId idAt(int ordinal) {
        return all.get(ordinal);
      }

      @Override
      public List<Client> clients() {
        return inbox.clients();
      }
    };
  }

}
