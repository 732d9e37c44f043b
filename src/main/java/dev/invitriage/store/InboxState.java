package dev.invitriage.store;

import dev.invitriage.domain.Classification;
import dev.invitriage.domain.Client;
import dev.invitriage.domain.Connection;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.ImportBatch;
import dev.invitriage.domain.ImportResult;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.MessageClassifier;
import dev.invitriage.domain.Names;
import dev.invitriage.domain.ProfileUrl;
import dev.invitriage.domain.RestoredTriage;
import dev.invitriage.domain.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.Set;

/**
 * The inbox's logic over its MapDB tables: applying journal entries (deterministically, so a
 * replay rebuilds exactly the same state) and reading invitations back as {@link InboxEntry}s. It
 * never commits; {@link MapDbInbox} decides when.
 */
final class InboxState {
  /** Undo history kept; older changes can no longer be undone. */
  static final int UNDO_LIMIT = 1000;
  /** A template needs this many different senders. */
  static final int TEMPLATE_SENDERS = 3;
  /** Sender hashes kept per template; only "at least this many" matters beyond it. */
  private static final int TEMPLATE_SENDERS_KEPT = 64;

  private final Tables t;
  private final MessageClassifier classifier;
  private ClientIndex clientIndex;

  InboxState(Tables tables, MessageClassifier classifier) {
    this.t = tables;
    this.classifier = classifier;
    this.clientIndex = new ClientIndex(clients());
  }

  // ---------------------------------------------------------------- applying entries

  ImportResult applyImport(ImportBatch batch) {
    Set<InvitationId> seen = new HashSet<>();
    int fresh = 0;
    for (Invitation inv : batch.invitations()) {
      InvitationId id = InvitationId.of(inv);
      if (seen.add(id) && insertIfNew(id, inv)) {
        fresh++;
      }
    }
    for (RestoredTriage r : batch.restored()) {
      InvitationId id = InvitationId.of(r.invitation());
      if (seen.add(id) && insertIfNew(id, r.invitation())) {
        fresh++;
      }
    }
    for (Connection c : batch.connections()) {
      addConnection(c);
    }
    for (RestoredTriage r : batch.restored()) {
      restore(InvitationId.of(r.invitation()), r);
    }
    return new ImportResult(seen.size(), fresh, batch.connections().size(), batch.sources());
  }

  private boolean insertIfNew(InvitationId id, Invitation inv) {
    String hex = id.hex();
    if (t.ids.containsKey(hex)) {
      return false;
    }
    int ordinal = size();
    t.invitations.put(ordinal, Codec.invitation(inv));
    t.ids.put(hex, ordinal);
    t.meta.put(Tables.META_COUNT, (long) ordinal + 1);
    if (inv.direction() == Direction.INCOMING) {
      countTemplateSender(inv);
    }
    return true;
  }

  private void countTemplateSender(Invitation inv) {
    String key = classifier.templateKey(inv.message(), inv.fromName());
    if (key.isEmpty()) {
      return;
    }
    long keyHash = hash64(key);
    long sender = hash64(personKey(inv.fromName(), inv.fromUrl()));
    long[] senders = t.templates.getOrDefault(keyHash, new long[0]);
    if (senders.length >= TEMPLATE_SENDERS_KEPT) {
      return;
    }
    for (long s : senders) {
      if (s == sender) {
        return;
      }
    }
    long[] grown = java.util.Arrays.copyOf(senders, senders.length + 1);
    grown[senders.length] = sender;
    t.templates.put(keyHash, grown);
  }

  private void addConnection(Connection c) {
    String url = ProfileUrl.normalise(c.url());
    String name = Names.normalise(c.fullName());
    if (url.isEmpty() && name.isEmpty()) {
      return; // a hidden profile: nothing to match invitations against
    }
    String key = url.isEmpty() ? "name:" + name + "|" + c.connectedOn() : "url:" + url;
    if (t.connections.putIfAbsent(key, Codec.connection(c)) == null && !name.isEmpty()) {
      t.connectionNames.merge(name, 1, Integer::sum);
    }
  }

