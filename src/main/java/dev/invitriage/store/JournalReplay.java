package dev.invitriage.store;

import dev.invitriage.domain.InvitriageException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Applies journal entries in order to an inbox state: changes at once, import parts only when
 * their IMPORT_END follows (an import cut short by a kill is never half applied). The same replay
 * catches a store up, rebuilds it, checks it against its journal and writes a backup.
 */
final class JournalReplay {
  /** A journal entry to replay: its header, and its payload read only when applied. */
  record Item(long seq, Journal.Type type, Journal.State state, Supplier<Journal.Entry> load) {
    static Item of(Journal.Entry e) {
      return new Item(e.seq(), e.type(), e.state(), () -> e);
    }
  }

  private final DurableStore store;
  private long lastReplayed;

  /** A replay for {@code store}'s journal, which has seen nothing beyond {@code seenUpTo} yet. */
  JournalReplay(DurableStore store, long seenUpTo) {
    this.store = store;
    this.lastReplayed = seenUpTo;
  }

  /** Sequence number of the last entry replayed. */
  long lastReplayed() {
    return lastReplayed;
  }

  /** The entries {@code refs} point at in the store's journal, each read when applied. */
  List<Item> items(List<Journal.Ref> refs) {
    List<Item> items = new ArrayList<>(refs.size());
    for (Journal.Ref ref : refs) {
      items.add(new Item(ref.seq(), ref.type(), ref.state(), () -> store.read(ref)));
    }
    return items;
  }

  /** Replays {@code items} into {@code target}; returns how many entries took effect. */
  int replay(InboxState target, List<Item> items) {
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

  private void applyChecked(Journal.Entry e, Runnable action) {
    try {
      action.run();
    } catch (Bytes.CorruptRecordException damaged) {
      throw InvitriageException.badInput(store.journal.path() + ": journal entry " + e.seq() + " is damaged: " + damaged.getMessage());
    } catch (RuntimeException failed) {
      // Replaying on a full disk: MapDB's own exception would reach the user as a "bug".
      throw store.asStoreError(failed);
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
}
