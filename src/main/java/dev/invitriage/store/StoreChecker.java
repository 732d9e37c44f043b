package dev.invitriage.store;

import static dev.invitriage.store.StoreFailures.describe;
import static dev.invitriage.store.StoreFailures.io;

import dev.invitriage.domain.InvitriageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** {@code invitriage db check}: everything that can be verified about an open store, changing nothing. */
final class StoreChecker {
  /** Problems reported beyond this many are summarised in one line. */
  private static final int MAX_PROBLEMS = 20;

  private StoreChecker() {}

  /**
   * Verifies {@code store}: its schema, every journal entry's checksum, that every invitation
   * record decodes and the id index points back at it, and that replaying the journal into a
   * scratch store in a temporary folder gives exactly the same contents.
   */
  static StoreCheck check(DurableStore store) {
    List<String> problems = new ArrayList<>();
    long schema = store.tables.metaLong(Tables.META_SCHEMA, -1);
    if (schema != Tables.SCHEMA_VERSION) {
      problems.add("schema version is " + schema + ", expected " + Tables.SCHEMA_VERSION);
    }
    String consistency = store.consistencyProblem(true);
    if (consistency != null) {
      problems.add("store: " + consistency);
    }
    boolean journalWhole = true;
    for (Journal.Ref ref : store.journal.refs()) {
      try {
        store.journal.read(ref);
      } catch (IOException | Bytes.CorruptRecordException e) {
        problems.add("journal: entry " + ref.seq() + " at byte " + ref.offset() + ": " + describe(e));
        journalWhole = false;
      }
    }
    InboxQueries stored = store.state.read();
    int n = stored.size();
    for (int o = 0; o < n; o++) {
      try {
        if (stored.ordinalOf(stored.idAt(o)) != o) {
          problems.add("invitation " + o + ": the id index does not point back at it");
        }
      } catch (RuntimeException bad) {
        problems.add("invitation " + o + " does not decode: " + describe(bad));
      }
    }
    if (journalWhole) {
      problems.addAll(replayDifferences(store));
    } else {
      problems.add("journal: not replayed, as some entries are damaged");
    }
    if (problems.size() > MAX_PROBLEMS) {
      int more = problems.size() - MAX_PROBLEMS;
      problems.subList(MAX_PROBLEMS, problems.size()).clear();
      problems.add("… and " + more + " more");
    }
    return new StoreCheck(n, stored.clients().size(), store.journal.refs().size(), problems);
  }

  /**
   * Replays the journal into a scratch store and lists where it differs from this one, comparing
   * what a user sees (every invitation as the inbox shows it, clients, undo and redo history), not
   * bytes: a compacted journal rebuilds the same inbox in fewer, differently cut values.
   */
  private static List<String> replayDifferences(DurableStore store) {
    InboxQueries stored = store.state.read();
    Path scratchDir = io(() -> Files.createTempDirectory("invitriage-check"), store.file, "cannot create a scratch folder");
    try {
      try (Tables scratch = Tables.open(scratchDir.resolve("replay.db"), true, store.storeIo.volumes())) {
        InboxState replaying = new InboxState(scratch, store.classifier);
        JournalReplay replay = new JournalReplay(store, 0);
        replay.replay(replaying, replay.items(store.journal.refs()));
        replaying.flush();
        InboxQueries replayed = replaying.read();
        List<String> out = new ArrayList<>();
        if (replayed.size() != stored.size()) {
          out.add("invitations: " + stored.size() + " stored, the journal gives " + replayed.size());
        } else {
          for (int o = 0; o < stored.size(); o++) {
            if (!stored.entry(o).equals(replayed.entry(o))) {
              out.add("invitation " + o + " differs from what the journal gives");
              break;
            }
          }
        }
        if (!stored.clients().equals(replayed.clients())) {
          out.add("clients differ from what the journal gives");
        }
        addDifference(out, "undo history", index(store.tables.undo.values()), index(scratch.undo.values()));
        addDifference(out, "redo history", index(store.tables.redo.values()), index(scratch.redo.values()));
        for (String key : List.of(Tables.META_COUNT, Tables.META_CONNECTIONS, Tables.META_NEXT_CLIENT_ID)) {
          if (store.tables.metaLong(key, 0) != scratch.metaLong(key, 0)) {
            out.add("meta " + key + ": " + store.tables.metaLong(key, 0) + ", the journal gives " + scratch.metaLong(key, 0));
          }
        }
        return out;
      }
    } catch (InvitriageException e) {
      throw e;
    } catch (RuntimeException e) {
      return List.of("journal: replaying it fails: " + describe(e));
    } finally {
      StoreFiles.deleteQuietly(scratchDir);
    }
  }

  private static SortedMap<Integer, byte[]> index(Collection<byte[]> values) {
    SortedMap<Integer, byte[]> out = new TreeMap<>();
    for (byte[] v : values) {
      out.put(out.size(), v);
    }
    return out;
  }

  /** Both maps iterate in key order; the first key or value that differs is reported. */
  private static void addDifference(List<String> out, String table, Map<?, ?> live, Map<?, ?> replayed) {
    if (live.size() != replayed.size()) {
      out.add(table + ": " + live.size() + " records, the journal gives " + replayed.size());
      return;
    }
    Iterator<? extends Map.Entry<?, ?>> a = live.entrySet().iterator();
    Iterator<? extends Map.Entry<?, ?>> b = replayed.entrySet().iterator();
    while (a.hasNext()) {
      Map.Entry<?, ?> x = a.next();
      Map.Entry<?, ?> y = b.next();
      if (!x.getKey().equals(y.getKey()) || !Objects.deepEquals(x.getValue(), y.getValue())) {
        out.add(table + ": record " + x.getKey() + " differs from what the journal gives");
        return;
      }
    }
  }
}
