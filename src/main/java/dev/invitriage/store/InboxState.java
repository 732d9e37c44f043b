package dev.invitriage.store;

import dev.invitriage.domain.Classification;
import dev.invitriage.domain.Client;
import dev.invitriage.domain.Connection;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.ImportBatch;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.Judgement;
import dev.invitriage.domain.MessageClassifier;
import dev.invitriage.domain.Names;
import dev.invitriage.domain.ProfileUrl;
import dev.invitriage.domain.RestoredTriage;
import dev.invitriage.domain.TemplateUse;
import dev.invitriage.domain.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.mapdb.BTreeMap;

/**
 * The inbox's logic over its MapDB tables: applying journal entries (deterministically, so a
 * replay rebuilds exactly the same state) and reading invitations back. It never commits: {@link
 * DurableStore} calls {@link #flush()} and commits, or rolls back and calls {@link #reset()}.
 *
 * <p>The per-invitation structures ({@link Columns}, {@link DecisionColumn}, {@link IdIndex},
 * {@link ConnectionIndex}, the template counts) are loaded on first use and then kept in step
 * with every change, so a command that needs only some of them pays only for those.
 */
final class InboxState {
  /** Undo history kept; older changes can no longer be undone. */
  static final int UNDO_LIMIT = 1000;

  private final Tables t;
  private final MessageClassifier classifier;
  private final RecordChunks records;
  private final RecordChunks connectionRecords;
  private int size;
  private Columns columns;
  private DecisionColumn decisions;
  private IdIndex ids;
  private ConnectionIndex connections;
  private TemplateCounter templates;
  private BitSet noted;
  private ClientIndex clientIndex;
  // Derived for views and counts; replaced (never modified) when what they derive from changes,
  // since snapshots handed out share them.
  private byte[] derivedFlags;
  /** Something the flags derive from changed since the last flush: the stored ones are stale. */
  private boolean flagsInvalidated;
  /** Chunks of {@link #derivedFlags} changed one row at a time since the last flush. */
  private final BitSet changedFlagChunks = new BitSet();
  /** The reasons for the base verdicts, read a chunk at a time. */
  private ReasonColumn reasons;
  private final SearchFilters searchFilters;
  private byte[] decisionCopy;
  private int[] newestFirst;

  InboxState(Tables tables, MessageClassifier classifier) {
    this.t = tables;
    this.classifier = classifier;
    this.records = new RecordChunks(tables.invitations);
    this.connectionRecords = new RecordChunks(tables.connections);
    this.searchFilters = new SearchFilters(tables.grams, this::addChunkText);
    reset();
  }

  /** Forgets everything held in memory; the next read loads it from the store again. */
  void reset() {
    records.reset();
    connectionRecords.reset();
    size = (int) t.metaLong(Tables.META_COUNT, 0);
    columns = null;
    decisions = null;
    ids = null;
    connections = null;
    templates = null;
    noted = null;
    clientIndex = null;
    derivedFlags = null;
    flagsInvalidated = false;
    changedFlagChunks.clear();
    searchFilters.reset();
    decisionCopy = null;
    newestFirst = null;
    reasons = null;
  }

  /** Drops the derived flags: the next read, or the next flush, derives them again. */
  private void invalidateFlags() {
    derivedFlags = null;
    flagsInvalidated = true;
    changedFlagChunks.clear();
  }

  /** Writes every structure changed in memory to its MapDB map (still uncommitted). */
  void flush() {
    flushFlags();
    searchFilters.flush();
    if (t.metaLong(Tables.META_ORDER_ROWS, -1) != size) {
      // Only imports change the order, and they change the count.
      OrderColumn.store(t.order, newestFirst());
      t.meta.put(Tables.META_ORDER_ROWS, (long) size);
    }
    records.flush();
    if (columns != null) {
      columns.flush();
    }
    if (decisions != null) {
      decisions.flush();
    }
    if (reasons != null) {
      reasons.flush(size);
    }
    if (ids != null) {
      ids.flush();
    }
    if (connections != null) {
      connections.flush();
      t.meta.put(Tables.META_CONNECTIONS, (long) connections.size());
    }
    t.meta.put(Tables.META_COUNT, (long) size);
  }

