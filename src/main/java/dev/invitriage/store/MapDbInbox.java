package dev.invitriage.store;

import static dev.invitriage.store.StoreFailures.describe;
import static dev.invitriage.store.StoreFailures.isIoFailure;

import dev.invitriage.domain.Client;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.EncodedEntry;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * The inbox stored in one MapDB file ({@code inbox.db}) and its journal ({@code inbox.db.journal}):
 * the repository the app uses. Every method runs under this object's lock. How a change is made
 * durable is {@link DurableStore}'s; opening and recovery {@link StoreRecovery}'s; an import
 * {@link BulkImport}'s; {@code db check} {@link StoreChecker}'s; backups {@link StoreCopies}'.
 */
public final class MapDbInbox implements InboxRepository {
  /** Compact the journal on close once it holds more change entries than this. */
  static final int COMPACT_AFTER_CHANGES = DurableStore.COMPACT_AFTER_CHANGES;

  private final DurableStore store;

  private MapDbInbox(DurableStore store) {
    this.store = store;
  }

  /**
   * Opens the store at {@code file}, creating it (and its folders) when absent, recovering it from
   * its journal when needed. Recovery is reported through {@code notices}, one line each.
   */
  public static MapDbInbox open(Path file, MessageClassifier classifier, Consumer<String> notices) {
    return open(file, classifier, notices, StoreIo.REAL);
  }

  /**
   * {@link #open(Path, MessageClassifier, Consumer)}, for a process that keeps the store open and
   * reads a little of it here and there for long (the full-screen inbox, the server): records are
   * read by copying them from the file, so the pages read do not stay in the process's memory
   * (the inbox's peak on a million invitations 196 -> 155 MB; see {@link LinuxVolume}).
   */
  public static MapDbInbox openLongLived(
      Path file, MessageClassifier classifier, Consumer<String> notices) {
    return open(file, classifier, notices, StoreIo.REAL_COPYING_READS);
  }

  /** {@link #open(Path, MessageClassifier, Consumer)} reaching its files through {@code storeIo}. */
  static MapDbInbox open(Path file, MessageClassifier classifier, Consumer<String> notices, StoreIo storeIo) {
    Path abs = file.toAbsolutePath();
    try {
      Files.createDirectories(abs.getParent());
    } catch (IOException e) {
      throw InvitriageException.io(abs.getParent() + ": cannot create folder: " + describe(e), e);
    }
    DurableStore store = new DurableStore(abs, StoreLock.acquire(abs), classifier, storeIo);
    try {
      StoreRecovery.open(store, notices);
      return new MapDbInbox(store);
    } catch (RuntimeException e) {
      store.closeQuietly();
      // A read or write failing while the store is looked at or caught up is the disk's fault.
      if (!(e instanceof InvitriageException) && isIoFailure(e)) {
        throw InvitriageException.io(abs + ": cannot open: " + describe(e), e);
      }
      throw e;
    }
  }

  public Path file() {
    return store.file;
  }

  @Override
  public synchronized ImportResult importStream(ImportProducer producer) {
    return BulkImport.run(store, producer);
  }

  @Override
  public synchronized int size() {
    return store.state.read().size();
  }

  /**
   * Runs a read of the store. Most of it is loaded on first use, not on open, so any read can meet
   * a disk error or a damaged value: either becomes one clear error, never MapDB's own exception.
   */
  private <T> T reading(Supplier<T> read) {
    store.requireWhole();
    try {
      return read.get();
    } catch (InvitriageException e) {
      throw e;
    } catch (RuntimeException | AssertionError e) {
      if (isIoFailure(e)) {
        throw InvitriageException.io(store.file + ": cannot read: " + describe(e), e);
      }
      throw InvitriageException.badInput(store.file + ": damaged store (" + describe(e) + "); `invitriage db check` tells more");
    }
  }

  @Override
  public synchronized void forEach(Consumer<InboxEntry> action) {
    readingEveryRow();
    int n = store.state.read().size();
    for (int i = 0; i < n; i++) {
      int o = i;
      action.accept(reading(() -> store.state.read().entry(o)));
    }
  }

  @Override
  public synchronized void readingEveryRow() {
    reading(() -> {
      store.state.read().readingEveryRow();
      return null;
    });
  }

  @Override
  public synchronized FacetTable facets() {
    return reading(() -> store.state.read().facets(this::nameKeyBlocks, this::sentAtBlocks));
  }

  private synchronized long[][] nameKeyBlocks() {
    return reading(store.state.read()::nameKeyBlocks);
  }

  private synchronized int[][] sentAtBlocks() {
    return reading(store.state.read()::sentAtBlocks);
  }

  @Override
  public synchronized List<TemplateUse> templates(int limit) {
    return reading(() -> store.state.read().templates(limit));
  }

  @Override
  public synchronized FacetFlags flags() {
    return reading(store.state.read()::flags);
  }

  @Override
  public synchronized InboxEntry entryAt(int ordinal) {
    return reading(() -> store.state.read().entry(ordinal));
  }

  @Override
  public synchronized EncodedEntry encodedEntryAt(int ordinal) {
    return reading(() -> store.state.read().encodedEntry(ordinal));
  }

