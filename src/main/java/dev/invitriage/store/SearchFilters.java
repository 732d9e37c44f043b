package dev.invitriage.store;

import dev.invitriage.domain.Invitation;
import java.util.Arrays;
import java.util.BitSet;
import org.mapdb.BTreeMap;

/**
 * The search filters of a store's chunks ({@link SearchGrams}) as a session holds them: each read
 * from the store on first use, or derived again from the chunk's records when it is missing or a
 * change dropped it; changed ones written back with the store's other changes.
 */
final class SearchFilters {
  /** Adds the searchable text of every row of a chunk to a filter (see {@link #addText}). */
  interface ChunkText {
    void addTo(long[] filter, int chunk);
  }

  private final BTreeMap<Integer, byte[]> stored;
  private final ChunkText text;
  /** Filters by chunk; null where not read yet or dropped. */
  private long[][] filters = new long[0][];
  /** Filters changed since they were last written. */
  private final BitSet changed = new BitSet();
  /** The chunks that may hold the last needle asked about. */
  private String lastNeedle;
  private BitSet lastCandidates;
  /** What the filter an import is filling holds already (see {@link SearchGrams.Seen}). */
  private final SearchGrams.Seen seen = new SearchGrams.Seen();

  SearchFilters(BTreeMap<Integer, byte[]> stored, ChunkText text) {
    this.stored = stored;
    this.text = text;
  }

  /** Adds the text a search looks in to a filter: the other person's name, the message, the note. */
  static void addText(long[] filter, Invitation inv, String note) {
    addText(filter, inv, note, null);
  }

  private static void addText(long[] filter, Invitation inv, String note, SearchGrams.Seen seen) {
    SearchGrams.add(filter, inv.counterpartName(), seen);
    SearchGrams.add(filter, inv.message(), seen);
    SearchGrams.add(filter, note, seen);
  }

  /** Forgets everything held; each filter is read from the store again. */
  void reset() {
    filters = new long[0][];
    changed.clear();
    lastNeedle = null;
  }

  /** A new row of {@code chunk} (an import): its text joins the chunk's filter. */
  void added(int chunk, Invitation inv) {
    addText(filter(chunk), inv, "", seen);
    changed.set(chunk);
    lastNeedle = null;
  }

  /** A row's text changed in a way a filter cannot take back (a note removed): derive it again. */
  void dropped(int chunk) {
    if (chunk < filters.length) {
      filters[chunk] = null;
    }
    changed.set(chunk);
    lastNeedle = null;
  }

  /** The chunks, of the first {@code chunks}, that may hold the lower-case needle; no other does. */
  BitSet chunksThatMayContain(String lowerCaseNeedle, int chunks) {
    if (!lowerCaseNeedle.equals(lastNeedle)) {
      long[] keys = SearchGrams.keys(lowerCaseNeedle);
      BitSet candidates = new BitSet();
      for (int chunk = 0; chunk < chunks; chunk++) {
        if (SearchGrams.mayContain(filter(chunk), keys)) {
          candidates.set(chunk);
        }
      }
      lastNeedle = lowerCaseNeedle;
      lastCandidates = candidates;
    }
    return lastCandidates;
  }

  /** Writes every changed filter (uncommitted). */
  void flush() {
    for (int chunk = changed.nextSetBit(0); chunk >= 0; chunk = changed.nextSetBit(chunk + 1)) {
      filter(chunk); // derives the ones a change dropped
    }
    SearchGrams.store(stored, filters, changed);
    changed.clear();
  }

  /**
   * Writes the filters of chunks {@code [from, to)} an import has filled, and lets go of them (the
   * store gives them back when asked). Written together: every search reads all the filters, and
   * written a chunk at a time as each filled they lay scattered among the records, so that reading
   * the 3,907 filters of a million rows mapped 250 MB of the file into the process (the kernel maps
   * the pages around each one read) and took twice as long.
   */
  void writeOut(int from, int to) {
    BitSet batch = new BitSet();
    for (int chunk = from; chunk < to; chunk++) {
      if (changed.get(chunk)) {
        filter(chunk); // derives one a restored note dropped
        batch.set(chunk);
      }
    }
    SearchGrams.store(stored, filters, batch);
    for (int chunk = from; chunk < to; chunk++) {
      changed.clear(chunk);
      if (chunk < filters.length) {
        filters[chunk] = null;
      }
    }
  }

  /** A chunk's filter: as held, else as stored, else derived from its rows. */
  private long[] filter(int chunk) {
    if (chunk >= filters.length) {
      filters = Arrays.copyOf(filters, Math.max(chunk + 1, filters.length * 2));
    }
    if (filters[chunk] == null) {
      long[] read = changed.get(chunk) ? null : SearchGrams.load(stored, chunk);
      if (read == null) {
        read = SearchGrams.empty();
        text.addTo(read, chunk);
        changed.set(chunk);
      }
      filters[chunk] = read;
    }
    return filters[chunk];
  }
}
