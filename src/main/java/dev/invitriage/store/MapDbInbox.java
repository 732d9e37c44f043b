package dev.invitriage.store;

import dev.invitriage.domain.Client;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.ImportBatch;
import dev.invitriage.domain.ImportResult;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.InboxRepository;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.domain.MessageClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The inbox stored in one MapDB file ({@code inbox.db}) and its journal ({@code inbox.db.journal}).
 *
 * <p>How a change is made durable: it is validated, appended to the journal and synced; then
 * applied to MapDB, which records the journal sequence number it has applied in the same
 * transaction, and committed. The journal entry's commit state brackets MapDB's commit, so on the
 * next open we know which of three cases a kill left: MapDB never started committing (replay the
 * entry), MapDB finished (nothing to do), or MapDB was interrupted mid-commit (its file may be
 * damaged: move it aside and rebuild it from the journal). A file that fails to open or fails the
 * consistency check is rebuilt the same way; it is never deleted.
 *
 * <p>On a clean close with many changes in the journal, the journal is compacted into a snapshot
 * of the current state, so it stays about as large as the data.
 */
public final class MapDbInbox implements InboxRepository {
  /** Compact the journal on close once it holds more change entries than this. */
  static final int COMPACT_AFTER_CHANGES = 1000;

  private final Path file;
  private final StoreLock lock;
  private final MessageClassifier classifier;
  private Journal journal;
  private Tables tables;
  private InboxState state;
  /** Set when MapDB's commit failed: its file may be damaged, so nothing more is written to it. */
  private boolean broken;

  private MapDbInbox(Path file, StoreLock lock, MessageClassifier classifier) {
    this.file = file;
    this.lock = lock;
    this.classifier = classifier;
  }

  /**
   * Opens the store at {@code file}, creating it (and its folders) when absent, recovering it from
   * its journal when needed. Recovery is reported through {@code notices}, one line each.
   */
  public static MapDbInbox open(Path file, MessageClassifier classifier, Consumer<String> notices) {
    Path abs = file.toAbsolutePath();
    try {
      Files.createDirectories(abs.getParent());
    } catch (IOException e) {
      throw InvitriageException.io(abs.getParent() + ": cannot create folder: " + describe(e), e);
    }
    StoreLock lock = StoreLock.acquire(abs);
    MapDbInbox inbox = new MapDbInbox(abs, lock, classifier);
    try {
      inbox.openOrRecover(notices);
      return inbox;
    } catch (RuntimeException e) {
      inbox.closeQuietly();
      throw e;
    }
  }

  public Path file() {
    return file;
  }

  private Path journalFile() {
    return file.resolveSibling(file.getFileName() + ".journal");
  }

  // ---------------------------------------------------------------- open and recovery

  private void openOrRecover(Consumer<String> notices) {
    Path jf = journalFile();
    boolean storeExists = Files.exists(file);
    boolean journalExists = Files.exists(jf);
    if (journalExists) {
      journal = io(() -> Journal.open(jf), jf, "cannot read journal");
      if (journal.truncatedTail()) {
        notices.accept(jf + ": cut off an unfinished last entry (it was never confirmed)");
      }
    }
    if (!storeExists) {
      if (journal == null) {
        create();
      } else {
        rebuild(notices, "the store file is missing");
      }
      return;
    }
    String foreign = foreignReason();
    if (foreign != null) {
      if (journal == null) {
        throw InvitriageException.badInput(file + ": not an invitriage store (" + foreign + ")");
      }
      rebuild(notices, foreign);
      return;
    }
    openTablesOrRecover(notices);
  }

  /** Opens the existing MapDB file; a failed open leaves the file as it was. */
  private void openTables() {
    long sizeBefore = io(() -> Files.size(file), file, "cannot read");
    try {
      tables = Tables.open(file, false);
    } catch (RuntimeException e) {
      undoGrowth(sizeBefore);
      throw e;
    }
  }