  /** Carries an export's triage over without overwriting anything the user already did here. */
  private void restore(InvitationId id, RestoredTriage r) {
    int ordinal = t.ids.get(id.hex());
    if (r.decision() != Decision.PENDING && !t.decisions.containsKey(ordinal)) {
      long at = r.decidedAt() == null ? -1 : r.decidedAt().toEpochMilli();
      t.decisions.put(ordinal, Codec.decision(new Codec.DecisionState(r.decision(), at)));
    }
    if (!r.note().isEmpty() && !t.notes.containsKey(ordinal)) {
      t.notes.put(ordinal, r.note());
    }
    Invitation inv = r.invitation();
    if (r.client() && !clientIndex.matches(inv.counterpartName(), inv.counterpartUrl())) {
      long clientId = nextClientId();
      putClient(new Client(clientId, inv.counterpartName(), inv.counterpartUrl(), "", ""));
    }
    if (r.connection() && !isConnection(inv)) {
      addConnection(new Connection(inv.counterpartName(), "", inv.counterpartUrl(), "", "", "", null));
    }
  }

  /** Applies a user change and records its inverse for undo; a new change clears redo. */
  String applyChange(Change change) {
    Change inverse = applyOps(change);
    push(t.undo, Tables.META_UNDO_TOP, inverse);
    t.redo.clear();
    t.meta.put(Tables.META_REDO_TOP, 0L);
    return change.label();
  }

  Optional<String> applyUndo() {
    return pop(t.undo, Tables.META_UNDO_TOP).map(change -> {
      push(t.redo, Tables.META_REDO_TOP, applyOps(change));
      return change.label();
    });
  }

  Optional<String> applyRedo() {
    return pop(t.redo, Tables.META_REDO_TOP).map(change -> {
      push(t.undo, Tables.META_UNDO_TOP, applyOps(change));
      return change.label();
    });
  }

  boolean canUndo() {
    return !t.undo.isEmpty();
  }

  boolean canRedo() {
    return !t.redo.isEmpty();
  }

  /** Applies each operation and returns the change that reverts them all. */
  private Change applyOps(Change change) {
    List<Change.Op> inverse = new ArrayList<>(change.ops().size());
    for (Change.Op op : change.ops()) {
      inverse.add(0, applyOp(op));
    }
    return new Change(change.label(), inverse);
  }

  private Change.Op applyOp(Change.Op op) {
    if (op instanceof Change.SetDecision d) {
      int ordinal = t.ids.get(d.id().hex());
      byte[] old = d.decision() == Decision.PENDING && d.decidedAtMillis() < 0
          ? t.decisions.remove(ordinal)
          : t.decisions.put(ordinal, Codec.decision(new Codec.DecisionState(d.decision(), d.decidedAtMillis())));
      Codec.DecisionState was = old == null ? new Codec.DecisionState(Decision.PENDING, -1) : Codec.decision(old);
      return new Change.SetDecision(d.id(), was.decision(), was.decidedAtMillis());
    }
    if (op instanceof Change.SetNote n) {
      int ordinal = t.ids.get(n.id().hex());
      String old = n.text().isEmpty() ? t.notes.remove(ordinal) : t.notes.put(ordinal, n.text());
      return new Change.SetNote(n.id(), old == null ? "" : old);
    }
    if (op instanceof Change.PutClient p) {
      byte[] old = t.clients.get(p.client().id());
      putClient(p.client());
      return old == null ? new Change.RemoveClient(p.client().id()) : new Change.PutClient(Codec.client(old));
    }
    Change.RemoveClient r = (Change.RemoveClient) op;
    byte[] old = t.clients.remove(r.clientId());
    clientIndex = new ClientIndex(clients());
    return old == null ? new Change.RemoveClient(r.clientId()) : new Change.PutClient(Codec.client(old));
  }

  private void putClient(Client c) {
    t.clients.put(c.id(), Codec.client(c));
    if (c.id() >= t.metaLong(Tables.META_NEXT_CLIENT_ID, 1)) {
      t.meta.put(Tables.META_NEXT_CLIENT_ID, c.id() + 1);
    }
    clientIndex = new ClientIndex(clients());
  }

  long nextClientId() {
    return t.metaLong(Tables.META_NEXT_CLIENT_ID, 1);
  }

  private void push(Map<Long, byte[]> stack, String topKey, Change change) {
    long top = t.metaLong(topKey, 0) + 1;
    stack.put(top, Codec.change(change));
    t.meta.put(topKey, top);
    if (stack == t.undo) {
      while (t.undo.size() > UNDO_LIMIT) {
        t.undo.remove(t.undo.firstKey());
      }
    }
  }