  /**
   * Keeps the stored flags in step: derived again in full when something they derive from changed
   * (so a store never commits stale flags), else only the chunks changed row by row.
   */
  private void flushFlags() {
    if (flagsInvalidated || t.metaLong(Tables.META_DERIVED_ROWS, -1) != size) {
      byte[] flags = derivedFlags();
      BitSet all = new BitSet();
      all.set(0, Chunks.chunksFor(size));
      FlagColumn.store(t.derived, flags, all);
      t.meta.put(Tables.META_DERIVED_ROWS, (long) size);
    } else if (!changedFlagChunks.isEmpty()) {
      FlagColumn.store(t.derived, derivedFlags, changedFlagChunks);
    }
    flagsInvalidated = false;
    changedFlagChunks.clear();
  }

  // ---------------------------------------------------------------- lazily loaded parts

  private Columns columns() {
    if (columns == null) {
      columns = Columns.load(t.columns, size);
    }
    return columns;
  }

  private ReasonColumn reasons() {
    if (reasons == null) {
      reasons = new ReasonColumn(t.reasons);
    }
    return reasons;
  }

  private DecisionColumn decisions() {
    if (decisions == null) {
      decisions = DecisionColumn.load(t.decisions, size);
    }
    return decisions;
  }

  private IdIndex ids() {
    if (ids == null) {
      ids = IdIndex.load(t.ids, size);
    }
    return ids;
  }

  private ConnectionIndex connections() {
    if (connections == null) {
      connections = ConnectionIndex.load(connectionRecords, t.connectionHashes, (int) t.metaLong(Tables.META_CONNECTIONS, 0));
    }
    return connections;
  }

  private TemplateCounter templates() {
    if (templates == null) {
      Columns c = columns();
      TemplateCounter counter = new TemplateCounter();
      for (int o = 0; o < size; o++) {
        if (c.templateKey(o) != 0 && c.direction(o) == Direction.INCOMING) {
          counter.add(c.templateKey(o), c.personHash(o));
        }
      }
      templates = counter;
    }
    return templates;
  }

  private BitSet noted() {
    if (noted == null) {
      BitSet b = new BitSet();
      t.notes.keySet().forEach(b::set);
      noted = b;
    }
    return noted;
  }

  private ClientIndex clientIndex() {
    if (clientIndex == null) {
      clientIndex = new ClientIndex(clients());
    }
    return clientIndex;
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
    return new Tally(size);
  }

  void applyImportPart(ImportBatch part, Tally tally) {
    applyImportPart(JudgedPart.of(part, classifier), tally);
  }

