package dev.invitriage.app;

import dev.invitriage.classify.Classifier;
import dev.invitriage.domain.Client;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.FacetTable;
import dev.invitriage.domain.ImportResult;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.InboxRepository;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.domain.MessageClassifier;
import dev.invitriage.formats.ClientCsvReader;
import dev.invitriage.formats.ExportFormat;
import dev.invitriage.formats.ExportWriter;
import dev.invitriage.formats.LinkedInExportReader;
import dev.invitriage.store.MapDbInbox;
import dev.invitriage.store.StoreCheck;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Locale;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.AtomicMoveNotSupportedException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * One open inbox and everything a user can do with it. The CLI, the UI and the SSH server all go
 * through here, so a rule is enforced in one place whichever face the user sees.
 *
 * <p>Safe to share between threads (the SSH server runs one UI per session on one App): it holds
 * no mutable state of its own, and the store's methods are synchronized.
 */
public final class App implements AutoCloseable {
  private final ChangeCountingInbox inbox;
  private final InboxRepository store;
  private final Clock clock;
  /** False for a {@link #borrowed()} handle, whose close leaves the store open. */
  private final boolean owner;
  /** The store's classifier, made on first use, or sooner when asked (see prepareClassifier). */
  private final MessageClassifier classifier;

  App(InboxRepository inbox, Clock clock) {
    this(new ChangeCountingInbox(inbox), inbox, clock, true, null);
  }

  private App(ChangeCountingInbox inbox, InboxRepository store, Clock clock, boolean owner,
      MessageClassifier classifier) {
    this.inbox = inbox;
    this.store = store;
    this.clock = clock;
    this.owner = owner;
    this.classifier = classifier;
  }

  private App(InboxRepository inbox, Clock clock, MessageClassifier classifier) {
    this(new ChangeCountingInbox(inbox), inbox, clock, true, classifier);
  }

  /**
   * Opens the store, creating it when absent. Recovery after a crash is reported to {@code
   * notices}, one line each.
   */
  public static App open(Path store, PhraseBook phrases, Clock clock, Consumer<String> notices) {
    return open(store, phrases, clock, notices, Use.COMMAND);
  }

  /** What a store is opened for, which decides how it is best opened. */
  public enum Use {
    /** A command that reads or changes a little and ends. */
    COMMAND,
    /**
     * A command that will judge notes at once, as an import does: the classifier is made while
     * the store opens, not after (a 10k import 1.03 -> 0.97 s, medians of seven).
     */
    IMPORT,
    /**
     * The full-screen inbox or the server, which keep the store open and read a little of it here
     * and there for long: see {@link MapDbInbox#openLongLived}.
     */
    INBOX
  }

  /** {@link #open(Path, PhraseBook, Clock, Consumer)}, for {@code use}. */
  public static App open(
      Path store, PhraseBook phrases, Clock clock, Consumer<String> notices, Use use) {
    MessageClassifier classifier = Classifier.onFirstUse(phrases.phrases());
    if (use == Use.IMPORT) {
      classifier.prepareInBackground();
    }
    MapDbInbox inbox = use == Use.INBOX
        ? MapDbInbox.openLongLived(store, classifier, notices)
        : MapDbInbox.open(store, classifier, notices);
    return new App(inbox, clock, classifier);
  }

  /**
   * Starts making the classifier on another thread, if it is not made yet: the full-screen inbox
   * asks once its first frame is out, the server once it accepts connections. The reason shown for
   * an invitation reads "judging…" until then; made sooner, while the store opened or the frame
   * was drawn, it slowed both on a two-core machine (first frame on a 100k store 1.4 s, not 0.8).
   */
  public void prepareClassifier() {
    if (classifier != null) {
      classifier.prepareInBackground();
    }
  }

  public InboxRepository inbox() {
    return inbox;
  }

  /**
   * How many changes (decisions, notes, clients, undo, redo, imports) were made through this App
   * and its borrowed handles. A screen that remembers the count it drew can tell, by reading one
   * number, that another session changed the inbox.
   */
  public long changeCount() {
    return inbox.changeCount();
  }

