package dev.invitriage.app;

import dev.invitriage.domain.FacetTable;
import dev.invitriage.domain.Verdict;
import java.util.Arrays;

/**
 * How a view is sorted; the UI's {@code s} key cycles through them. Every order ends with the
 * newest first and then import order, so it never depends on anything but the store's contents.
 */
public enum SortOrder {
  /** Newest first. */
  DATE("date"),
  /** By the other person's name (its first eight characters), then newest first. */
  NAME("name"),
  /** Offenders first (EMPTY, DEFAULT, GENERIC, TEMPLATE), then personal, each newest first. */
  VERDICT("verdict");

  /** The order of verdicts in {@link #VERDICT}: what most needs a look first. */
  private static final Verdict[] VERDICT_ORDER = {Verdict.EMPTY, Verdict.DEFAULT, Verdict.GENERIC, Verdict.TEMPLATE,
      Verdict.PERSONAL};
  /** Each verdict's place in {@link #VERDICT_ORDER}, by the verdict's ordinal. */
  private static final int[] VERDICT_RANK = new int[Verdict.values().length];

  static {
    for (int r = 0; r < VERDICT_ORDER.length; r++) {
      VERDICT_RANK[VERDICT_ORDER[r].ordinal()] = r;
    }
  }

  private final String label;

  SortOrder(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public SortOrder next() {
    return values()[(ordinal() + 1) % values().length];
  }

  /**
   * The ordinals of the view's invitations in this order. Every order starts from the table's
   * shared newest-first order: date order is a filter of it, verdict order a stable bucketing of
   * it by verdict (so each group stays newest first); only name order sorts. The rows are counted
   * before the array is made, so a view of a million rows allocates its ordinals once, exactly
   * sized (a view switch used to make two 4 MB arrays, which drove the UI's heap growth), and the
   * date order of every row is the shared array itself: ordinals are never modified.
   */
  int[] order(View view, FacetTable table) {
    int[] byDate = table.newestFirst();
    switch (this) {
      case DATE: {
        int n = 0;
        for (int o : byDate) {
          if (view.contains(table, o)) {
            n++;
          }
        }
        if (n == byDate.length) {
          return byDate;
        }
        int[] out = new int[n];
        int i = 0;
        for (int o : byDate) {
          if (view.contains(table, o)) {
            out[i++] = o;
          }
        }
        return out;
      }
      case VERDICT: {
        int[] start = new int[VERDICT_RANK.length + 1];
        for (int o : byDate) {
          if (view.contains(table, o)) {
            start[VERDICT_RANK[table.verdict(o).ordinal()] + 1]++;
          }
        }
        for (int r = 1; r < start.length; r++) {
          start[r] += start[r - 1];
        }
        int[] out = new int[start[start.length - 1]];
        for (int o : byDate) {
          if (view.contains(table, o)) {
            out[start[VERDICT_RANK[table.verdict(o).ordinal()]]++] = o;
          }
        }
        return out;
      }
      case NAME: {
        int[] dateRank = new int[byDate.length];
        for (int i = 0; i < byDate.length; i++) {
          dateRank[byDate[i]] = i;
        }
        Integer[] rows = new Integer[byDate.length];
        int n = 0;
        for (int o : byDate) {
          if (view.contains(table, o)) {
            rows[n++] = o;
          }
        }
        Arrays.sort(rows, 0, n, (a, b) -> {
          int c = Long.compareUnsigned(table.nameKey(a), table.nameKey(b));
          return c != 0 ? c : Integer.compare(dateRank[a], dateRank[b]);
        });
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
          out[i] = rows[i];
        }
        return out;
      }
      default:
        throw new AssertionError(this);
    }
  }
}
