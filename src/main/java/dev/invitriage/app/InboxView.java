package dev.invitriage.app;

import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.FacetTable;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.InboxRepository;
import dev.invitriage.domain.InvitationId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * One view of the inbox, sorted, as of the moment it was made: the rows a list shows. It holds
 * only the rows' ordinals and the facet snapshot they were chosen from; each row is read from the
 * store when first asked for and then kept (the last {@value #CACHED_ENTRIES} rows read), so a
 * list that draws 30 rows reads 30 invitations whatever the inbox's size, and moving the cursor
 * reads none. Ask the {@link App} for a new one after a change, or, when the change was one
 * decision made through this view, for {@link #afterDecision}.
 */
public final class InboxView {
  /** Rows read from the store and kept: a few screenfuls. */
  static final int CACHED_ENTRIES = 256;
  /** Rows taken out by {@link #afterDecision} before the ordinals are copied without them. */
  static final int MAX_GONE = 1024;
  /** Decisions applied by {@link #afterDecision} before {@link #wantsRebuild} says so. */
  static final int MAX_DECIDED = 4096;

  private final View view;
  private final SortOrder sort;
  /** The ordinals as chosen, less the positions in {@link #gone}. Shared: never modified. */
  private final int[] ordinals;
  /** Positions in {@link #ordinals} taken out since, ascending. */
  private final int[] gone;
  private final InboxRepository inbox;
  /** The facts the ordinals were chosen from. */
  private final FacetTable table;
  /** Decisions made since {@link #table} was taken, by ordinal. */
  private final Map<Integer, Decision> decided;
  private final LinkedHashMap<Integer, InboxEntry> entries;

  InboxView(View view, SortOrder sort, int[] ordinals, InboxRepository inbox, FacetTable table) {
    this(view, sort, ordinals, new int[0], inbox, table, Map.of(), new HashMap<>());
  }

  private InboxView(View view, SortOrder sort, int[] ordinals, int[] gone, InboxRepository inbox, FacetTable table,
      Map<Integer, Decision> decided, Map<Integer, InboxEntry> entries) {
    this.view = view;
    this.sort = sort;
    this.ordinals = ordinals;
    this.gone = gone;
    this.inbox = inbox;
    this.table = table;
    this.decided = decided;
    this.entries = new LinkedHashMap<>(CACHED_ENTRIES * 2, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Integer, InboxEntry> eldest) {
        return size() > CACHED_ENTRIES;
      }
    };
    this.entries.putAll(entries);
  }

  public View view() {
    return view;
  }

  public SortOrder sort() {
    return sort;
  }

  public int size() {
    return ordinals.length - gone.length;
  }

  public InboxEntry get(int row) {
    int o = ordinal(row);
    InboxEntry e = entries.get(o);
    if (e == null) {
      e = inbox.entryAt(o);
      entries.put(o, e);
    }
    return e;
  }

  /** The decision of the invitation in a row, without reading it from the store. */
  public Decision decision(int row) {
    int o = ordinal(row);
    Decision d = decided.get(o);
    return d != null ? d : table.decision(o);
  }

  /** The direction of the invitation in a row, without reading it from the store. */
  public Direction direction(int row) {
    return table.direction(ordinal(row));
  }

  /** The row showing this invitation, or -1 when it is not in the view. */
  public int indexOf(InvitationId id) {
    int ordinal = inbox.ordinalOf(id);
    for (int i = 0; ordinal >= 0 && i < ordinals.length; i++) {
      if (ordinals[i] == ordinal) {
        int before = Arrays.binarySearch(gone, i);
        return before >= 0 ? -1 : i - (-before - 1);
      }
    }
    return -1;
  }

  /** The invitation's ordinal in the store, for a row. */
  int ordinal(int row) {
    if (row < 0 || row >= size()) {
      throw new IndexOutOfBoundsException("row " + row + " of " + size());
    }
    return ordinals[position(row)];
  }

  /**
   * Where a row is in {@link #ordinals}: past as many taken-out positions as come before it. The
   * i-th taken-out position has {@code gone[i] - i} rows before it, which never decreases with i,
   * so the positions before the row are those with {@code gone[i] - i <= row}.
   */
  private int position(int row) {
    int lo = 0;
    int hi = gone.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (gone[mid] - mid <= row) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return row + lo;
  }

  // ------------------------------------------------------------------ after one decision

  /**
   * This view after the invitation in {@code row} was decided {@code decision} (and nothing else
   * changed): the same rows in the same order, less that one if the view no longer shows it. A
   * decision changes no order and no other fact, so this is the view {@link App#view} would build
   * now, made without reading the inbox.
   */
  public InboxView afterDecision(int row, Decision decision) {
    int at = position(row);
    int o = ordinals[at];
    Map<Integer, Decision> nowDecided = new HashMap<>(decided);
    nowDecided.put(o, decision);
    Map<Integer, InboxEntry> kept = new LinkedHashMap<>(entries);
    kept.remove(o);
    if (view.contains(table, o, decision)) {
      return new InboxView(view, sort, ordinals, gone, inbox, table, nowDecided, kept);
    }
    int[] nowGone = new int[gone.length + 1];
    int i = -Arrays.binarySearch(gone, at) - 1;
    System.arraycopy(gone, 0, nowGone, 0, i);
    nowGone[i] = at;
    System.arraycopy(gone, i, nowGone, i + 1, gone.length - i);
    if (nowGone.length <= MAX_GONE) {
      return new InboxView(view, sort, ordinals, nowGone, inbox, table, nowDecided, kept);
    }
    return new InboxView(view, sort, without(ordinals, nowGone), new int[0], inbox, table, nowDecided, kept);
  }

  /** The ordinals not at a taken-out position, in order. */
  private static int[] without(int[] ordinals, int[] gone) {
    int[] left = new int[ordinals.length - gone.length];
    for (int p = 0, g = 0, n = 0; p < ordinals.length; p++) {
      if (g < gone.length && gone[g] == p) {
        g++;
      } else {
        left[n++] = ordinals[p];
      }
    }
    return left;
  }

  /** True when so many decisions were applied that a fresh view is the cheaper way on. */
  public boolean wantsRebuild() {
    return decided.size() >= MAX_DECIDED;
  }

  // ------------------------------------------------------------------ search

  /**
   * The next row (after {@code from} when searching forward, before it backward, wrapping around)
   * whose name, message or note contains {@code text} in any case, or -1 when none does. {@code
   * from} itself is checked last, so a search from a matching row finds the next one.
   *
   * <p>Rows the store's filter rules out are passed over without reading them. The others are
   * read in batches of rows that follow in view order, each batch in stored order (rows next to
   * each other on screen lie in chunks far apart, and a chunk is read once per batch), the batches
   * growing fourfold: a needle matching near {@code from} costs a few hundred rows, one matching
   * nowhere about one pass over the rows the filter lets through. Typing on from the same start
   * (the needle growing) resumes at the last match, since no row before it held the shorter needle.
   */
  public int find(String text, int from, boolean forward) {
    if (text.isEmpty() || size() == 0) {
      return -1;
    }
    String needle = text.toLowerCase(Locale.ROOT);
    int n = size();
    int start = Math.floorMod(from, n);
    int firstStep = 1;
    if (last != null && last.start == start && last.forward == forward && needle.contains(last.needle)) {
      if (last.row < 0) {
        return -1;
      }
      firstStep = Math.floorMod(forward ? last.row - start : start - last.row, n);
      firstStep = firstStep == 0 ? n : firstStep;
    }
    int row = find(needle, start, forward, firstStep);
    last = new LastFind(needle, start, forward, row);
    return row;
  }

  private int find(String needle, int start, boolean forward, int firstStep) {
    IntPredicate mayMatch = inbox.textFilter(needle);
    int[] ordinals = live();
    int n = ordinals.length;
    int batch = FIRST_BATCH;
    int step = firstStep;
    while (step <= n) {
      long[] candidates = new long[Math.min(batch, n)];
      int k = 0;
      for (; step <= n && k < candidates.length; step++) {
        int row = Math.floorMod(forward ? start + step : start - step, n);
        if (mayMatch.test(ordinals[row])) {
          // Stored order first, then the batch position, to read in the one and report by the other.
          candidates[k] = ((long) ordinals[row] << 32) | k;
          k++;
        }
      }
      Arrays.sort(candidates, 0, k);
      int first = Integer.MAX_VALUE;
      for (int i = 0; i < k; i++) {
        int position = (int) candidates[i];
        if (position < first && inbox.textContains((int) (candidates[i] >>> 32), needle)) {
          first = position;
        }
      }
      if (first != Integer.MAX_VALUE) {
        return rowOfCandidate(first, start, forward, firstStep, mayMatch);
      }
      firstStep = step;
      batch *= 4;
    }
    return -1;
  }

  /** The row of the {@code k}-th row (from 0) the filter let through, walking from {@code firstStep}. */
  private int rowOfCandidate(int k, int start, boolean forward, int firstStep, IntPredicate mayMatch) {
    int[] ordinals = live();
    int n = ordinals.length;
    for (int step = firstStep; ; step++) {
      int row = Math.floorMod(forward ? start + step : start - step, n);
      if (mayMatch.test(ordinals[row]) && k-- == 0) {
        return row;
      }
    }
  }

  private static final int FIRST_BATCH = 256;

  /** The last search: typing on from the same start resumes at its match. */
  private record LastFind(String needle, int start, boolean forward, int row) {}

  private LastFind last;

  /** The rows' ordinals in one array, for a search to walk: made once when rows were taken out. */
  private int[] live;

  private int[] live() {
    if (gone.length == 0) {
      return ordinals;
    }
    if (live == null) {
      live = without(ordinals, gone);
    }
    return live;
  }

  /** True when the entry's name, message or note contains the lower-case needle. */
  public static boolean matches(InboxEntry e, String lowerCaseNeedle) {
    return e.invitation().counterpartName().toLowerCase(Locale.ROOT).contains(lowerCaseNeedle)
        || e.invitation().message().toLowerCase(Locale.ROOT).contains(lowerCaseNeedle)
        || e.note().toLowerCase(Locale.ROOT).contains(lowerCaseNeedle);
  }
}