  private Optional<Change> pop(org.mapdb.BTreeMap<Long, byte[]> stack, String topKey) {
    if (stack.isEmpty()) {
      return Optional.empty();
    }
    Entry<Long, byte[]> last = stack.lastEntry();
    stack.remove(last.getKey());
    t.meta.put(topKey, last.getKey() - 1);
    return Optional.of(Codec.change(last.getValue()));
  }

  // ---------------------------------------------------------------- snapshot (journal compaction)

  private static final int SNAPSHOT_CHUNK = 10_000;

  /** Entries that rebuild the current state from an empty store, for a compacted journal. */
  List<Journal.Entry> snapshot() {
    List<Journal.Entry> out = new ArrayList<>();
    List<Invitation> chunk = new ArrayList<>();
    for (byte[] bytes : t.invitations.values()) {
      chunk.add(Codec.invitation(bytes));
      if (chunk.size() == SNAPSHOT_CHUNK) {
        out.add(importEntry(chunk, List.of()));
        chunk = new ArrayList<>();
      }
    }
    List<Connection> connections = new ArrayList<>();
    t.connections.values().forEach(b -> connections.add(Codec.connection(b)));
    out.add(importEntry(chunk, connections));
    out.add(new Journal.Entry(0, Journal.Type.STATE, Journal.State.COMMITTED, stateBytes()));
    return out;
  }

  private static Journal.Entry importEntry(List<Invitation> invitations, List<Connection> connections) {
    ImportBatch b = new ImportBatch(List.of(), invitations, connections, List.of());
    return new Journal.Entry(0, Journal.Type.IMPORT, Journal.State.COMMITTED, Codec.importBatch(b));
  }

  private byte[] stateBytes() {
    Bytes.Out out = new Bytes.Out();
    out.writeByte(1);
    List<Change.Op> ops = new ArrayList<>();
    t.decisions.forEach((ord, b) -> {
      Codec.DecisionState d = Codec.decision(b);
      ops.add(new Change.SetDecision(idAt(ord), d.decision(), d.decidedAtMillis()));
    });
    t.notes.forEach((ord, text) -> ops.add(new Change.SetNote(idAt(ord), text)));
    clients().forEach(c -> ops.add(new Change.PutClient(c)));
    out.writeBlob(Codec.change(new Change("state", ops)));
    out.writeVarLong(nextClientId());
    writeStack(out, t.undo);
    writeStack(out, t.redo);
    return out.toByteArray();
  }

  private static void writeStack(Bytes.Out out, Map<Long, byte[]> stack) {
    out.writeVarLong(stack.size());
    stack.values().forEach(out::writeBlob);
  }

  void applyState(byte[] payload) {
    Bytes.In in = new Bytes.In(payload);
    if (in.readByte() != 1) {
      throw new Bytes.CorruptRecordException("unknown state record version");
    }
    applyOps(Codec.change(in.readBlob()));
    t.meta.put(Tables.META_NEXT_CLIENT_ID, in.readVarLong());
    readStack(in, t.undo, Tables.META_UNDO_TOP);
    readStack(in, t.redo, Tables.META_REDO_TOP);
  }

  private void readStack(Bytes.In in, Map<Long, byte[]> stack, String topKey) {
    stack.clear();
    long n = in.readVarLong();
    for (long i = 1; i <= n; i++) {
      stack.put(i, in.readBlob());
    }
    t.meta.put(topKey, n);
  }

  // ---------------------------------------------------------------- reading

  int size() {
    return (int) t.metaLong(Tables.META_COUNT, 0);
  }

  Optional<Integer> ordinalOf(InvitationId id) {
    return Optional.ofNullable(t.ids.get(id.hex()));
  }

  InvitationId idAt(int ordinal) {
    return InvitationId.of(invitationAt(ordinal));
  }

  Invitation invitationAt(int ordinal) {
    byte[] b = t.invitations.get(ordinal);
    if (b == null) {
      throw new Bytes.CorruptRecordException("invitation " + ordinal + " is missing");
    }
    return Codec.invitation(b);
  }

  List<InvitationId> idsWithPrefix(String prefix) {
    String from = prefix.toLowerCase(java.util.Locale.ROOT);
    List<InvitationId> out = new ArrayList<>();
    for (String hex : t.ids.subMap(from, true, from + "g", false).keySet()) {
      out.add(InvitationId.parse(hex));
    }
    return out;
  }