  /**
   * A handle on this same open store whose {@link #close()} does nothing: for code that closes
   * what it is given (a command's try-with-resources) while the owner keeps the store open.
   */
  public App borrowed() {
    return new App(inbox, store, clock, false, classifier);
  }

  // ---------------------------------------------------------------- import

  /**
   * Reads every path (export zip, export folder, Invitations.csv, Connections.csv, or an
   * invitriage export) and stores them in one durable step; a bad file stores nothing.
   */
  public ImportResult importFiles(List<Path> paths, boolean skipBad, Consumer<String> skipped) {
    // Every row will be judged: the classifier (0.7 s to make in a fresh JVM) is made while the
    // safety copy is kept and the first rows are read, not when the first part needs it.
    prepareClassifier();
    LinkedInExportReader reader = new LinkedInExportReader();
    return inbox.importStream(parts -> reader.read(paths, skipBad, skipped, parts));
  }

  /** Imports a client list CSV, or every connection of a Connections.csv, as one change. */
  public List<Client> importClients(Path file, boolean fromConnections) {
    List<Client> read = new ClientCsvReader().read(file, fromConnections);
    return read.isEmpty() ? List.of() : inbox.addClients(read);
  }

  // ---------------------------------------------------------------- reading

  /** The matching invitations, newest first (equal times in import order). */
  public List<InboxEntry> list(EntryFilter filter) {
    List<InboxEntry> out = new ArrayList<>();
    InboxView all = view(View.ALL, SortOrder.DATE);
    inbox.readingEveryRow();
    for (int row = 0; row < all.size(); row++) {
      InboxEntry e = all.get(row);
      if (filter.matches(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * One of the UI's views, sorted, as of now. Built from a snapshot of each invitation's facts, in
   * a pass over primitive arrays: no invitation is read.
   */
  public InboxView view(View view, SortOrder sort) {
    FacetTable table = inbox.facets();
    return new InboxView(view, sort, sort.order(view, table), inbox, table);
  }

  /** Writes the matching invitations, newest first, in the given format, one at a time. */
  public int export(EntryFilter filter, ExportFormat format, Writer out) {
    try (ExportWriter writer = ExportWriter.open(format, out)) {
      return export(filter, writer);
    }
  }

  private int export(EntryFilter filter, ExportWriter writer) {
    InboxView all = view(View.ALL, SortOrder.DATE);
    inbox.readingEveryRow();
    if (filter.matchesAll()) {
      // Every row, so none is read for a filter: each is printed as stored, texts undecoded, and
      // read on another core while this one prints.
      ReadAhead.forEach(all.size(), row -> inbox.encodedEntryAt(all.ordinal(row)), writer::write);
      return all.size();
    }
    int written = 0;
    for (int row = 0; row < all.size(); row++) {
      InboxEntry e = all.get(row);
      if (filter.matches(e)) {
        writer.write(e);
        written++;
      }
    }
    return written;
  }

  /**
   * Writes the given entries, in their order, as {@code csv} or {@code json} to {@code target},
   * through a temporary file beside it and a rename, so the file is only ever complete or absent.
   * Returns how many were written.
   */
  public int exportTo(List<InboxEntry> entries, String format, Path target) {
    ExportFormat fmt;
    try {
      fmt = ExportFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvitriageException.badInput("unknown export format '" + format + "' (expected csv or json)");
    }
    return writeAtomically(target, out -> {
      try (ExportWriter writer = ExportWriter.open(fmt, out)) {
        entries.forEach(writer::write);
      }
      return entries.size();
    });
  }

  /** Like {@link #export(EntryFilter, ExportFormat, Writer)}, into a file that is only ever complete or absent. */
  public int exportTo(EntryFilter filter, ExportFormat format, Path target) {
    return writeAtomically(target, out -> {
      try (ExportWriter writer = ExportWriter.open(format, out)) {
        return export(filter, writer);
      }
    });
  }

  /** Writes what {@code body} writes, returning its count. */
  @FunctionalInterface
  private interface WriteBody {
    int write(OutputStream out) throws IOException;
  }

  /**
   * Runs {@code body} on a temporary file beside {@code target} and renames it into place, so a
   * failed or interrupted export never leaves half a file; the temporary file is removed on
   * failure. A target that is a link is followed, so the link stays and what it names is
   * replaced. A target that exists and is not a file ({@code /dev/null}, a named pipe, a terminal)
   * is written to as it is: renamed over, {@code export -o /dev/null} run as root replaced the
   * device with a file, and every later write to it filled that file.
   */
  private static int writeAtomically(Path target, WriteBody body) {
    Path tmp = null;
    try {
      Path abs = target.toAbsolutePath();
      if (Files.exists(abs)) {
        abs = abs.toRealPath();
        if (!Files.isRegularFile(abs)) {
          try (OutputStream out = Files.newOutputStream(abs, StandardOpenOption.WRITE)) {
            return body.write(out);
          }
        }
      }
      tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
      int n;
      try (OutputStream out = Files.newOutputStream(tmp)) {
        n = body.write(out);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      return n;
    } catch (IOException | RuntimeException e) {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // Best effort: a leftover hidden temporary file is harmless.
        }
      }
      if (e instanceof InvitriageException ie) {
        throw ie;
      }
      throw InvitriageException.io(target + ": cannot write: " + e.getMessage(), e);
    }
  }

  public Stats stats() {
    return Stats.of(inbox.flags());
  }

  /** The counts, the last twelve months and the most-sent templates, as of now. */
  public Overview overview() {
    return Overview.of(inbox.facets(), inbox.templates(Overview.TEMPLATES), java.time.YearMonth.now(clock));
  }

  // ---------------------------------------------------------------- ids

  /** The one invitation whose id starts with {@code prefix}; a clear error when none or several. */
  public InvitationId resolve(String prefix) {
    String p = prefix.strip();
    if (!InvitationId.isHex(p)) {
      throw new InvitriageException(InvitriageException.Kind.USAGE, "'" + prefix + "' is not an invitation id (ids are hex digits)");
    }
    List<InvitationId> matches = inbox.idsWithPrefix(p);
    if (matches.isEmpty()) {
      throw new InvitriageException(InvitriageException.Kind.USAGE, "no invitation with id " + p);
    }
    if (matches.size() > 1) {
      throw new InvitriageException(InvitriageException.Kind.USAGE,
          "id " + p + " is ambiguous: it matches " + matches.size() + " invitations; give more digits");
    }
    return matches.get(0);
  }

  public List<InvitationId> resolveAll(List<String> prefixes) {
    LinkedHashSet<InvitationId> ids = new LinkedHashSet<>();
    for (String p : prefixes) {
      ids.add(resolve(p));
    }
    return List.copyOf(ids);
  }

  // ---------------------------------------------------------------- changes

  public void decide(List<InvitationId> ids, Decision decision) {
    inbox.decide(ids, decision, clock.instant());
  }

  public InboxEntry entry(InvitationId id) {
    return inbox.find(id).orElseThrow(() ->
        new InvitriageException(InvitriageException.Kind.USAGE, "no invitation with id " + id.hex()));
  }

  /** Finds a client by its number, or by profile URL. */
  public Client client(String idOrUrl) {
    String key = idOrUrl.strip();
    for (Client c : inbox.clients()) {
      if (key.matches("\\d{1,18}") ? c.id() == Long.parseLong(key)
          : !c.url().isEmpty() && dev.invitriage.domain.ProfileUrl.normalise(c.url()).equals(dev.invitriage.domain.ProfileUrl.normalise(key))) {
        return c;
      }
    }
    throw new InvitriageException(InvitriageException.Kind.USAGE, "no client " + idOrUrl);
  }

  // ---------------------------------------------------------------- the store itself

  /** Verifies the store and its journal (see {@link MapDbInbox#check()}). */
  public StoreCheck check() {
    return store().check();
  }

  /** Writes a consistent copy of the store to {@code target}, a new store with its journal. */
  public void backupTo(Path target) {
    store().backupTo(target);
  }

  private MapDbInbox store() {
    if (store instanceof MapDbInbox m) {
      return m;
    }
    throw new IllegalStateException("not a MapDB store: " + store.getClass().getName());
  }

  @Override
  public void close() {
    if (owner) {
      inbox.close();
    }
  }
}
