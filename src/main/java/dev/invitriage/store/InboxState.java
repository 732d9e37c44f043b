package dev.invitriage.store;

import dev.invitriage.domain.Classification;
import dev.invitriage.domain.Client;
import dev.invitriage.domain.Connection;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.ImportBatch;
import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.MessageClassifier;
import dev.invitriage.domain.RestoredTriage;
import dev.invitriage.domain.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import org.mapdb.BTreeMap;

/**
 * The inbox's changes over its MapDB tables: imports, the user's undoable changes, judging again
 * after the classifier changed, and the snapshot a compacted journal starts from; applied
 * deterministically, so a replay of the journal rebuilds exactly the same state. Reading back is
 * {@link #read()}'s ({@link InboxQueries}); both work on the same {@link InboxParts}. It never
 * commits: {@link DurableStore} calls {@link #flush()} and commits, or rolls back and calls {@link
 * #reset()}.
 */
final class InboxState {
  /** Undo history kept; older changes can no longer be undone. */
  static final int UNDO_LIMIT = 1000;

  private final Tables t;
  private final MessageClassifier classifier;
  private final InboxParts p;
  private final InboxQueries queries;

  InboxState(Tables tables, MessageClassifier classifier) {
    this.t = tables;
    this.classifier = classifier;
    this.p = new InboxParts(tables);
    this.queries = new InboxQueries(p, classifier);
  }

  /** Reading the inbox back, as of every change applied so far. */
  InboxQueries read() {
    return queries;
  }

  /** Forgets everything held in memory; the next read loads it from the store again. */
  void reset() {
    p.reset();
  }

  /** Writes every structure changed in memory to its MapDB map (still uncommitted). */
  void flush() {
    p.flush();
  }

  // ---------------------------------------------------------------- imports

  /** Counts what one import stored, across its parts. */
  static final class Tally {
    final int sizeBefore;
    int fresh;
    int known;
    int connectionsRead;

    Tally(int sizeBefore) {
      this.sizeBefore = sizeBefore;
    }
  }

  Tally startImport() {
    return new Tally(p.size());
  }

  void applyImportPart(ImportBatch part, Tally tally) {
    applyImportPart(JudgedPart.of(part, classifier), tally);
  }

  void applyImportPart(JudgedPart judgedPart, Tally tally) {
    ImportBatch part = judgedPart.part();
    p.addingRows();
    int row = 0;
    for (Invitation inv : part.invitations()) {
      insert(inv, judgedPart.judged().get(row++), tally);
    }
    for (RestoredTriage r : part.restored()) {
      insert(r.invitation(), judgedPart.judged().get(row++), tally);
    }
    for (Connection c : part.connections()) {
      p.connections().add(c);
    }
    tally.connectionsRead += part.connections().size();
    int[] ordinals = new int[part.restored().size()];
    for (int i = 0; i < ordinals.length; i++) {
      ordinals[i] = p.ids().ordinalOf(judgedPart.judged().get(part.invitations().size() + i).id());
      restore(ordinals[i], part.restored().get(i));
    }
    // Connections of rows with a profile URL first: a row without one was matched to its
    // connection by a name no other connection had, and adding a URL-less connection of that
    // name before the one with the URL would make the name ambiguous (found by the round-trip
    // property: the flag was lost).
    for (boolean withUrl : new boolean[] {true, false}) {
      for (int i = 0; i < ordinals.length; i++) {
        RestoredTriage r = part.restored().get(i);
        int o = ordinals[i];
        if (p.columns().hasUrl(o) == withUrl && r.connection() && !p.isConnection(o)) {
          Invitation inv = r.invitation();
          p.connections().add(new Connection(inv.counterpartName(), "", inv.counterpartUrl(), "", "", "", null));
        }
      }
    }
  }