  InboxEntry entry(int ordinal) {
    Invitation inv = invitationAt(ordinal);
    InvitationId id = InvitationId.of(inv);
    Classification c = classify(inv);
    boolean client = clientIndex.matches(inv.counterpartName(), inv.counterpartUrl());
    byte[] d = t.decisions.get(ordinal);
    Codec.DecisionState decision = d == null ? new Codec.DecisionState(Decision.PENDING, -1) : Codec.decision(d);
    boolean offender = inv.direction() == Direction.INCOMING && c.verdict().offends() && !client;
    return new InboxEntry(
        id, abbreviate(id.hex()), inv, c, offender, client, isConnection(inv),
        decision.decision(), decision.decidedAt(), t.notes.getOrDefault(ordinal, ""));
  }

  private Classification classify(Invitation inv) {
    Classification c = classifier.classify(inv.message(), inv.fromName());
    if (c.verdict() != Verdict.PERSONAL || inv.direction() != Direction.INCOMING) {
      return c;
    }
    String key = classifier.templateKey(inv.message(), inv.fromName());
    long[] senders = key.isEmpty() ? null : t.templates.get(hash64(key));
    if (senders == null || senders.length < TEMPLATE_SENDERS) {
      return c;
    }
    String count = senders.length >= TEMPLATE_SENDERS_KEPT ? senders.length + " or more" : String.valueOf(senders.length);
    return new Classification(Verdict.TEMPLATE, "mass template: the same text came from " + count + " different senders");
  }

  /** The shortest prefix of at least 8 digits that no other stored id shares, as git abbreviates. */
  private String abbreviate(String hex) {
    int shared = 0;
    String lower = t.ids.lowerKey(hex);
    String higher = t.ids.higherKey(hex);
    if (lower != null) {
      shared = Math.max(shared, commonPrefix(lower, hex));
    }
    if (higher != null) {
      shared = Math.max(shared, commonPrefix(higher, hex));
    }
    return hex.substring(0, Math.min(hex.length(), Math.max(InvitationId.MIN_ABBREV, shared + 1)));
  }

  private static int commonPrefix(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  boolean isConnection(Invitation inv) {
    String url = ProfileUrl.normalise(inv.counterpartUrl());
    if (!url.isEmpty()) {
      return t.connections.containsKey("url:" + url);
    }
    Integer n = t.connectionNames.get(Names.normalise(inv.counterpartName()));
    return n != null && n == 1;
  }

  List<Client> clients() {
    List<Client> out = new ArrayList<>();
    t.clients.values().forEach(b -> out.add(Codec.client(b)));
    return out;
  }

  Optional<Client> client(long id) {
    byte[] b = t.clients.get(id);
    return b == null ? Optional.empty() : Optional.of(Codec.client(b));
  }

  private static String personKey(String name, String url) {
    String u = ProfileUrl.normalise(url);
    return u.isEmpty() ? "name:" + Names.normalise(name) : "url:" + u;
  }

  /** FNV-1a over UTF-8; stable across runs and versions, unlike String.hashCode's 32 bits. */
  static long hash64(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xFF;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /**
   * Who is a client. A client with a URL matches invitations by normalised URL; a client known only
   * by name matches an invitation whose sender has that normalised name and no other client does.
   */
  private static final class ClientIndex {
    private final Set<String> urls = new HashSet<>();
    private final Map<String, Integer> names = new HashMap<>();

    ClientIndex(List<Client> clients) {
      for (Client c : clients) {
        String url = ProfileUrl.normalise(c.url());
        if (!url.isEmpty()) {
          urls.add(url);
        }
        names.merge(Names.normalise(c.name()), url.isEmpty() ? 1 : 1 << 16, Integer::sum);
      }
    }

    boolean matches(String name, String url) {
      String u = ProfileUrl.normalise(url);
      if (!u.isEmpty() && urls.contains(u)) {
        return true;
      }
      // Low 16 bits count URL-less clients of this name, the high bits clients with a URL.
      Integer n = names.get(Names.normalise(name));
      if (n == null || n.equals(0) || Names.normalise(name).isEmpty()) {
        return false;
      }
      int withoutUrl = n & 0xFFFF;
      int withUrl = n >>> 16;
      return u.isEmpty() ? withoutUrl + withUrl == 1 : withoutUrl == 1 && withUrl == 0;
    }
  }
}