  @Override
  public synchronized IntPredicate textFilter(String lowerCaseNeedle) {
    BitSet chunks = reading(() -> store.state.read().chunksThatMayContain(lowerCaseNeedle));
    return ordinal -> chunks.get(Chunks.chunkOf(ordinal));
  }

  @Override
  public synchronized boolean textContains(int ordinal, String lowerCaseNeedle) {
    return reading(() -> store.state.read().textContains(ordinal, lowerCaseNeedle));
  }

  @Override
  public synchronized int ordinalOf(InvitationId id) {
    return reading(() -> store.state.read().ordinalOf(id));
  }

  @Override
  public synchronized Optional<InboxEntry> find(InvitationId id) {
    return reading(() -> {
      int o = store.state.read().ordinalOf(id);
      return o < 0 ? Optional.<InboxEntry>empty() : Optional.of(store.state.read().entry(o));
    });
  }

  @Override
  public synchronized List<InvitationId> idsWithPrefix(String hexPrefix) {
    return reading(() -> store.state.read().idsWithPrefix(hexPrefix));
  }

  @Override
  public synchronized void decide(List<InvitationId> ids, Decision decision, Instant at) {
    List<Change.Op> ops = new ArrayList<>(ids.size());
    long millis = decision == Decision.PENDING ? -1 : at.toEpochMilli();
    for (InvitationId id : ids) {
      requireKnown(id);
      ops.add(new Change.SetDecision(id, decision, millis));
    }
    String label = decision.word() + " " + ids.size() + (ids.size() == 1 ? " invitation" : " invitations");
    Change c = Change.of(label, ops);
    store.change(Journal.Type.CHANGE, Codec.change(c), () -> store.state.applyChange(c));
  }

  @Override
  public synchronized void setNote(InvitationId id, String note) {
    requireKnown(id);
    Change c = Change.of((note.isEmpty() ? "remove note on " : "note on ") + id.hex().substring(0, 8), new Change.SetNote(id, note));
    store.change(Journal.Type.CHANGE, Codec.change(c), () -> store.state.applyChange(c));
  }

  @Override
  public synchronized List<Client> clients() {
    return reading(store.state.read()::clients);
  }

  @Override
  public synchronized List<Client> addClients(List<Client> clients) {
    long next = store.state.nextClientId();
    List<Client> stored = new ArrayList<>();
    List<Change.Op> ops = new ArrayList<>();
    for (Client c : clients) {
      Client withId = c.withId(next++);
      stored.add(withId);
      ops.add(new Change.PutClient(withId));
    }
    String label = clients.size() == 1 ? "add client " + clients.get(0).name() : "add " + clients.size() + " clients";
    Change c = Change.of(label, ops);
    store.change(Journal.Type.CHANGE, Codec.change(c), () -> store.state.applyChange(c));
    return stored;
  }

  @Override
  public synchronized void updateClient(Client client) {
    requireClient(client.id());
    Change c = Change.of("edit client " + client.name(), new Change.PutClient(client));
    store.change(Journal.Type.CHANGE, Codec.change(c), () -> store.state.applyChange(c));
  }

  @Override
  public synchronized void removeClient(long clientId) {
    Client old = requireClient(clientId);
    Change c = Change.of("remove client " + old.name(), new Change.RemoveClient(clientId));
    store.change(Journal.Type.CHANGE, Codec.change(c), () -> store.state.applyChange(c));
  }

  @Override
  public synchronized Optional<String> undo() {
    if (!store.state.canUndo()) {
      return Optional.empty();
    }
    return store.change(Journal.Type.UNDO, new byte[0], store.state::applyUndo);
  }

  @Override
  public synchronized Optional<String> redo() {
    if (!store.state.canRedo()) {
      return Optional.empty();
    }
    return store.change(Journal.Type.REDO, new byte[0], store.state::applyRedo);
  }

  @Override
  public synchronized int undoDepth() {
    return store.state.undoDepth();
  }

  @Override
  public synchronized int redoDepth() {
    return store.state.redoDepth();
  }

  private void requireKnown(InvitationId id) {
    if (ordinalOf(id) < 0) {
      throw new InvitriageException(InvitriageException.Kind.USAGE, "no invitation with id " + id.hex());
    }
  }

  private Client requireClient(long id) {
    return reading(() -> store.state.read().client(id)).orElseThrow(() ->
        new InvitriageException(InvitriageException.Kind.USAGE, "no client with id " + id));
  }

  /**
   * Verifies the open store: its schema, every journal entry's checksum, that every invitation
   * record decodes and the id index points back at it, and that replaying the journal into a
   * scratch store in a temporary folder gives exactly the same contents. Changes nothing.
   */
  public synchronized StoreCheck check() {
    return StoreChecker.check(store);
  }

  /**
   * Writes a consistent copy of the committed state as a new store at {@code target} with its own
   * journal, while this one stays open. Never overwrites: an existing target is refused.
   */
  public synchronized void backupTo(Path target) {
    StoreCopies.backup(store, target);
  }

  @Override
  public synchronized void close() {
    store.close();
  }
}