  void applyImportPart(JudgedPart judgedPart, Tally tally) {
    ImportBatch part = judgedPart.part();
    invalidateFlags();
    decisionCopy = null;
    newestFirst = null;
    int row = 0;
    for (Invitation inv : part.invitations()) {
      insert(inv, judgedPart.judged().get(row++), tally);
    }
    for (RestoredTriage r : part.restored()) {
      insert(r.invitation(), judgedPart.judged().get(row++), tally);
    }
    for (Connection c : part.connections()) {
      connections().add(c);
    }
    tally.connectionsRead += part.connections().size();
    int[] ordinals = new int[part.restored().size()];
    for (int i = 0; i < ordinals.length; i++) {
      ordinals[i] = ids().ordinalOf(judgedPart.judged().get(part.invitations().size() + i).id());
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
        if (columns().hasUrl(o) == withUrl && r.connection() && !isConnection(o)) {
          Invitation inv = r.invitation();
          connections().add(new Connection(inv.counterpartName(), "", inv.counterpartUrl(), "", "", "", null));
        }
      }
    }
  }

  private void insert(Invitation inv, JudgedPart.Judged judged, Tally tally) {
    InvitationId id = judged.id();
    int existing = ids().ordinalOf(id);
    if (existing >= 0) {
      // Seen before this import: known. Seen earlier in this import: a duplicate row, not counted.
      if (existing < tally.sizeBefore) {
        tally.known++;
      }
      return;
    }
    int ordinal = size;
    int chunk = Chunks.chunkOf(ordinal);
    long template = judged.template();
    searchFilters.added(chunk, inv);
    records.append(ordinal, judged.record());
    columns().append(inv, judged.person(), judged.verdict(), template);
    reasons().set(ordinal, judged.reason());
    decisions().extendTo(ordinal + 1);
    ids().add(id, ordinal);
    size++;
    if (Chunks.slotOf(ordinal) == Chunks.SIZE - 1 && (chunk + 1) % RETIRED_TOGETHER == 0) {
      retireFilledChunks(chunk + 1 - RETIRED_TOGETHER, chunk + 1);
    }
    if (templates != null && template != 0 && inv.direction() == Direction.INCOMING) {
      templates.add(template, columns.personHash(ordinal));
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
    searchFilters.writeOut(from, to);
    for (int chunk = from; chunk < to; chunk++) {
      reasons().retire(chunk);
    }
  }

  /**
   * Carries an export's triage over without overwriting anything the user already did here;
   * connections are carried over after every row (see applyImportPart).
   */
  private void restore(int o, RestoredTriage r) {
    if (r.decision() != Decision.PENDING && decisions().decision(o) == Decision.PENDING) {
      decisions().set(o, r.decision(), r.decidedAt() == null ? -1 : r.decidedAt().toEpochMilli());
      decisionCopy = null;
    }
    if (!r.note().isEmpty() && !t.notes.containsKey(o)) {
      t.notes.put(o, r.note());
      noted().set(o);
      searchFilters.dropped(Chunks.chunkOf(o));
    }
    Invitation inv = r.invitation();
    if (r.client() && !isClient(o)) {
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
    Columns c = columns();
    for (int o = 0; o < size; o++) {
      Invitation inv = invitationAt(o);
      Classification judged = classifier.classify(inv.message(), inv.fromName(), inv.toName());
      Verdict v = judged.verdict();
      long template = JudgedPart.templateKeyOf(inv, v, classifier);
      if (v != c.baseVerdict(o) || template != c.templateKey(o)) {
        c.reclassify(o, v, template);
        changed++;
      }
      // Every reason, changed verdict or not: the wording may have changed, or a store from
      // before schema 3 has none yet.
      reasons().set(o, judged.reason());
    }
    templates = null;
    invalidateFlags();
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
      Change.Op was = new Change.SetDecision(d.id(), decisions().decision(o), decisions().decidedAtMillis(o));
      decisions().set(o, d.decision(), d.decidedAtMillis());
      decisionCopy = null;
      return was;
    }
    if (op instanceof Change.SetNote n) {
      int o = requireOrdinal(n.id());
      String old = n.text().isEmpty() ? t.notes.remove(o) : t.notes.put(o, n.text());
      noted().set(o, !n.text().isEmpty());
      setNoteFlag(o, !n.text().isEmpty());
      searchFilters.dropped(Chunks.chunkOf(o)); // a removed note's characters cannot be taken out: derive again
      return new Change.SetNote(n.id(), old == null ? "" : old);
    }
    if (op instanceof Change.PutClient p) {
      byte[] old = t.clients.get(p.client().id());
      putClient(p.client());
      return old == null ? new Change.RemoveClient(p.client().id()) : new Change.PutClient(Codec.client(old));
    }
    Change.RemoveClient r = (Change.RemoveClient) op;
    byte[] old = t.clients.remove(r.clientId());
    clientIndex = null;
    invalidateFlags();
    return old == null ? new Change.RemoveClient(r.clientId()) : new Change.PutClient(Codec.client(old));
  }

  private int requireOrdinal(InvitationId id) {
    int o = ordinalOf(id);
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
    clientIndex = null;
    invalidateFlags();
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
    flush();
    List<Journal.Entry> out = new ArrayList<>();
    for (int chunk = 0; chunk < Chunks.chunksFor(size); chunk++) {
      List<Invitation> invitations = new ArrayList<>();
      records.chunkRecords(chunk).forEach(b -> invitations.add(Codec.invitation(b)));
      out.add(importEntry(invitations, List.of()));
    }
    ConnectionIndex conns = connections();
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
    DecisionColumn d = decisions();
    for (int o = 0; o < size; o++) {
      if (d.decision(o) != Decision.PENDING || d.decidedAtMillis(o) >= 0) {
        ops.add(new Change.SetDecision(idAt(o), d.decision(o), d.decidedAtMillis(o)));
      }
    }
    t.notes.forEach((o, text) -> ops.add(new Change.SetNote(idAt(o), text)));
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
    return size;
  }

  /** The ordinal of {@code id}, or -1; see {@link #abbreviate} for when the whole index is read. */
  int ordinalOf(InvitationId id) {
    if (readsBuckets()) {
      return IdIndex.storedOrdinalOf(t.ids, id);
    }
    return ids().ordinalOf(id);
  }

  /** A caller will read every row (see {@link InboxRepository#readingEveryRow}): the id index, once. */
  void readingEveryRow() {
    ids();
  }

  InvitationId idAt(int ordinal) {
    return InvitationId.of(invitationAt(ordinal));
  }

  Invitation invitationAt(int ordinal) {
    if (ordinal < 0 || ordinal >= size) {
      throw new IndexOutOfBoundsException("no invitation " + ordinal);
    }
    return Codec.invitation(records.get(ordinal));
  }

  List<InvitationId> idsWithPrefix(String prefix) {
    return ids().withPrefix(prefix);
  }

  /**
   * The chunks whose invitations may contain the lower-case needle in their name, message or note;
   * a chunk not in the set certainly holds none.
   */
  BitSet chunksThatMayContain(String lowerCaseNeedle) {
    return searchFilters.chunksThatMayContain(lowerCaseNeedle, Chunks.chunksFor(size));
  }

  /** The searchable text of a chunk's rows, for its filter: records and notes as stored. */
  private void addChunkText(long[] filter, int chunk) {
    for (int o = chunk << Chunks.SHIFT; o < Math.min(size, (chunk + 1) << Chunks.SHIFT); o++) {
      SearchFilters.addText(filter, invitationAt(o), noted().get(o) ? t.notes.getOrDefault(o, "") : "");
    }
  }

  boolean textContains(int o, String lowerCaseNeedle) {
    Invitation inv = invitationAt(o);
    return inv.counterpartName().toLowerCase(java.util.Locale.ROOT).contains(lowerCaseNeedle)
        || inv.message().toLowerCase(java.util.Locale.ROOT).contains(lowerCaseNeedle)
        || noted().get(o) && t.notes.getOrDefault(o, "").toLowerCase(java.util.Locale.ROOT).contains(lowerCaseNeedle);
  }

  InboxEntry entry(int o) {
    Invitation inv = invitationAt(o);
    InvitationId id = ids != null ? ids.idAt(o) : InvitationId.of(inv);
    // What involves other invitations (template counts, clients, connections) comes from the
    // derived flags, the very byte the views and counts read, so a row always agrees with them.
    // The verdict too: its reason is the one stored when the note was judged, and only where
    // there is none (a store from before schema 3) is the classifier asked, when it is read.
    FlagSnapshot flags = new FlagSnapshot(size, derivedFlags(), null);
    Verdict verdict = flags.verdict(o);
    String reason = verdict == Verdict.TEMPLATE ? null : reasons().reasonOf(o);
    Judgement judgement = verdict == Verdict.TEMPLATE
        ? Judgement.of(new Classification(Verdict.TEMPLATE,
            "mass template: the same text came from " + TemplateCounter.ENOUGH + " or more different senders"))
        : reason != null ? Judgement.of(new Classification(verdict, reason))
        : Judgement.later(verdict, () -> classifier.classify(inv.message(), inv.fromName(), inv.toName()),
            classifier::ready);
    boolean client = flags.client(o);
    long at = decisions().decidedAtMillis(o);
    boolean offender = flags.offender(o);
    return new InboxEntry(
        id, abbreviate(o, id), inv, judgement, offender, client, flags.connection(o),
        decisions().decision(o), at < 0 ? null : Instant.ofEpochMilli(at),
        noted().get(o) ? t.notes.getOrDefault(o, "") : "", headline(inv, flags.connection(o), client));
  }

  /**
   * The inbox reads the id buckets of the rows it shows, and of the one it decides; a caller that
   * reads every row (an export, a list) says so first and the whole index is loaded once, which
   * is cheaper than a bucket a row. Loading it after 500 rows shown held 20 MB of a million-row
   * inbox's heap for the rest of the session; past many more look-ups than any session makes
   * (a reader that did not say), it is loaded all the same.
   */
  private int abbreviate(int o, InvitationId id) {
    if (readsBuckets()) {
      return IdIndex.storedAbbreviation(t.ids, id);
    }
    return ids().abbreviationAt(o);
  }

  /** Whether this look-up reads its id's bucket rather than the whole index (see {@link #abbreviate}). */
  private boolean readsBuckets() {
    return ids == null && bucketReads++ < BUCKET_READS_BEFORE_LOADING;
  }

  private static final int BUCKET_READS_BEFORE_LOADING = 100_000;
  private int bucketReads;

  /**
   * The facts of every invitation as of now, rebuilding only what changed since last time. Name
   * keys come from {@code nameKeys} when first needed: the caller passes {@link #nameKeyBlocks()}
   * wrapped in its lock.
   */
  FacetSnapshot facets(Supplier<long[][]> nameKeys, Supplier<int[][]> sentAt) {
    return new FacetSnapshot(size, derivedFlags(), decisionCopy(), newestFirst(), nameKeys, sentAt);
  }

  long[][] nameKeyBlocks() {
    return columns().nameKeyBlocks();
  }

  int[][] sentAtBlocks() {
    return columns().sentAtBlocks();
  }

  /**
   * The most-sent templates: the invitations judged TEMPLATE grouped by their text's key, with
   * their different senders counted in full (the counter that judges stops at three), most
   * senders first. Each is shown as the first of them that was imported.
   */
  List<TemplateUse> templates(int limit) {
    Columns c = columns();
    FlagSnapshot flags = new FlagSnapshot(size, derivedFlags(), null);
    Map<Long, Set<Long>> senders = new HashMap<>();
    Map<Long, int[]> uses = new HashMap<>(); // key: {invitations, first ordinal}
    for (int o = 0; o < size; o++) {
      if (flags.verdict(o) == Verdict.TEMPLATE) {
        long key = c.templateKey(o);
        senders.computeIfAbsent(key, k -> new HashSet<>()).add(c.personHash(o));
        int first = o;
        uses.computeIfAbsent(key, k -> new int[] {0, first})[0]++;
      }
    }
    return uses.entrySet().stream()
        .sorted(Comparator.<Map.Entry<Long, int[]>>comparingInt(e -> -senders.get(e.getKey()).size())
            .thenComparingInt(e -> -e.getValue()[0])
            .thenComparingInt(e -> e.getValue()[1]))
        .limit(limit)
        .map(e -> new TemplateUse(invitationAt(e.getValue()[1]).message(), senders.get(e.getKey()).size(), e.getValue()[0]))
        .toList();
  }

  private int[] newestFirst() {
    if (newestFirst == null && t.metaLong(Tables.META_ORDER_ROWS, -1) == size) {
      newestFirst = OrderColumn.load(t.order, size);
    }
    if (newestFirst == null) {
      newestFirst = columns().newestFirst();
    }
    return newestFirst;
  }

  /** The flags and decisions of every invitation as of now: all that counts need. */
  FlagSnapshot flags() {
    return new FlagSnapshot(size, derivedFlags(), decisionCopy());
  }

  private byte[] decisionCopy() {
    if (decisionCopy == null) {
      decisionCopy = decisions().copyDecisions();
    }
    return decisionCopy;
  }

  /** The stored flags when they are current, else derived again from everything they depend on. */
  private byte[] derivedFlags() {
    if (derivedFlags == null && !flagsInvalidated && t.metaLong(Tables.META_DERIVED_ROWS, -1) == size) {
      derivedFlags = FlagColumn.load(t.derived, size);
    }
    if (derivedFlags == null) {
      Columns c = columns();
      byte[] flags = new byte[size];
      for (int o = 0; o < size; o++) {
        Verdict base = c.baseVerdict(o);
        flags[o] = FlagSnapshot.pack(c.direction(o), isTemplate(o, base) ? Verdict.TEMPLATE : base,
            isClient(o), isConnection(o), noted().get(o));
      }
      derivedFlags = flags;
    }
    return derivedFlags;
  }

  /** A note was set or removed: only that row's flag changes. */
  private void setNoteFlag(int o, boolean hasNote) {
    if (flagsInvalidated) {
      return; // derived again in full at the next read or flush
    }
    byte[] flags = derivedFlags().clone();
    flags[o] = (byte) (hasNote ? flags[o] | FlagSnapshot.NOTE : flags[o] & ~FlagSnapshot.NOTE);
    derivedFlags = flags;
    changedFlagChunks.set(Chunks.chunkOf(o));
  }

  /**
   * What the user's connections (or, failing that, client list) say of the other person's work.
   * Looked up only for a connection or a client, from the invitation itself: a row on screen
   * then needs no column of the whole inbox.
   */
  private String headline(Invitation inv, boolean connection, boolean client) {
    if (!connection && !client) {
      return "";
    }
    Person p = Person.of(inv);
    String fromConnections = connection ? connections().headline(p.hasUrl(), p.urlHash(), p.nameHash()) : "";
    if (!fromConnections.isEmpty() || !client) {
      return fromConnections;
    }
    return clientIndex().company(p.hasUrl(), p.urlHash(), p.nameHash());
  }

  private boolean isTemplate(int o, Verdict base) {
    Columns c = columns();
    return base == Verdict.PERSONAL && c.direction(o) == Direction.INCOMING && c.templateKey(o) != 0
        && templates().senders(c.templateKey(o)) >= TemplateCounter.ENOUGH;
  }

  private boolean isClient(int o) {
    Columns c = columns();
    return clientIndex().matches(c.hasUrl(o), c.urlHash(o), c.nameHash(o));
  }

  private boolean isConnection(int o) {
    Columns c = columns();
    return connections().matches(c.hasUrl(o), c.urlHash(o), c.nameHash(o));
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

  /**
   * Checks the structures agree with each other; returns what is wrong, or null. Opening a store
   * checks counts and the last invitation's id only ({@code thorough} false), which reads a few
   * values whatever the inbox's size: a store is only ever changed by whole MapDB commits, and a
   * commit never seen to end makes the open rebuild it instead. {@code db check} loads everything.
   */
  String consistencyProblem(boolean thorough) {
    try {
      int chunks = Chunks.chunksFor(size);
      if (chunks != Chunks.storedChunks(t.invitations) || chunks != Chunks.storedChunks(t.columns)) {
        return "its invitation count does not match its records";
      }
      if (Chunks.chunksFor((int) t.metaLong(Tables.META_CONNECTIONS, 0)) != Chunks.storedChunks(t.connections)) {
        return "its connection count does not match its records";
      }
      if (thorough) {
        if (chunks != t.invitations.size() || chunks != t.columns.size()) {
          return "its invitation count does not match its records";
        }
        if (Chunks.chunksFor((int) t.metaLong(Tables.META_CONNECTIONS, 0)) != t.connections.size()) {
          return "its connection count does not match its records";
        }
        columns();
        ids();
        decisions();
        connections();
      }
      if (size > 0) {
        InvitationId last = idAt(size - 1);
        int found = ids != null ? ids.ordinalOf(last) : IdIndex.storedOrdinalOf(t.ids, last);
        if (found != size - 1) {
          return "its id index does not match its records";
        }
      }
      return null;
    } catch (RuntimeException | AssertionError e) {
      if (StoreFailures.isIoFailure(e)) {
        throw e; // the disk failed, not the store: the caller reports it as such
      }
      // MapDB 3.1.0 is built with its consistency assertions on (CC.ASSERT): they throw errors.
      return "reading it fails: " + StoreFailures.describe(e);
    }
  }

  /**
   * Who is a client. A client with a URL matches invitations by normalised URL; a client known only
   * by name matches an invitation from somebody of that normalised name when no other client does.
   */
  private static final class ClientIndex {
    private final Set<Long> urls = new HashSet<>();
    private final Map<Long, String> companyByUrl = new HashMap<>();
    private final Map<Long, String> companyByName = new HashMap<>();
    private final Map<Long, Integer> withUrl = new HashMap<>();
    private final Map<Long, Integer> withoutUrl = new HashMap<>();

    ClientIndex(List<Client> clients) {
      for (Client c : clients) {
        String url = ProfileUrl.normalise(c.url());
        long name = Hashes.of(Names.normalise(c.name()));
        if (url.isEmpty()) {
          withoutUrl.merge(name, 1, Integer::sum);
        } else {
          urls.add(Hashes.of(url));
          withUrl.merge(name, 1, Integer::sum);
          companyByUrl.put(Hashes.of(url), c.company().strip());
        }
        companyByName.put(name, c.company().strip());
      }
    }

    /** The company of the matching client; call only when {@link #matches} said yes. */
    String company(boolean hasUrl, long urlHash, long nameHash) {
      if (hasUrl && urls.contains(urlHash)) {
        return companyByUrl.getOrDefault(urlHash, "");
      }
      return companyByName.getOrDefault(nameHash, "");
    }

    boolean matches(boolean hasUrl, long urlHash, long nameHash) {
      if (hasUrl && urls.contains(urlHash)) {
        return true;
      }
      int without = withoutUrl.getOrDefault(nameHash, 0);
      int with = withUrl.getOrDefault(nameHash, 0);
      return hasUrl ? without == 1 && with == 0 : without + with == 1;
    }
  }
}