  private void insert(Invitation inv, JudgedPart.Judged judged, Tally tally) {
    InvitationId id = judged.id();
    int existing = p.ids().ordinalOf(id);
    if (existing >= 0) {
      // Seen before this import: known. Seen earlier in this import: a duplicate row, not counted.
      if (existing < tally.sizeBefore) {
        tally.known++;
      }
      return;
    }
    int ordinal = p.size();
    int chunk = Chunks.chunkOf(ordinal);
    long template = judged.template();
    p.searchFilters.added(chunk, inv);
    p.records.append(ordinal, judged.record());
    p.columns().append(inv, judged.person(), judged.verdict(), template);
    p.reasons().set(ordinal, judged.reason());
    p.decisions().extendTo(ordinal + 1);
    p.ids().add(id, ordinal);
    p.rowAdded(inv, template);
    if (Chunks.slotOf(ordinal) == Chunks.SIZE - 1 && (chunk + 1) % RETIRED_TOGETHER == 0) {
      retireFilledChunks(chunk + 1 - RETIRED_TOGETHER, chunk + 1);
    }
    tally.fresh++;
  }

  /** Chunks an import writes out and lets go of together (see {@link SearchFilters#writeOut}). */
  private static final int RETIRED_TOGETHER = 64;

  /**
   * Writes out what only searches, lists and exports read of the chunks {@code [from, to)} an
   * import has just filled (their search filters and reasons), and lets go of them: a million-row
   * import held 12 MB of them until its end, and must fit in a 128 MB heap. The store gives them
   * back when asked.
   */
  private void retireFilledChunks(int from, int to) {
    p.searchFilters.writeOut(from, to);
    for (int chunk = from; chunk < to; chunk++) {
      p.reasons().retire(chunk);
    }
  }

  /**
   * Carries an export's triage over without overwriting anything the user already did here;
   * connections are carried over after every row (see applyImportPart).
   */
  private void restore(int o, RestoredTriage r) {
    if (r.decision() != Decision.PENDING && p.decisions().decision(o) == Decision.PENDING) {
      p.decisions().set(o, r.decision(), r.decidedAt() == null ? -1 : r.decidedAt().toEpochMilli());
      p.decisionsChanged();
    }
    if (!r.note().isEmpty() && !t.notes.containsKey(o)) {
      t.notes.put(o, r.note());
      p.noteChanged(o, true);
    }
    Invitation inv = r.invitation();
    if (r.client() && !p.isClient(o)) {
      putClient(new Client(nextClientId(), inv.counterpartName(), inv.counterpartUrl(), "", ""));
    }
  }

  /**
   * Re-judges every invitation when the classifier or the user's phrases changed since the store
   * last judged them; returns how many verdicts changed, or -1 when nothing needed judging.
   */
  int reclassifyIfNeeded() {
    long fingerprint = Hashes.of(classifier.fingerprint());
    if (t.metaLong(Tables.META_CLASSIFIER, 0) == fingerprint) {
      return -1;
    }
    int changed = 0;
    Columns c = p.columns();
    for (int o = 0; o < p.size(); o++) {
      Invitation inv = p.invitationAt(o);
      Classification judged = classifier.classify(inv.message(), inv.fromName(), inv.toName());
      Verdict v = judged.verdict();
      long template = JudgedPart.templateKeyOf(inv, v, classifier);
      if (v != c.baseVerdict(o) || template != c.templateKey(o)) {
        c.reclassify(o, v, template);
        changed++;
      }
      // Every reason, changed verdict or not: the wording may have changed, or a store from
      // before schema 3 has none yet.
      p.reasons().set(o, judged.reason());
    }
    p.verdictsChanged();
    t.meta.put(Tables.META_CLASSIFIER, fingerprint);
    return changed;
  }

  // ---------------------------------------------------------------- undoable changes

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

  int undoDepth() {
    return t.undo.size();
  }

  int redoDepth() {
    return t.redo.size();
  }

  /** Applies each operation and returns the change that reverts them all. */
  private Change applyOps(Change change) {
    List<Change.Op> inverse = new ArrayList<>(change.ops().size());
    for (Change.Op op : change.ops()) {
      inverse.add(applyOp(op));
    }
    java.util.Collections.reverse(inverse);
    return new Change(change.label(), inverse);
  }