  /**
   * MapDB grows a file it maps to its next 1 MiB before it finds the file cut short; a failed
   * open must leave the file exactly as it was, to be kept aside or looked at by hand.
   */
  private void undoGrowth(long sizeBefore) {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
      if (ch.size() > sizeBefore) {
        ch.truncate(sizeBefore);
        ch.force(true);
      }
    } catch (IOException ignored) {
      // The grown tail is zeros after the original bytes: nothing of the file is lost.
    }
  }

  private void openTablesOrRecover(Consumer<String> notices) {
    Path jf = journalFile();
    try {
      openTables();
    } catch (Tables.NotOursException e) {
      throw InvitriageException.badInput(file + ": not an invitriage store (a MapDB file of some other program)");
    } catch (RuntimeException e) {
      if (isIoFailure(e)) {
        // A full disk or a write error while MapDB sets up its write-ahead log says nothing
        // about the file: moving a whole store aside for it would be wrong.
        throw InvitriageException.io(file + ": cannot open: " + describe(e), e);
      }
      if (journal == null) {
        throw InvitriageException.badInput(file + ": damaged store that cannot be opened (" + describe(e) + ")");
      }
      rebuild(notices, "it cannot be opened: " + describe(e));
      return;
    }
    long schema = tables.metaLong(Tables.META_SCHEMA, -1);
    if (schema > Tables.SCHEMA_VERSION) {
      throw new InvitriageException(InvitriageException.Kind.BAD_INPUT,
          file + ": store has schema version " + schema + ", newer than this invitriage (" + Tables.SCHEMA_VERSION + "); upgrade invitriage");
    }
    state = new InboxState(tables, classifier);
    if (journal == null) {
      String problem = consistencyProblem(-1);
      if (problem != null) {
        throw InvitriageException.badInput(file + ": damaged store (" + problem + ") and no journal to rebuild it from");
      }
      // A store without its journal (deleted by hand): start a new journal from what it holds.
      long applied = tables.metaLong(Tables.META_APPLIED_SEQ, 0);
      io(() -> { Journal.writeFile(jf, applied, state.snapshot()); return null; }, jf, "cannot write journal");
      journal = io(() -> Journal.open(jf), jf, "cannot read journal");
      notices.accept(jf + ": journal was missing; started a new one from the store");
      return;
    }
    catchUp(notices);
  }

  /** Brings an opened store up to the journal, or rebuilds it when it cannot be trusted. */
  private void catchUp(Consumer<String> notices) {
    long applied = tables.metaLong(Tables.META_APPLIED_SEQ, 0);
    List<Journal.Ref> pending = new ArrayList<>();
    for (Journal.Ref ref : journal.refs()) {
      if (ref.seq() == 0 || ref.state() == Journal.State.ABORTED) {
        continue;
      }
      if (ref.state() == Journal.State.DOUBT || ref.state() == Journal.State.COMMITTING && ref.seq() > applied) {
        rebuild(notices, "it was interrupted while saving");
        return;
      }
      if (ref.seq() > applied) {
        pending.add(ref);
      }
    }
    String problem = consistencyProblem(applied);
    if (problem != null) {
      rebuild(notices, problem);
      return;
    }
    if (pending.isEmpty()) {
      return;
    }
    for (Journal.Ref ref : pending) {
      Journal.Entry e = io(() -> journal.read(ref), journal.path(), "cannot read journal");
      apply(e);
      tables.meta.put(Tables.META_APPLIED_SEQ, e.seq());
    }
    commitOrFail();
    for (Journal.Ref ref : pending) {
      markQuietly(ref, Journal.State.COMMITTED);
    }
    notices.accept(file + ": replayed " + pending.size() + " change(s) from the journal that a previous run had not saved to the store");
  }

  /** Null when the store looks whole, else what is wrong with it. */
  private String consistencyProblem(long journalApplied) {
    try {
      if (tables.metaLong(Tables.META_SCHEMA, -1) != Tables.SCHEMA_VERSION) {
        return "its schema version is missing";
      }
      long applied = tables.metaLong(Tables.META_APPLIED_SEQ, 0);
      if (journalApplied >= 0 && applied > journal.lastSeq()) {
        return "it holds changes its journal does not";
      }
      if (journalApplied >= 0 && applied < journal.baseSeq()) {
        return "it is older than its journal's snapshot";
      }
      int n = state.size();
      Integer last = tables.invitations.isEmpty() ? null : tables.invitations.lastKey();
      if (n == 0 ? last != null : last == null || last != n - 1) {
        return "its invitation count does not match its records";
      }
      if (n > 0) {
        InvitationId id = state.idAt(n - 1);
        Integer back = tables.ids.get(id.hex());
        if (back == null || back != n - 1) {
          return "its id index does not match its records";
        }
      }
      return null;
    } catch (RuntimeException e) {
      return "reading it fails: " + describe(e);
    }
  }

  private void create() {
    // The journal first: a kill while MapDB creates its file then leaves a journal to rebuild the
    // (empty) store from, never a half-made store file with no journal, which no open could use.
    journal = io(() -> Journal.create(journalFile()), journalFile(), "cannot create journal");
    tables = createTables();
    tables.meta.put(Tables.META_SCHEMA, Tables.SCHEMA_VERSION);
    tables.meta.put(Tables.META_APPLIED_SEQ, 0L);
    commitOrFail();
    state = new InboxState(tables, classifier);
  }

  /**
   * Moves the store file aside (never deleting it) and builds a new one from the whole journal.
   */
  private void rebuild(Consumer<String> notices, String why) {
    if (tables != null) {
      try {
        tables.close();
      } catch (RuntimeException ignored) {
        // It is being replaced because it is damaged; closing it may fail too.
      }
      tables = null;
    }
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
    // Two rebuilds within a second (a kill during the first) must not collide.
    for (int i = 2; Files.exists(aside); i++) {
      aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp + "-" + i);
    }
    try {
      if (Files.exists(file)) {
        Files.move(file, aside);
      }
      try (Stream<Path> wal = Files.list(file.getParent())) {
        for (Path p : (Iterable<Path>) wal::iterator) {
          String name = p.getFileName().toString();
          if (name.startsWith(file.getFileName() + ".wal.")) {
            Files.move(p, aside.resolveSibling(aside.getFileName() + name.substring(file.getFileName().toString().length())));
          }
        }
      }
    } catch (IOException e) {
      throw InvitriageException.io(file + ": cannot move the damaged store aside: " + describe(e), e);
    }
    tables = createTables();
    tables.meta.put(Tables.META_SCHEMA, Tables.SCHEMA_VERSION);
    state = new InboxState(tables, classifier);
    int applied = 0;
    long lastSeq = journal.baseSeq();
    for (Journal.Ref ref : journal.refs()) {
      if (ref.state() == Journal.State.ABORTED || ref.state() == Journal.State.DOUBT) {
        continue;
      }
      Journal.Entry e = io(() -> journal.read(ref), journal.path(), "cannot read journal");
      apply(e);
      applied++;
      lastSeq = Math.max(lastSeq, e.seq());
    }
    tables.meta.put(Tables.META_APPLIED_SEQ, lastSeq);
    commitOrFail();
    for (Journal.Ref ref : journal.refs()) {
      if (ref.seq() > 0 && ref.state() != Journal.State.COMMITTED && ref.state() != Journal.State.ABORTED) {
        markQuietly(ref, ref.state() == Journal.State.DOUBT ? Journal.State.ABORTED : Journal.State.COMMITTED);
      }
    }
    notices.accept(file + ": rebuilt from its journal (" + applied + " entries) because " + why
        + (Files.exists(aside) ? "; the old file is kept as " + aside.getFileName() : ""));
  }

  /** A new, empty MapDB file; failing to write it (a full disk) is an I/O error, not a bug. */
  private Tables createTables() {
    try {
      return Tables.open(file, true);
    } catch (RuntimeException e) {
      throw asStoreError(e);
    }
  }

  /** True when MapDB failed because reading or writing a file failed, not because of its content. */
  private static boolean isIoFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException && !(t instanceof java.io.EOFException)) {
        return true;
      }
    }
    return false;
  }

  private String foreignReason() {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(2);
      if (head.length == 0) {
        return "the file is empty";
      }
      // Every MapDB 3 store starts with the header byte 0x4A ('J') and store type 3.
      if (head.length < 2 || head[0] != 0x4A || head[1] != 0x03) {
        return "the file is not a MapDB store";
      }
      return null;
    } catch (NoSuchFileException e) {
      return "the file is missing";
    } catch (IOException e) {
      throw InvitriageException.io(file + ": cannot read: " + describe(e), e);
    }
  }

  private void apply(Journal.Entry e) {
    try {
      applyUnchecked(e);
    } catch (Bytes.CorruptRecordException damaged) {
      throw InvitriageException.badInput(journal.path() + ": journal entry " + e.seq() + " is damaged: " + damaged.getMessage());
    } catch (RuntimeException failed) {
      // Replaying on a full disk: MapDB's own exception would reach the user as a "bug".
      throw asStoreError(failed);
    }
  }

  private void applyUnchecked(Journal.Entry e) {
    applyTo(state, e);
  }

  private static void applyTo(InboxState target, Journal.Entry e) {
    switch (e.type()) {
      case IMPORT -> target.applyImport(Codec.importBatch(e.payload()));
      case CHANGE -> target.applyChange(Codec.change(e.payload()));
      case UNDO -> target.applyUndo();
      case REDO -> target.applyRedo();
      case STATE -> target.applyState(e.payload());
    }
  }

  // ---------------------------------------------------------------- the durable change protocol

  /** Journals the entry, applies it to MapDB and commits, as described in the class comment. */
  private synchronized <T> T change(Journal.Type type, byte[] payload, Supplier<T> applyToStore) {
    if (broken) {
      throw new InvitriageException(InvitriageException.Kind.IO, file + ": an earlier save failed; restart invitriage to recover the store");
    }
    Journal.Ref ref = io(() -> journal.append(type, payload), journal.path(), "cannot write journal");
    T result;
    try {
      result = applyToStore.get();
      tables.meta.put(Tables.META_APPLIED_SEQ, ref.seq());
    } catch (RuntimeException e) {
      rollbackQuietly();
      markQuietly(ref, Journal.State.ABORTED);
      throw asStoreError(e);
    }
    Journal.Ref committing = io(() -> journal.mark(ref, Journal.State.COMMITTING), journal.path(), "cannot write journal");
    try {
      tables.db.commit();
    } catch (RuntimeException e) {
      broken = true;
      markQuietly(committing, Journal.State.DOUBT);
      throw asStoreError(e);
    }
    markQuietly(committing, Journal.State.COMMITTED);
    return result;
  }

  private void commitOrFail() {
    try {
      tables.db.commit();
    } catch (RuntimeException e) {
      throw asStoreError(e);
    }
  }

  private void rollbackQuietly() {
    try {
      tables.db.rollback();
    } catch (RuntimeException e) {
      broken = true;
    }
  }

  private void markQuietly(Journal.Ref ref, Journal.State s) {
    try {
      journal.mark(ref, s);
    } catch (IOException | RuntimeException e) {
      // The states only speed up recovery: a missing mark makes the next open rebuild instead.
    }
  }

  private InvitriageException asStoreError(RuntimeException e) {
    if (e instanceof InvitriageException ie) {
      return ie;
    }
    return InvitriageException.io(file + ": cannot save: " + describe(e), e);
  }

  // ---------------------------------------------------------------- the repository

  @Override
  public ImportResult importBatch(ImportBatch batch) {
    return change(Journal.Type.IMPORT, Codec.importBatch(batch), () -> state.applyImport(batch));
  }

  @Override
  public synchronized int size() {
    return state.size();
  }

  @Override
  public synchronized void forEach(Consumer<InboxEntry> action) {
    int n = state.size();
    for (int i = 0; i < n; i++) {
      action.accept(state.entry(i));
    }
  }

  @Override
  public synchronized Optional<InboxEntry> find(InvitationId id) {
    return state.ordinalOf(id).map(state::entry);
  }

  @Override
  public synchronized List<InvitationId> idsWithPrefix(String hexPrefix) {
    return state.idsWithPrefix(hexPrefix);
  }

  @Override
  public void decide(List<InvitationId> ids, Decision decision, Instant at) {
    List<Change.Op> ops = new ArrayList<>(ids.size());
    long millis = decision == Decision.PENDING ? -1 : at.toEpochMilli();
    for (InvitationId id : ids) {
      requireKnown(id);
      ops.add(new Change.SetDecision(id, decision, millis));
    }
    String label = decision.word() + " " + ids.size() + (ids.size() == 1 ? " invitation" : " invitations");
    Change c = Change.of(label, ops);
    change(Journal.Type.CHANGE, Codec.change(c), () -> state.applyChange(c));
  }

  @Override
  public void setNote(InvitationId id, String note) {
    requireKnown(id);
    Change c = Change.of((note.isEmpty() ? "remove note on " : "note on ") + id.hex().substring(0, 8), new Change.SetNote(id, note));
    change(Journal.Type.CHANGE, Codec.change(c), () -> state.applyChange(c));
  }

  @Override
  public synchronized List<Client> clients() {
    return state.clients();
  }

  @Override
  public synchronized List<Client> addClients(List<Client> clients) {
    long next = state.nextClientId();
    List<Client> stored = new ArrayList<>();
    List<Change.Op> ops = new ArrayList<>();
    for (Client c : clients) {
      Client withId = c.withId(next++);
      stored.add(withId);
      ops.add(new Change.PutClient(withId));
    }
    String label = clients.size() == 1 ? "add client " + clients.get(0).name() : "add " + clients.size() + " clients";
    Change c = Change.of(label, ops);
    change(Journal.Type.CHANGE, Codec.change(c), () -> state.applyChange(c));
    return stored;
  }

  @Override
  public synchronized void updateClient(Client client) {
    requireClient(client.id());
    Change c = Change.of("edit client " + client.name(), new Change.PutClient(client));
    change(Journal.Type.CHANGE, Codec.change(c), () -> state.applyChange(c));
  }

  @Override
  public synchronized void removeClient(long clientId) {
    Client old = requireClient(clientId);
    Change c = Change.of("remove client " + old.name(), new Change.RemoveClient(clientId));
    change(Journal.Type.CHANGE, Codec.change(c), () -> state.applyChange(c));
  }

  @Override
  public synchronized Optional<String> undo() {
    if (!state.canUndo()) {
      return Optional.empty();
    }
    return change(Journal.Type.UNDO, new byte[0], state::applyUndo);
  }

  @Override
  public synchronized Optional<String> redo() {
    if (!state.canRedo()) {
      return Optional.empty();
    }
    return change(Journal.Type.REDO, new byte[0], state::applyRedo);
  }

  private void requireKnown(InvitationId id) {
    if (state.ordinalOf(id).isEmpty()) {
      throw new InvitriageException(InvitriageException.Kind.USAGE, "no invitation with id " + id.hex());
    }
  }

  private Client requireClient(long id) {
    return state.client(id).orElseThrow(() ->
        new InvitriageException(InvitriageException.Kind.USAGE, "no client with id " + id));
  }

  // ---------------------------------------------------------------- check and backup

  /** Problems reported by {@link #check()} beyond this many are summarised in one line. */
  private static final int MAX_PROBLEMS = 20;

  /**
   * Verifies the open store: its schema, every journal entry's checksum, that every invitation
   * record decodes and the id index points back at it, and that replaying the journal into a
   * scratch store in a temporary folder gives exactly the same contents. Changes nothing.
   */
  public synchronized StoreCheck check() {
    List<String> problems = new ArrayList<>();
    long schema = tables.metaLong(Tables.META_SCHEMA, -1);
    if (schema != Tables.SCHEMA_VERSION) {
      problems.add("schema version is " + schema + ", expected " + Tables.SCHEMA_VERSION);
    }
    String consistency = consistencyProblem(tables.metaLong(Tables.META_APPLIED_SEQ, 0));
    if (consistency != null) {
      problems.add("store: " + consistency);
    }
    List<Journal.Entry> entries = new ArrayList<>();
    for (Journal.Ref ref : journal.refs()) {
      try {
        entries.add(journal.read(ref));
      } catch (IOException | Bytes.CorruptRecordException e) {
        problems.add("journal: entry " + ref.seq() + " at byte " + ref.offset() + ": " + describe(e));
      }
    }
    int n = state.size();
    if (tables.invitations.size() != n || tables.ids.size() != n) {
      problems.add("invitations: " + tables.invitations.size() + " records and " + tables.ids.size() + " ids, expected " + n);
    }
    for (var e : tables.invitations.entrySet()) {
      try {
        String hex = InvitationId.of(Codec.invitation(e.getValue())).hex();
        if (!e.getKey().equals(tables.ids.get(hex))) {
          problems.add("invitation " + e.getKey() + ": the id index does not point back at it");
        }
      } catch (RuntimeException bad) {
        problems.add("invitation " + e.getKey() + " does not decode: " + describe(bad));
      }
    }
    if (entries.size() == journal.refs().size()) {
      problems.addAll(replayDifferences(entries));
    } else {
      problems.add("journal: not replayed, as some entries are damaged");
    }
    if (problems.size() > MAX_PROBLEMS) {
      int more = problems.size() - MAX_PROBLEMS;
      problems.subList(MAX_PROBLEMS, problems.size()).clear();
      problems.add("… and " + more + " more");
    }
    return new StoreCheck(n, clients().size(), journal.refs().size(), problems);
  }

  /** Replays the journal into a scratch store and lists where it differs from this one. */
  private List<String> replayDifferences(List<Journal.Entry> entries) {
    Path scratchDir = io(() -> Files.createTempDirectory("invitriage-check"), file, "cannot create a scratch folder");
    try {
      try (Tables scratch = Tables.open(scratchDir.resolve("replay.db"), true)) {
        InboxState replayed = new InboxState(scratch, classifier);
        for (Journal.Entry e : entries) {
          if (e.state() != Journal.State.ABORTED && e.state() != Journal.State.DOUBT) {
            applyTo(replayed, e);
          }
        }
        List<String> out = new ArrayList<>();
        addDifference(out, "invitations", tables.invitations, scratch.invitations);
        addDifference(out, "ids", tables.ids, scratch.ids);
        addDifference(out, "decisions", tables.decisions, scratch.decisions);
        addDifference(out, "notes", tables.notes, scratch.notes);
        addDifference(out, "clients", tables.clients, scratch.clients);
        addDifference(out, "connections", tables.connections, scratch.connections);
        addDifference(out, "connection names", tables.connectionNames, scratch.connectionNames);
        addDifference(out, "templates", tables.templates, scratch.templates);
        // Stack positions restart at 1 after a compaction: compare the stacks, not their keys.
        addDifference(out, "undo history", index(tables.undo.values()), index(scratch.undo.values()));
        addDifference(out, "redo history", index(tables.redo.values()), index(scratch.redo.values()));
        for (String key : List.of(Tables.META_COUNT, Tables.META_NEXT_CLIENT_ID)) {
          if (tables.metaLong(key, -1) != scratch.metaLong(key, -1)) {
            out.add("meta " + key + ": " + tables.metaLong(key, -1) + ", the journal gives " + scratch.metaLong(key, -1));
          }
        }
        return out;
      }
    } catch (InvitriageException e) {
      throw e;
    } catch (RuntimeException e) {
      return List.of("journal: replaying it fails: " + describe(e));
    } finally {
      deleteQuietly(scratchDir);
    }
  }

  private static java.util.SortedMap<Integer, byte[]> index(java.util.Collection<byte[]> values) {
    java.util.SortedMap<Integer, byte[]> out = new java.util.TreeMap<>();
    for (byte[] v : values) {
      out.put(out.size(), v);
    }
    return out;
  }

  /** Both maps iterate in key order; the first key or value that differs is reported. */
  private static void addDifference(List<String> out, String table, java.util.Map<?, ?> live, java.util.Map<?, ?> replayed) {
    if (live.size() != replayed.size()) {
      out.add(table + ": " + live.size() + " records, the journal gives " + replayed.size());
      return;
    }
    var a = live.entrySet().iterator();
    var b = replayed.entrySet().iterator();
    while (a.hasNext()) {
      var x = a.next();
      var y = b.next();
      if (!x.getKey().equals(y.getKey()) || !java.util.Objects.deepEquals(x.getValue(), y.getValue())) {
        out.add(table + ": record " + x.getKey() + " differs from what the journal gives");
        return;
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException ignored) {
      // A scratch folder left in the temporary folder harms nothing.
    }
  }

  /**
   * Writes a consistent copy of the committed state as a new store at {@code target} with its own
   * journal, while this one stays open. Never overwrites: an existing target is refused.
   */
  public synchronized void backupTo(Path target) {
    Path abs = target.toAbsolutePath();
    Path targetJournal = abs.resolveSibling(abs.getFileName() + ".journal");
    if (Files.exists(abs) || Files.exists(targetJournal)) {
      throw new InvitriageException(InvitriageException.Kind.USAGE, abs + " already exists; a backup never overwrites a file");
    }
    io(() -> Files.createDirectories(abs.getParent()), abs.getParent(), "cannot create folder");
    long applied = tables.metaLong(Tables.META_APPLIED_SEQ, 0);
    List<Journal.Entry> snapshot = state.snapshot();
    try (StoreLock targetLock = StoreLock.acquire(abs)) {
      try (Tables copy = Tables.open(abs, true)) {
        copy.meta.put(Tables.META_SCHEMA, Tables.SCHEMA_VERSION);
        InboxState s = new InboxState(copy, classifier);
        for (Journal.Entry e : snapshot) {
          applyTo(s, e);
        }
        copy.meta.put(Tables.META_APPLIED_SEQ, applied);
        copy.db.commit();
      } catch (InvitriageException e) {
        throw e;
      } catch (RuntimeException e) {
        throw InvitriageException.io(abs + ": cannot write the backup: " + describe(e), e);
      }
      io(() -> { Journal.writeFile(targetJournal, applied, snapshot); return null; }, targetJournal, "cannot write journal");
    }
  }

  // ---------------------------------------------------------------- closing

  @Override
  public synchronized void close() {
    try {
      if (!broken && journal != null && tables != null && journal.changeCount() > COMPACT_AFTER_CHANGES) {
        compact();
      }
    } finally {
      closeQuietly();
    }
  }

  /** Replaces the journal with a snapshot of the committed state (atomically, see Journal). */
  private void compact() {
    long applied = tables.metaLong(Tables.META_APPLIED_SEQ, 0);
    List<Journal.Entry> snapshot = state.snapshot();
    Path jf = journalFile();
    try {
      journal.close();
      Journal.writeFile(jf, applied, snapshot);
    } catch (IOException e) {
      // The old journal is still whole (the new one replaces it only when complete): keep it.
    }
    journal = null;
  }

  private void closeQuietly() {
    try {
      if (tables != null) {
        tables.close();
      }
    } catch (RuntimeException ignored) {
      // Everything was committed before; a failing close loses nothing.
    }
    try {
      if (journal != null) {
        journal.close();
      }
    } catch (IOException ignored) {
      // Same: the journal is synced after every entry.
    }
    lock.close();
  }

  // ---------------------------------------------------------------- helpers

  /** I/O action that may fail with a checked exception. */
  private interface IoAction<T> {
    T run() throws IOException;
  }

  private static <T> T io(IoAction<T> action, Path path, String what) {
    try {
      return action.run();
    } catch (IOException e) {
      throw InvitriageException.io(path + ": " + what + ": " + describe(e), e);
    } catch (Bytes.CorruptRecordException e) {
      throw InvitriageException.badInput(path + ": " + what + ": " + e.getMessage());
    }
  }

  /** A library or JDK exception as a short phrase for a one-line error. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = root.getMessage();
    if (root instanceof NoSuchFileException) {
      return "no such file";
    }
    if (msg != null && msg.contains("No space left on device")) {
      return "no space left on device";
    }
    return msg == null || msg.isBlank() ? root.getClass().getSimpleName() : msg;
  }
}
