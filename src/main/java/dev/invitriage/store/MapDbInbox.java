package dev.invitriage.store;

import dev.invitriage.domain.Client;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.FacetFlags;
import dev.invitriage.domain.FacetTable;
import dev.invitriage.domain.ImportProducer;
import dev.invitriage.domain.ImportResult;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.InboxRepository;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.domain.MessageClassifier;
import dev.invitriage.domain.TemplateUse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The inbox stored in one MapDB file ({@code inbox.db}) and its journal ({@code inbox.db.journal}).
 *
 * <p>How a change is made durable: it is validated and appended to the journal; then applied to
 * MapDB, which records the journal sequence number it has applied in the same transaction; then
 * the entry is marked COMMITTING and the journal synced (one sync for the entry and its mark), and
 * MapDB commits. The journal entry's commit state brackets MapDB's commit, so on the
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
  private final StoreIo storeIo;
  private Journal journal;
  private Tables tables;
  private InboxState state;
  /** Set when MapDB's commit failed: its file may be damaged, so nothing more is written to it. */
  private boolean broken;

  private MapDbInbox(Path file, StoreLock lock, MessageClassifier classifier, StoreIo storeIo) {
    this.file = file;
    this.lock = lock;
    this.classifier = classifier;
    this.storeIo = storeIo;
  }

  /**
   * Opens the store at {@code file}, creating it (and its folders) when absent, recovering it from
   * its journal when needed. Recovery is reported through {@code notices}, one line each.
   */
  public static MapDbInbox open(Path file, MessageClassifier classifier, Consumer<String> notices) {
    return open(file, classifier, notices, StoreIo.REAL);
  }

  /** {@link #open(Path, MessageClassifier, Consumer)} reaching its files through {@code storeIo}. */
  static MapDbInbox open(Path file, MessageClassifier classifier, Consumer<String> notices, StoreIo storeIo) {
    Path abs = file.toAbsolutePath();
    try {
      Files.createDirectories(abs.getParent());
    } catch (IOException e) {
      throw InvitriageException.io(abs.getParent() + ": cannot create folder: " + describe(e), e);
    }
    StoreLock lock = StoreLock.acquire(abs);
    MapDbInbox inbox = new MapDbInbox(abs, lock, classifier, storeIo);
    try {
      inbox.openOrRecover(notices);
      inbox.judgeAgainIfNeeded(notices);
      inbox.upgradeIfNeeded(notices);
      return inbox;
    } catch (RuntimeException e) {
      inbox.closeQuietly();
      // A read or write failing while the store is looked at or caught up is the disk's fault.
      if (!(e instanceof InvitriageException) && isIoFailure(e)) {
        throw InvitriageException.io(abs + ": cannot open: " + describe(e), e);
      }
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
      journal = io(() -> Journal.open(storeIo.channels(), jf), jf, "cannot read journal");
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
      tables = Tables.open(file, false, storeIo.volumes());
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
      String problem = consistencyProblem(true);
      if (problem != null) {
        throw InvitriageException.badInput(file + ": damaged store (" + problem + ") and no journal to rebuild it from");
      }
      // A store without its journal (deleted by hand): start a new journal from what it holds.
      long applied = tables.metaLong(Tables.META_APPLIED_SEQ, 0);
      io(() -> { Journal.writeFile(storeIo.channels(), jf, applied, state.snapshot()); return null; }, jf, "cannot write journal");
      journal = io(() -> Journal.open(storeIo.channels(), jf), jf, "cannot read journal");
      notices.accept(jf + ": journal was missing; started a new one from the store");
      return;
    }
    catchUp(notices);
  }

  /**
   * Recomputes stored verdicts when the classifier or the user's phrases changed since they were
   * made. Derived data only, but its commit is bracketed by a journal entry like any other.
   */
  private void judgeAgainIfNeeded(Consumer<String> notices) {
    int changed;
    try {
      changed = state.reclassifyIfNeeded();
    } catch (RuntimeException e) {
      rollbackQuietly();
      throw asStoreError(e);
    }
    if (changed < 0) {
      return;
    }
    Journal.Ref ref = io(() -> journal.append(Journal.Type.MAINTENANCE, new byte[0]), journal.path(), "cannot write journal");
    commitBracketed(ref);
    if (changed > 0) {
      notices.accept(changed + " verdict(s) changed since the classifier or your phrases changed");
    }
  }

  /**
   * Brings a store of an older schema up to this one, keeping the store as it was in {@code
   * inbox.db.bak} first. Schema 2 adds only derived tables (flags, order, connection hashes, search
   * filters), which fill in as they are first used; it exists so that an older invitriage, which
   * would change the store without keeping them in step, refuses the store instead.
   */
  private void upgradeIfNeeded(Consumer<String> notices) {
    long schema = tables.metaLong(Tables.META_SCHEMA, -1);
    if (schema >= Tables.SCHEMA_VERSION) {
      return;
    }
    keepSafetyCopy("upgrading it");
    Journal.Ref ref = io(() -> journal.append(Journal.Type.MAINTENANCE, new byte[0]), journal.path(), "cannot write journal");
    tables.meta.put(Tables.META_SCHEMA, Tables.SCHEMA_VERSION);
    commitBracketed(ref);
    notices.accept(file + ": upgraded from schema " + schema + " to " + Tables.SCHEMA_VERSION + "; the store as it was is kept in "
        + file.getFileName() + ".bak");
  }

  /** Brings an opened store up to the journal, or rebuilds it when it cannot be trusted. */
  private void catchUp(Consumer<String> notices) {
    long applied = tables.metaLong(Tables.META_APPLIED_SEQ, 0);
    List<Journal.Ref> pending = new ArrayList<>();
    for (Journal.Ref ref : journal.refs()) {
      if (ref.seq() == 0 || ref.state() == Journal.State.ABORTED) {
        continue;
      }
      // COMMITTING means MapDB's commit began and was never seen to end. Its applied sequence
      // number says nothing then: MapDB writes its pages back in no particular order, so a kill
      // can leave the number written and other pages not.
      if (ref.state() == Journal.State.DOUBT || ref.state() == Journal.State.COMMITTING) {
        rebuild(notices, "it was interrupted while saving");
        return;
      }
      if (ref.seq() > applied) {
        pending.add(ref);
      }
    }
    String problem = consistencyProblem(false);
    if (problem != null) {
      rebuild(notices, problem);
      return;
    }
    if (pending.isEmpty()) {
      return;
    }
    int replayed = replay(pending);
    abortUnfinishedImport(pending);
    if (replayed == 0) {
      return;
    }
    flushReplayed();
    List<Journal.Ref> marked = new ArrayList<>();
    for (Journal.Ref ref : journal.refs()) {
      if (ref.seq() > applied && ref.seq() <= lastReplayed && ref.state() == Journal.State.NONE) {
        marked.add(io(() -> journal.mark(ref, Journal.State.COMMITTING), journal.path(), "cannot write journal"));
      }
    }
    try {
      tables.db.commit();
    } catch (RuntimeException e) {
      keepAsideAfterFailedReplay(e);
    }
    marked.forEach(ref -> markQuietly(ref, Journal.State.COMMITTED));
    notices.accept(file + ": replayed " + replayed + " change(s) from the journal that a previous run had not saved to the store");
  }

  /** Writes what a replay applied, and how far it got, to MapDB (uncommitted). */
  private void flushReplayed() {
    try {
      state.flush();
      tables.meta.put(Tables.META_APPLIED_SEQ, lastReplayed);
    } catch (RuntimeException e) {
      throw asStoreError(e);
    }
  }

  /**
   * MapDB's commit of replayed entries failed, so its file may hold part of them, applied sequence
   * number included: nothing in the journal could then tell the next open that it is damaged (its
   * entries must stay replayable, so they cannot be marked DOUBT). Moving the file aside is that
   * sign, written without needing disk space: the next open rebuilds the store from the journal.
   */
  private void keepAsideAfterFailedReplay(RuntimeException e) {
    try {
      tables.close();
    } catch (RuntimeException ignored) {
      // It is being set aside because its commit failed; closing it may fail too.
    }
    tables = null;
    String kept = "";
    try {
      Path aside = asideName();
      moveStoreFiles(file, aside);
      Journal.syncDirectory(file.getParent());
      kept = "; it is kept as " + aside.getFileName() + " and the next start rebuilds it from the journal";
    } catch (IOException moveFailed) {
      // A second failure in a row: the journal still holds every entry, but the next open may
      // take the half-saved file for whole. Nothing better can be done on this disk now.
    }
    throw InvitriageException.io(file + ": cannot save the changes replayed from the journal: " + describe(e) + kept, e);
  }

  /** Sequence number of the last entry {@link #replay} applied. */
  private long lastReplayed;

  /** A journal entry to replay: its header, and its payload read only when applied. */
  private record Item(long seq, Journal.Type type, Journal.State state, Supplier<Journal.Entry> load) {
    static Item of(Journal.Entry e) {
      return new Item(e.seq(), e.type(), e.state(), () -> e);
    }
  }

  private int replay(List<Journal.Ref> refs) {
    List<Item> items = new ArrayList<>(refs.size());
    for (Journal.Ref ref : refs) {
      items.add(new Item(ref.seq(), ref.type(), ref.state(), () -> read(ref)));
    }
    return replay(state, items);
  }

  /**
   * Applies journal entries in order to {@code target}: changes at once, import parts only when
   * their IMPORT_END follows (an import cut short by a kill is never half applied). Returns how
   * many entries took effect; {@link #lastReplayed} holds the last sequence number seen.
   */
  private int replay(InboxState target, List<Item> items) {
    int applied = 0;
    List<Item> parts = new ArrayList<>();
    for (Item item : items) {
      if (item.state() == Journal.State.ABORTED || item.state() == Journal.State.DOUBT) {
        continue;
      }
      switch (item.type()) {
        case IMPORT -> parts.add(item);
        case IMPORT_END -> {
          Journal.Entry end = item.load().get();
          long[] first = new long[1];
          applyChecked(end, () -> first[0] = new Bytes.In(end.payload()).readVarLong());
          InboxState.Tally tally = target.startImport();
          for (Item part : parts) {
            if (part.seq() >= first[0]) {
              Journal.Entry e = part.load().get();
              applyChecked(e, () -> target.applyImportPart(Codec.importBatch(e.payload()), tally));
              applied++;
            }
          }
          parts.clear();
          applied++;
        }
        case MAINTENANCE -> applied++;
        default -> {
          Journal.Entry e = item.load().get();
          applyChecked(e, () -> applyEntry(target, e));
          applied++;
        }
      }
      lastReplayed = Math.max(lastReplayed, item.seq());
    }
    return applied;
  }

  /** Marks import parts that no IMPORT_END completed as aborted, so no later import adopts them. */
  private void abortUnfinishedImport(List<Journal.Ref> refs) {
    for (int i = refs.size() - 1; i >= 0 && refs.get(i).type() == Journal.Type.IMPORT; i--) {
      markQuietly(refs.get(i), Journal.State.ABORTED);
    }
  }

  private Journal.Entry read(Journal.Ref ref) {
    return io(() -> journal.read(ref), journal.path(), "cannot read journal");
  }

  /** Null when the store looks whole, else what is wrong with it; see {@link InboxState#consistencyProblem}. */
  private String consistencyProblem(boolean thorough) {
    try {
      if (tables.metaLong(Tables.META_SCHEMA, -1) < 1) {
        return "its schema version is missing";
      }
      long applied = tables.metaLong(Tables.META_APPLIED_SEQ, 0);
      if (journal != null && applied > journal.lastSeq()) {
        return "it holds changes its journal does not";
      }
      if (journal != null && applied < journal.baseSeq()) {
        return "it is older than its journal's snapshot";
      }
      return state.consistencyProblem(thorough);
    } catch (RuntimeException | AssertionError e) {
      if (isIoFailure(e)) {
        // The disk failed to read it: that says nothing about its contents, so it is not rebuilt.
        throw InvitriageException.io(file + ": cannot read: " + describe(e), e);
      }
      // MapDB 3.1.0 is built with its consistency assertions on (CC.ASSERT): they throw errors.
      return "reading it fails: " + describe(e);
    }
  }

  private void create() {
    // The journal first: a kill while MapDB creates its file then leaves a journal to rebuild the
    // (empty) store from, never a half-made store file with no journal, which no open could use.
    journal = io(() -> Journal.create(storeIo.channels(), journalFile()), journalFile(), "cannot create journal");
    tables = createTables();
    tables.meta.put(Tables.META_SCHEMA, Tables.SCHEMA_VERSION);
    tables.meta.put(Tables.META_APPLIED_SEQ, 0L);
    commitOrFail();
    state = new InboxState(tables, classifier);
  }

  /**
   * Builds a new store from the whole journal beside the old one, then moves the old file aside
   * (never deleting it) and the new one into its place, so a kill during a rebuild leaves no
   * half-built store behind.
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
    Path fresh = file.resolveSibling(file.getFileName() + ".rebuild");
    deleteStoreFiles(fresh);
    int applied;
    try {
      tables = Tables.open(fresh, true, storeIo.volumes());
      tables.meta.put(Tables.META_SCHEMA, Tables.SCHEMA_VERSION);
      state = new InboxState(tables, classifier);
      lastReplayed = journal.baseSeq();
      applied = replay(journal.refs());
      flushReplayed();
      commitOrFail();
      tables.close();
    } catch (RuntimeException e) {
      // The half-built store is deleted by the next rebuild; the old one is still in its place.
      throw asStoreError(e);
    }
    Path aside = asideName();
    try {
      moveStoreFiles(file, aside);
      moveStoreFiles(fresh, file);
      Journal.syncDirectory(file.getParent());
    } catch (IOException e) {
      throw InvitriageException.io(file + ": cannot move the damaged store aside: " + describe(e), e);
    }
    tables = Tables.open(file, false, storeIo.volumes());
    state = new InboxState(tables, classifier);
    abortUnfinishedImport(journal.refs());
    for (Journal.Ref ref : journal.refs()) {
      if (ref.seq() > 0 && (ref.state() == Journal.State.NONE || ref.state() == Journal.State.COMMITTING)) {
        markQuietly(ref, Journal.State.COMMITTED);
      } else if (ref.state() == Journal.State.DOUBT) {
        markQuietly(ref, Journal.State.ABORTED);
      }
    }
    notices.accept(file + ": rebuilt from its journal (" + applied + " entries) because " + why
        + (Files.exists(aside) ? "; the old file is kept as " + aside.getFileName() : ""));
  }

  /** A free name to keep a damaged store file under, beside it. */
  private Path asideName() {
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
    // Two rebuilds within a second (a kill during the first) must not collide.
    for (int i = 2; Files.exists(aside); i++) {
      aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp + "-" + i);
    }
    return aside;
  }

  /** Moves a MapDB file and its write-ahead logs ({@code NAME.wal.N}) to another name. */
  private static void moveStoreFiles(Path from, Path to) throws IOException {
    if (Files.exists(from)) {
      Files.move(from, to);
    }
    try (Stream<Path> files = Files.list(from.toAbsolutePath().getParent())) {
      String prefix = from.getFileName() + ".wal.";
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (name.startsWith(prefix)) {
          Files.move(p, to.resolveSibling(to.getFileName() + name.substring(from.getFileName().toString().length())));
        }
      }
    }
  }

  /** Deletes a leftover half-built rebuild (ours alone: never the user's store). */
  private static void deleteStoreFiles(Path file) {
    try (Stream<Path> files = Files.list(file.toAbsolutePath().getParent())) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (name.equals(file.getFileName().toString()) || name.startsWith(file.getFileName() + ".wal.")) {
          Files.delete(p);
        }
      }
    } catch (IOException e) {
      throw InvitriageException.io(file + ": cannot remove a half-built store: " + describe(e), e);
    }
  }

  /** A new, empty MapDB file; failing to write it (a full disk) is an I/O error, not a bug. */
  private Tables createTables() {
    try {
      return Tables.open(file, true, storeIo.volumes());
    } catch (RuntimeException e) {
      throw asStoreError(e);
    }
  }

  /** True when MapDB failed because reading or writing a file failed, not because of its content. */
  static boolean isIoFailure(Throwable e) {
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

  private void applyChecked(Journal.Entry e, Runnable action) {
    try {
      action.run();
    } catch (Bytes.CorruptRecordException damaged) {
      throw InvitriageException.badInput(journal.path() + ": journal entry " + e.seq() + " is damaged: " + damaged.getMessage());
    } catch (RuntimeException failed) {
      // Replaying on a full disk: MapDB's own exception would reach the user as a "bug".
      throw asStoreError(failed);
    }
  }

  private static void applyEntry(InboxState target, Journal.Entry e) {
    switch (e.type()) {
      case CHANGE -> target.applyChange(Codec.change(e.payload()));
      case UNDO -> target.applyUndo();
      case REDO -> target.applyRedo();
      case STATE -> target.applyState(e.payload());
      case IMPORT, IMPORT_END, MAINTENANCE -> throw new IllegalStateException("handled by replay");
    }
  }

  // ---------------------------------------------------------------- the durable change protocol

  /** Journals the entry, applies it to MapDB and commits, as described in the class comment. */
  private synchronized <T> T change(Journal.Type type, byte[] payload, Supplier<T> applyToStore) {
    requireWhole();
    // Not synced yet: the COMMITTING mark below is, and one sync makes both durable.
    Journal.Ref ref = io(() -> journal.append(type, payload, false), journal.path(), "cannot write journal");
    T result;
    try {
      result = applyToStore.get();
    } catch (RuntimeException e) {
      abort(List.of(ref));
      throw asStoreError(e);
    }
    commitBracketed(ref);
    return result;
  }

  private void requireWhole() {
    if (broken) {
      throw new InvitriageException(InvitriageException.Kind.IO, file + ": an earlier save failed; restart invitriage to recover the store");
    }
  }

  /** Writes the changes held in memory and commits them, the journal entry bracketing the commit. */
  private void commitBracketed(Journal.Ref ref) {
    Journal.Ref committing;
    try {
      state.flush();
      tables.meta.put(Tables.META_APPLIED_SEQ, ref.seq());
      committing = io(() -> journal.mark(ref, Journal.State.COMMITTING), journal.path(), "cannot write journal");
    } catch (RuntimeException e) {
      abort(List.of(ref));
      throw asStoreError(e);
    }
    try {
      tables.db.commit();
    } catch (RuntimeException e) {
      broken = true;
      markQuietly(committing, Journal.State.DOUBT);
      throw asStoreError(e);
    }
    markQuietly(committing, Journal.State.COMMITTED);
  }

  /** Undoes uncommitted work: MapDB rolls back, memory reloads, the entries are never applied. */
  private void abort(List<Journal.Ref> refs) {
    try {
      tables.db.rollback();
      state.reset();
    } catch (RuntimeException e) {
      broken = true;
    }
    refs.forEach(r -> markQuietly(r, Journal.State.ABORTED));
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

  /**
   * Journals and applies each part as the producer hands it over, then completes the import with
   * one IMPORT_END entry and one commit; any failure before that stores nothing.
   */
  @Override
  public synchronized ImportResult importStream(ImportProducer producer) {
    requireWhole();
    keepSafetyCopy("importing");
    List<Journal.Ref> parts = new ArrayList<>();
    InboxState.Tally tally = state.startImport();
    List<String> sources;
    // Parts are judged (verdict, template key, id) and encoded for the journal, all pure and half
    // an import's work, on a second core while this thread reads the next part and journals and
    // stores the one before.
    ExecutorService judge = Executors.newSingleThreadExecutor(runnable -> {
      Thread t = new Thread(runnable, "import-judge");
      t.setDaemon(true);
      return t;
    });
    ArrayDeque<Future<InboxState.JudgedPart>> ahead = new ArrayDeque<>();
    MessageClassifier judging = state.classifier();
    try {
      sources = producer.produce(part -> {
        ahead.add(judge.submit(() -> InboxState.JudgedPart.forJournal(part, judging)));
        while (ahead.size() > PARTS_AHEAD) {
          applyJudged(ahead.poll(), parts, tally);
        }
      });
      while (!ahead.isEmpty()) {
        applyJudged(ahead.poll(), parts, tally);
      }
    } catch (RuntimeException e) {
      abort(parts);
      dropAbortedParts(parts);
      throw asStoreError(e);
    } finally {
      judge.shutdownNow();
    }
    long first = parts.isEmpty() ? lastSeqPlusOne() : parts.get(0).seq();
    Journal.Ref end;
    try {
      end = io(() -> journal.append(Journal.Type.IMPORT_END, new Bytes.Out().writeVarLong(first).toByteArray(), false), journal.path(), "cannot write journal");
    } catch (RuntimeException e) {
      abort(parts);
      throw e;
    }
    commitBracketed(end);
    return new ImportResult(tally.fresh + tally.known, tally.fresh, tally.connectionsRead, sources);
  }

  /** Parts judged ahead of the one being stored: enough to keep the second core busy. */
  private static final int PARTS_AHEAD = 2;

  /** Journals, then applies, a part once it is judged; a failure in judging is thrown as it was. */
  private void applyJudged(Future<InboxState.JudgedPart> judged, List<Journal.Ref> parts, InboxState.Tally tally) {
    InboxState.JudgedPart part;
    try {
      part = judged.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw InvitriageException.io("import interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
    parts.add(io(() -> journal.append(Journal.Type.IMPORT, part.journalEntry(), false), journal.path(), "cannot write journal"));
    state.applyImportPart(part, tally);
  }

  /**
   * Keeps the store as it is now in {@code inbox.db.bak} (one generation), so that a user who
   * regrets an import can always get back what they had: it opens as a store of its own.
   */
  private void keepSafetyCopy(String before) {
    Path bak = file.resolveSibling(file.getFileName() + ".bak");
    try {
      copyCommitted(bak);
    } catch (IOException e) {
      throw InvitriageException.io(bak + ": cannot keep a safety copy before " + before + ": " + describe(e), e);
    }
  }

  /**
   * Copies the store file as last committed to {@code target}, atomically (a partial copy never
   * takes the target's name). Safe while open: every change is committed before its method
   * returns, and this runs under the same lock as they do.
   */
  private synchronized void copyCommitted(Path target) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel in = storeIo.channels().open(file, StandardOpenOption.READ);
        FileChannel out = storeIo.channels().open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      long size = in.size();
      for (long pos = 0; pos < size; ) {
        pos += in.transferTo(pos, size - pos, out);
      }
      out.force(true);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Removes an aborted import's parts from the journal's end (they are marked ABORTED first, so
   * a failure to cut them off is harmless): a failed million-row import must not leave hundreds
   * of megabytes of journal behind.
   */
  private void dropAbortedParts(List<Journal.Ref> parts) {
    if (parts.isEmpty() || broken) {
      return;
    }
    try {
      journal.truncateFrom(parts.get(0));
    } catch (IOException | RuntimeException e) {
      // They stay, marked ABORTED: never applied, dropped at the next compaction.
    }
  }

  private long lastSeqPlusOne() {
    return journal.lastSeq() + 1;
  }

  @Override
  public synchronized int size() {
    return state.size();
  }

  /**
   * Runs a read of the store. Most of it is loaded on first use, not on open, so any read can meet
   * a disk error or a damaged value: either becomes one clear error, never MapDB's own exception.
   */
  private <T> T reading(Supplier<T> read) {
    requireWhole();
    try {
      return read.get();
    } catch (InvitriageException e) {
      throw e;
    } catch (RuntimeException | AssertionError e) {
      if (isIoFailure(e)) {
        throw InvitriageException.io(file + ": cannot read: " + describe(e), e);
      }
      throw InvitriageException.badInput(file + ": damaged store (" + describe(e) + "); `invitriage db check` tells more");
    }
  }

  @Override
  public synchronized void forEach(Consumer<InboxEntry> action) {
    int n = state.size();
    for (int i = 0; i < n; i++) {
      int o = i;
      action.accept(reading(() -> state.entry(o)));
    }
  }

  @Override
  public synchronized FacetTable facets() {
    return reading(() -> state.facets(this::nameKeyBlocks, this::sentAtBlocks));
  }

  private synchronized long[][] nameKeyBlocks() {
    return reading(state::nameKeyBlocks);
  }

  private synchronized int[][] sentAtBlocks() {
    return reading(state::sentAtBlocks);
  }

  @Override
  public synchronized List<TemplateUse> templates(int limit) {
    return reading(() -> state.templates(limit));
  }

  @Override
  public synchronized FacetFlags flags() {
    return reading(state::flags);
  }

  @Override
  public synchronized InboxEntry entryAt(int ordinal) {
    return reading(() -> state.entry(ordinal));
  }

  @Override
  public synchronized IntPredicate textFilter(String lowerCaseNeedle) {
    BitSet chunks = reading(() -> state.chunksThatMayContain(lowerCaseNeedle));
    return ordinal -> chunks.get(Chunks.chunkOf(ordinal));
  }

  @Override
  public synchronized boolean textContains(int ordinal, String lowerCaseNeedle) {
    return reading(() -> state.textContains(ordinal, lowerCaseNeedle));
  }

  @Override
  public synchronized int ordinalOf(InvitationId id) {
    return reading(() -> state.ordinalOf(id));
  }

  @Override
  public synchronized Optional<InboxEntry> find(InvitationId id) {
    return reading(() -> {
      int o = state.ordinalOf(id);
      return o < 0 ? Optional.<InboxEntry>empty() : Optional.of(state.entry(o));
    });
  }

  @Override
  public synchronized List<InvitationId> idsWithPrefix(String hexPrefix) {
    return reading(() -> state.idsWithPrefix(hexPrefix));
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
    return reading(state::clients);
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

  @Override
  public synchronized int undoDepth() {
    return state.undoDepth();
  }

  @Override
  public synchronized int redoDepth() {
    return state.redoDepth();
  }

  private void requireKnown(InvitationId id) {
    if (ordinalOf(id) < 0) {
      throw new InvitriageException(InvitriageException.Kind.USAGE, "no invitation with id " + id.hex());
    }
  }

  private Client requireClient(long id) {
    return reading(() -> state.client(id)).orElseThrow(() ->
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
    String consistency = consistencyProblem(true);
    if (consistency != null) {
      problems.add("store: " + consistency);
    }
    boolean journalWhole = true;
    for (Journal.Ref ref : journal.refs()) {
      try {
        journal.read(ref);
      } catch (IOException | Bytes.CorruptRecordException e) {
        problems.add("journal: entry " + ref.seq() + " at byte " + ref.offset() + ": " + describe(e));
        journalWhole = false;
      }
    }
    int n = state.size();
    for (int o = 0; o < n; o++) {
      try {
        if (state.ordinalOf(state.idAt(o)) != o) {
          problems.add("invitation " + o + ": the id index does not point back at it");
        }
      } catch (RuntimeException bad) {
        problems.add("invitation " + o + " does not decode: " + describe(bad));
      }
    }
    if (journalWhole) {
      problems.addAll(replayDifferences());
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

  /**
   * Replays the journal into a scratch store and lists where it differs from this one, comparing
   * what a user sees (every invitation as the inbox shows it, clients, undo and redo history), not
   * bytes: a compacted journal rebuilds the same inbox in fewer, differently cut values.
   */
  private List<String> replayDifferences() {
    Path scratchDir = io(() -> Files.createTempDirectory("invitriage-check"), file, "cannot create a scratch folder");
    try {
      try (Tables scratch = Tables.open(scratchDir.resolve("replay.db"), true, storeIo.volumes())) {
        InboxState replayed = new InboxState(scratch, classifier);
        List<Item> items = new ArrayList<>();
        for (Journal.Ref ref : journal.refs()) {
          items.add(new Item(ref.seq(), ref.type(), ref.state(), () -> read(ref)));
        }
        replay(replayed, items);
        replayed.flush();
        List<String> out = new ArrayList<>();
        if (replayed.size() != state.size()) {
          out.add("invitations: " + state.size() + " stored, the journal gives " + replayed.size());
        } else {
          for (int o = 0; o < state.size(); o++) {
            if (!state.entry(o).equals(replayed.entry(o))) {
              out.add("invitation " + o + " differs from what the journal gives");
              break;
            }
          }
        }
        if (!state.clients().equals(replayed.clients())) {
          out.add("clients differ from what the journal gives");
        }
        addDifference(out, "undo history", index(tables.undo.values()), index(scratch.undo.values()));
        addDifference(out, "redo history", index(tables.redo.values()), index(scratch.redo.values()));
        for (String key : List.of(Tables.META_COUNT, Tables.META_CONNECTIONS, Tables.META_NEXT_CLIENT_ID)) {
          if (tables.metaLong(key, 0) != scratch.metaLong(key, 0)) {
            out.add("meta " + key + ": " + tables.metaLong(key, 0) + ", the journal gives " + scratch.metaLong(key, 0));
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
      try (Tables copy = Tables.open(abs, true, storeIo.volumes())) {
        copy.meta.put(Tables.META_SCHEMA, Tables.SCHEMA_VERSION);
        InboxState s = new InboxState(copy, classifier);
        List<Item> items = new ArrayList<>();
        snapshot.forEach(e -> items.add(Item.of(e)));
        replay(s, items);
        s.flush();
        copy.meta.put(Tables.META_APPLIED_SEQ, applied);
        copy.db.commit();
      } catch (InvitriageException e) {
        throw e;
      } catch (RuntimeException e) {
        throw InvitriageException.io(abs + ": cannot write the backup: " + describe(e), e);
      }
      io(() -> { Journal.writeFile(storeIo.channels(), targetJournal, applied, snapshot); return null; }, targetJournal, "cannot write journal");
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
      Journal.writeFile(storeIo.channels(), jf, applied, snapshot);
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
