package dev.invitriage.store;

import dev.invitriage.domain.Client;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.Verdict;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * What an inbox holds of its MapDB tables in memory, and writes back: the per-invitation
 * structures ({@link Columns}, {@link DecisionColumn}, {@link ReasonColumn}, {@link IdIndex},
 * {@link ConnectionIndex}, the notes' and the clients' indexes), each loaded on first use, so a
 * command that needs only some of them pays only for those; and what views and counts derive from
 * them (each invitation's final flags, the template counts, the newest-first order), derived again
 * when what they derive from changes. {@link InboxState} changes the parts and says what it
 * changed; {@link InboxQueries} reads them. Nothing here commits: {@link #flush()} writes what
 * changed into the tables, and {@link #reset()} forgets everything after a rollback.
 */
final class InboxParts {
  final Tables t;
  final RecordChunks records;
  final RecordChunks connectionRecords;
  final SearchFilters searchFilters;
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
  private byte[] decisionCopy;
  private int[] newestFirst;

  InboxParts(Tables tables) {
    this.t = tables;
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

  int size() {
    return size;
  }

  // ---------------------------------------------------------------- lazily loaded parts

  Columns columns() {
    if (columns == null) {
      columns = Columns.load(t.columns, size);
    }
    return columns;
  }

  ReasonColumn reasons() {
    if (reasons == null) {
      reasons = new ReasonColumn(t.reasons);
    }
    return reasons;
  }

  DecisionColumn decisions() {
    if (decisions == null) {
      decisions = DecisionColumn.load(t.decisions, size);
    }
    return decisions;
  }

  IdIndex ids() {
    if (ids == null) {
      ids = IdIndex.load(t.ids, size);
    }
    return ids;
  }

  /** The id index if something loaded it, else null: a caller reading one id need not load it. */
  IdIndex idsIfLoaded() {
    return ids;
  }

  ConnectionIndex connections() {
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

  ClientIndex clientIndex() {
    if (clientIndex == null) {
      clientIndex = new ClientIndex(clients());
    }
    return clientIndex;
  }

  List<Client> clients() {
    List<Client> out = new ArrayList<>();
    t.clients.values().forEach(b -> out.add(Codec.client(b)));
    return out;
  }

  // ---------------------------------------------------------------- rows

  Invitation invitationAt(int ordinal) {
    return Codec.invitation(recordAt(ordinal));
  }

  /** The invitation at an ordinal as its record holds it. */
  byte[] recordAt(int ordinal) {
    if (ordinal < 0 || ordinal >= size) {
      throw new IndexOutOfBoundsException("no invitation " + ordinal);
    }
    return records.get(ordinal);
  }

  InvitationId idAt(int ordinal) {
    return InvitationId.of(invitationAt(ordinal));
  }

  /** The user's note on the invitation at {@code o}, or the empty string. */
  String noteOf(int o) {
    return noted().get(o) ? t.notes.getOrDefault(o, "") : "";
  }

  /** The searchable text of a chunk's rows, for its filter: records and notes as stored. */
  private void addChunkText(long[] filter, int chunk) {
    for (int o = chunk << Chunks.SHIFT; o < Math.min(size, (chunk + 1) << Chunks.SHIFT); o++) {
      SearchFilters.addText(filter, invitationAt(o), noteOf(o));
    }
  }

  // ---------------------------------------------------------------- id look-ups

  /** The ordinal of {@code id}, or -1; {@link #abbreviation} says when the whole index is read. */
  int ordinalOf(InvitationId id) {
    if (readsBuckets()) {
      return IdIndex.storedOrdinalOf(t.ids, id);
    }
    return ids().ordinalOf(id);
  }

  /**
   * How many hex digits make the id at {@code o} unique. The inbox reads the id buckets of the
   * rows it shows, and of the one it decides; a caller that reads every row (an export, a list)
   * says so first and the whole index is loaded once, which is cheaper than a bucket a row.
   * Loading it after 500 rows shown held 20 MB of a million-row inbox's heap for the rest of the
   * session; past many more look-ups than any session makes (a reader that did not say), it is
   * loaded all the same.
   */
  int abbreviation(int o, InvitationId id) {
    if (readsBuckets()) {
      return IdIndex.storedAbbreviation(t.ids, id);
    }
    return ids().abbreviationAt(o);
  }

  /** Whether this look-up reads its id's bucket, not the whole index (see {@link #abbreviation}). */
  private boolean readsBuckets() {
    return ids == null && bucketReads++ < BUCKET_READS_BEFORE_LOADING;
  }

  private static final int BUCKET_READS_BEFORE_LOADING = 100_000;
  private int bucketReads;

  // ---------------------------------------------------------------- what changed

  /**
   * Invitations are about to be added (an import): the flags, the decisions' copy and the order
   * are derived again when next read.
   */
  void addingRows() {
    invalidateFlags();
    decisionCopy = null;
    newestFirst = null;
  }

  /** The invitation at the next ordinal was stored (record, columns, reason, decision, id). */
  void rowAdded(Invitation inv, long template) {
    int ordinal = size++;
    if (templates != null && template != 0 && inv.direction() == Direction.INCOMING) {
      templates.add(template, columns.personHash(ordinal));
    }
  }

  void decisionsChanged() {
    decisionCopy = null;
  }

  /** Verdicts or template keys were judged again: the template counts and flags follow. */
  void verdictsChanged() {
    templates = null;
    invalidateFlags();
  }

  void clientsChanged() {
    clientIndex = null;
    invalidateFlags();
  }

  /** A note was set or removed: only that row's flag changes, and its chunk's search filter. */
  void noteChanged(int o, boolean hasNote) {
    noted().set(o, hasNote);
    setNoteFlag(o, hasNote);
    // A removed note's characters cannot be taken out of a filter: it is derived again.
    searchFilters.dropped(Chunks.chunkOf(o));
  }

  /** Drops the derived flags: the next read, or the next flush, derives them again. */
  private void invalidateFlags() {
    derivedFlags = null;
    flagsInvalidated = true;
    changedFlagChunks.clear();
  }

  // ---------------------------------------------------------------- derived for views and counts

  /** The stored flags when they are current, else derived again from everything they depend on. */
  byte[] derivedFlags() {
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

  private void setNoteFlag(int o, boolean hasNote) {
    if (flagsInvalidated) {
      return; // derived again in full at the next read or flush
    }
    byte[] flags = derivedFlags().clone();
    flags[o] = (byte) (hasNote ? flags[o] | FlagSnapshot.NOTE : flags[o] & ~FlagSnapshot.NOTE);
    derivedFlags = flags;
    changedFlagChunks.set(Chunks.chunkOf(o));
  }

  private boolean isTemplate(int o, Verdict base) {
    Columns c = columns();
    return base == Verdict.PERSONAL && c.direction(o) == Direction.INCOMING && c.templateKey(o) != 0
        && templates().senders(c.templateKey(o)) >= TemplateCounter.ENOUGH;
  }

  boolean isClient(int o) {
    Columns c = columns();
    return clientIndex().matches(c.hasUrl(o), c.urlHash(o), c.nameHash(o));
  }

  boolean isConnection(int o) {
    Columns c = columns();
    return connections().matches(c.hasUrl(o), c.urlHash(o), c.nameHash(o));
  }

  int[] newestFirst() {
    if (newestFirst == null && t.metaLong(Tables.META_ORDER_ROWS, -1) == size) {
      newestFirst = OrderColumn.load(t.order, size);
    }
    if (newestFirst == null) {
      newestFirst = columns().newestFirst();
    }
    return newestFirst;
  }

  /** Every invitation's decision, copied once until one changes (snapshots handed out share it). */
  byte[] decisionCopy() {
    if (decisionCopy == null) {
      decisionCopy = decisions().copyDecisions();
    }
    return decisionCopy;
  }
}
