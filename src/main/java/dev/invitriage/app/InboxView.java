package dev.invitriage.app;

import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.InboxRepository;
import dev.invitriage.domain.InvitationId;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * One view of the inbox, sorted, as of the moment it was made: the rows a list shows. It holds
 * only the rows' ordinals; each row is read from the store when asked for, so a list that draws
 * 30 rows reads 30 invitations whatever the inbox's size. Ask the {@link App} for a new one
 * after a change.
 */
public final class InboxView {
  private final View view;
  private final SortOrder sort;
  private final int[] ordinals;
  private final InboxRepository inbox;

  InboxView(View view, SortOrder sort, int[] ordinals, InboxRepository inbox) {
    this.view = view;
    this.sort = sort;
    this.ordinals = ordinals;
    this.inbox = inbox;
  }

  public View view() {
    return view;
  }

  public SortOrder sort() {
    return sort;
  }

  public int size() {
    return ordinals.length;
  }

  public InboxEntry get(int row) {
    return inbox.entryAt(ordinals[row]);
  }

  /** The row showing this invitation, or -1 when it is not in the view. */
  public int indexOf(InvitationId id) {
    int ordinal = inbox.ordinalOf(id);
    for (int i = 0; ordinal >= 0 && i < ordinals.length; i++) {
      if (ordinals[i] == ordinal) {
        return i;
      }
    }
    return -1;
  }

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
    if (text.isEmpty() || ordinals.length == 0) {
      return -1;
    }
    String needle = text.toLowerCase(Locale.ROOT);
    int n = ordinals.length;
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

  /** True when the entry's name, message or note contains the lower-case needle. */
  public static boolean matches(InboxEntry e, String lowerCaseNeedle) {
    return e.invitation().counterpartName().toLowerCase(Locale.ROOT).contains(lowerCaseNeedle)
        || e.invitation().message().toLowerCase(Locale.ROOT).contains(lowerCaseNeedle)
        || e.note().toLowerCase(Locale.ROOT).contains(lowerCaseNeedle);
  }
}
