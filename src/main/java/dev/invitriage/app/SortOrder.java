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
  /** Offenders first (EMPTY, DEFAULT, TEMPLATE), then personal, each newest first. */
  VERDICT("verdict");

  /** The order of verdicts in {@link #VERDICT}: what most needs a look first. */
  private static final Verdict[] VERDICT_ORDER = {Verdict.EMPTY, Verdict.DEFAULT, Verdict.TEMPLATE, Verdict.PERSONAL};

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
   * shared newest-first order: date order is a filter of it, verdict order one filtering pass per
   * verdict (stable, so each group stays newest first); only name order sorts.
   */
  int[] order(View view, FacetTable table) {
    int[] byDate = table.newestFirst();
    int[] out = new int[byDate.length];
    int n = 0;
    switch (this) {
      case DATE -> {
        for (int o : byDate) {
          if (view.contains(table, o)) {
            out[n++] = o;
          }
        }
      }
      case VERDICT -> {
        for (Verdict v : VERDICT_ORDER) {
          for (int o : byDate) {
            if (table.verdict(o) == v && view.contains(table, o)) {
              out[n++] = o;
            }
          }
        }
      }
      case NAME -> {
        int[] dateRank = new int[byDate.length];
        for (int i = 0; i < byDate.length; i++) {
          dateRank[byDate[i]] = i;
        }
        Integer[] rows = new Integer[byDate.length];
        for (int o : byDate) {
          if (view.contains(table, o)) {
            rows[n++] = o;
          }
        }
        Arrays.sort(rows, 0, n, (a, b) -> {
          int c = Long.compareUnsigned(table.nameKey(a), table.nameKey(b));
          return c != 0 ? c : Integer.compare(dateRank[a], dateRank[b]);
        });
        for (int i = 0; i < n; i++) {
          out[i] = rows[i];
        }
      }
    }
    return Arrays.copyOf(out, n);
  }
}
