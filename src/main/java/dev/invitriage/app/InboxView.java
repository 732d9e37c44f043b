package dev.invitriage.app;

import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.InvitationId;
import java.util.List;
import java.util.Locale;

/**
 * One view of the inbox, sorted, as of the moment it was made: the rows a list shows. Ask the
 * {@link App} for a new one after a change.
 */
public final class InboxView {
  private final View view;
  private final SortOrder sort;
  private final List<InboxEntry> rows;

  InboxView(View view, SortOrder sort, List<InboxEntry> rows) {
    this.view = view;
    this.sort = sort;
    this.rows = List.copyOf(rows);
  }

  public View view() {
    return view;
  }

  public SortOrder sort() {
    return sort;
  }

  public int size() {
    return rows.size();
  }

  public InboxEntry get(int row) {
    return rows.get(row);
  }

  /** The row showing this invitation, or -1 when it is not in the view. */
  public int indexOf(InvitationId id) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The next row (after {@code from} when searching forward, before it backward, wrapping around)
   * whose name, message or note contains {@code text} in any case, or -1 when none does. {@code
   * from} itself is checked last, so a search from a matching row finds the next one.
   */
  public int find(String text, int from, boolean forward) {
    if (text.isEmpty() || rows.isEmpty()) {
      return -1;
    }
    String needle = text.toLowerCase(Locale.ROOT);
    int n = rows.size();
    int start = Math.floorMod(from, n);
    for (int step = 1; step <= n; step++) {
      int row = Math.floorMod(forward ? start + step : start - step, n);
      if (matches(rows.get(row), needle)) {
        return row;
      }
    }
    return -1;
  }

  /** True when the entry's name, message or note contains the lower-case needle. */
  public static boolean matches(InboxEntry e, String lowerCaseNeedle) {
    return e.invitation().counterpartName().toLowerCase(Locale.ROOT).contains(lowerCaseNeedle)
        || e.invitation().message().toLowerCase(Locale.ROOT).contains(lowerCaseNeedle)
        || e.note().toLowerCase(Locale.ROOT).contains(lowerCaseNeedle);
  }
}
