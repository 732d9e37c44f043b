package dev.invitriage.app;

import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.FacetTable;
import dev.invitriage.domain.Verdict;

/** The inbox's named views, in the order the UI's number keys and Tab cycle through them. */
public enum View {
  PENDING("Pending", (t, o) -> incoming(t, o) && t.decision(o) == Decision.PENDING),
  OFFENDERS("Offenders", FacetTable::offender),
  PERSONAL("Personal", (t, o) -> incoming(t, o) && t.verdict(o) == Verdict.PERSONAL),
  CLIENTS("Clients", FacetTable::client),
  DECIDED("Decided", (t, o) -> incoming(t, o) && t.decision(o) != Decision.PENDING),
  OUTGOING("Outgoing", (t, o) -> t.direction(o) == Direction.OUTGOING),
  ALL("All", (t, o) -> true);

  /** Whether the invitation at an ordinal belongs to a view. */
  @FunctionalInterface
  private interface Filter {
    boolean test(FacetTable table, int ordinal);
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
    return filter.test(table, ordinal);
  }

  /** The view after this one, wrapping around. */
  public View next() {
    return values()[(ordinal() + 1) % values().length];
  }

  private static boolean incoming(FacetTable t, int o) {
    return t.direction(o) == Direction.INCOMING;
  }
}
