package dev.invitriage.app;

import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.FacetTable;
import dev.invitriage.domain.Verdict;

/** The inbox's named views, in the order the UI's number keys and Tab cycle through them. */
public enum View {
  PENDING("Pending", (t, o, d) -> incoming(t, o) && d == Decision.PENDING),
  OFFENDERS("Offenders", (t, o, d) -> t.offender(o)),
  PERSONAL("Personal", (t, o, d) -> incoming(t, o) && t.verdict(o) == Verdict.PERSONAL),
  CLIENTS("Clients", (t, o, d) -> t.client(o)),
  DECIDED("Decided", (t, o, d) -> incoming(t, o) && d != Decision.PENDING),
  OUTGOING("Outgoing", (t, o, d) -> t.direction(o) == Direction.OUTGOING),
  ALL("All", (t, o, d) -> true);

  /**
   * Whether the invitation at an ordinal belongs to a view, had it this decision. The decision is
   * passed apart from the table so a view can be kept up to date after one without a new table.
   */
  @FunctionalInterface
  private interface Filter {
    boolean test(FacetTable table, int ordinal, Decision decision);
  }

  private final String label;
  private final Filter filter;

  View(String label, Filter filter) {
    this.label = label;
    this.filter = filter;
  }

  public String label() {
    return label;
  }

  public boolean contains(FacetTable table, int ordinal) {
    return filter.test(table, ordinal, table.decision(ordinal));
  }

  /** Whether the invitation would belong to this view with {@code decision} instead of its own. */
  public boolean contains(FacetTable table, int ordinal, Decision decision) {
    return filter.test(table, ordinal, decision);
  }

  /** The view after this one, wrapping around. */
  public View next() {
    return values()[(ordinal() + 1) % values().length];
  }

  private static boolean incoming(FacetTable t, int o) {
    return t.direction(o) == Direction.INCOMING;
  }
}