  private Change.Op applyOp(Change.Op op) {
    if (op instanceof Change.SetDecision d) {
      int o = requireOrdinal(d.id());
      DecisionColumn decisions = p.decisions();
      Change.Op was = new Change.SetDecision(d.id(), decisions.decision(o), decisions.decidedAtMillis(o));
      decisions.set(o, d.decision(), d.decidedAtMillis());
      p.decisionsChanged();
      return was;
    }
    if (op instanceof Change.SetNote n) {
      int o = requireOrdinal(n.id());
      String old = n.text().isEmpty() ? t.notes.remove(o) : t.notes.put(o, n.text());
      p.noteChanged(o, !n.text().isEmpty());
      return new Change.SetNote(n.id(), old == null ? "" : old);
    }
    if (op instanceof Change.PutClient p) {
      byte[] old = t.clients.get(p.client().id());
      putClient(p.client());
      return old == null ? new Change.RemoveClient(p.client().id()) : new Change.PutClient(Codec.client(old));
    }
    Change.RemoveClient r = (Change.RemoveClient) op;
    byte[] old = t.clients.remove(r.clientId());
    p.clientsChanged();
    return old == null ? new Change.RemoveClient(r.clientId()) : new Change.PutClient(Codec.client(old));
  }

  private int requireOrdinal(InvitationId id) {
    int o = p.ordinalOf(id);
    if (o < 0) {
      throw new Bytes.CorruptRecordException("change names an unknown invitation " + id);
    }
    return o;
  }

  private void putClient(Client c) {
    t.clients.put(c.id(), Codec.client(c));
    if (c.id() >= nextClientId()) {
      t.meta.put(Tables.META_NEXT_CLIENT_ID, c.id() + 1);
    }
    p.clientsChanged();
  }

  long nextClientId() {
    return t.metaLong(Tables.META_NEXT_CLIENT_ID, 1);
  }

  private void push(BTreeMap<Long, byte[]> stack, String topKey, Change change) {
    long top = t.metaLong(topKey, 0) + 1;
    stack.put(top, Codec.change(change));
    t.meta.put(topKey, top);
    if (stack == t.undo) {
      while (t.undo.size() > UNDO_LIMIT) {
        t.undo.remove(t.undo.firstKey());
      }
    }
  }

  private Optional<Change> pop(BTreeMap<Long, byte[]> stack, String topKey) {
    if (stack.isEmpty()) {
      return Optional.empty();
    }
    Entry<Long, byte[]> last = stack.lastEntry();
    stack.remove(last.getKey());
    t.meta.put(topKey, last.getKey() - 1);
    return Optional.of(Codec.change(last.getValue()));
  }

  // ---------------------------------------------------------------- snapshot (journal compaction)

  /** Entries that rebuild the current state from an empty store, for a compacted journal. */
  List<Journal.Entry> snapshot() {
    p.flush();
    List<Journal.Entry> out = new ArrayList<>();
    for (int chunk = 0; chunk < Chunks.chunksFor(p.size()); chunk++) {
      List<Invitation> invitations = new ArrayList<>();
      p.records.chunkRecords(chunk).forEach(b -> invitations.add(Codec.invitation(b)));
      out.add(importEntry(invitations, List.of()));
    }
    ConnectionIndex conns = p.connections();
    List<Connection> part = new ArrayList<>();
    for (int i = 0; i < conns.size(); i++) {
      part.add(conns.get(i));
      if (part.size() == Chunks.SIZE || i == conns.size() - 1) {
        out.add(importEntry(List.of(), part));
        part = new ArrayList<>();
      }
    }
    byte[] fromFirstPart = new Bytes.Out().writeVarLong(0).toByteArray();
    out.add(new Journal.Entry(0, Journal.Type.IMPORT_END, Journal.State.COMMITTED, fromFirstPart));
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
    DecisionColumn d = p.decisions();
    for (int o = 0; o < p.size(); o++) {
      if (d.decision(o) != Decision.PENDING || d.decidedAtMillis(o) >= 0) {
        ops.add(new Change.SetDecision(p.idAt(o), d.decision(o), d.decidedAtMillis(o)));
      }
    }
    t.notes.forEach((o, text) -> ops.add(new Change.SetNote(p.idAt(o), text)));
    p.clients().forEach(c -> ops.add(new Change.PutClient(c)));
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
}
