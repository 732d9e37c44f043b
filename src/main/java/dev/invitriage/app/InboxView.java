package dev.invitriage.app;

import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.InboxRepository;
import dev.invitriage.domain.InvitationId;
import java.util.Arrays;
import java.util.BitSet;
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
   * <p>Rows the store's filter rules out are passed over without reading them. A needle that
   * matches often is found within the first rows read in view order; one that does not is looked
   * for chunk by chunk instead ({@link #matching}), as reading rows in view order would read the
   * same chunks many times.
   */
  public int find(String text, int from, boolean forward) {
    if (text.isEmpty() || ordinals.length == 0) {
      return -1;
    }
    String needle = text.toLowerCase(Locale.ROOT);
    IntPredicate mayMatch = inbox.textFilter(needle);
    BitSet matches = needle.equals(lastNeedle) ? lastMatches : null;
    int read = 0;
    int n = ordinals.length;
    int start = Math.floorMod(from, n);
    for (int step = 1; step <= n; step++) {
      int row = Math.floorMod(forward ? start + step : start - step, n);
      int o = ordinals[row];
      if (!mayMatch.test(o)) {
        continue;
      }
      if (matches == null && read++ == ROWS_READ_IN_VIEW_ORDER) {
        matches = matching(needle, mayMatch);
      }
      if (matches != null ? matches.get(o) : inbox.textContains(o, needle)) {
        return row;
      }
    }
    return -1;
  }

  /** Rows a search reads in view order before it looks chunk by chunk. */
  private static final int ROWS_READ_IN_VIEW_ORDER = 200;

  /** The needle of the last search, and the ordinals in this view whose text contains it. */
  private String lastNeedle;
  private BitSet lastMatches;

  /**
   * The ordinals whose text contains the needle. Reads the candidates in ordinal order, so each
   * stored chunk is read once, and when the needle extends the last one (typing on in an
   * incremental search) only the last matches are candidates.
   */
  private BitSet matching(String needle, IntPredicate mayMatch) {
    int[] candidates;
    if (lastNeedle != null && needle.contains(lastNeedle)) {
      candidates = lastMatches.stream().toArray();
    } else {
      candidates = ordinals.clone();
      Arrays.sort(candidates);
    }
    BitSet matches = new BitSet();
    for (int o : candidates) {
      if (mayMatch.test(o) && inbox.textContains(o, needle)) {
        matches.set(o);
      }
    }
    lastNeedle = needle;
    lastMatches = matches;
    return matches;
  }

  /** True when the entry's name, message or note contains the lower-case needle. */
  public static boolean matches(InboxEntry e, String lowerCaseNeedle) {
    return e.invitation().counterpartName().toLowerCase(Locale.ROOT).contains(lowerCaseNeedle)
        || e.invitation().message().toLowerCase(Locale.ROOT).contains(lowerCaseNeedle)
        || e.note().toLowerCase(Locale.ROOT).contains(lowerCaseNeedle);
  }
}
