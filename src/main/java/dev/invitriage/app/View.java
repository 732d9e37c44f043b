package dev.invitriage.app;

import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.Facets;
import dev.invitriage.domain.Verdict;
import java.util.function.Predicate;

/** The inbox's named views, in the order the UI's number keys and Tab cycle through them. */
public enum View {
  PENDING("Pending", f -> incoming(f) && f.decision() == Decision.PENDING),
  OFFENDERS("Offenders", Facets::offender),
  PERSONAL("Personal", f -> incoming(f) && f.verdict() == Verdict.PERSONAL),
  CLIENTS("Clients", Facets::client),
  DECIDED("Decided", f -> incoming(f) && f.decision() != Decision.PENDING),
  OUTGOING("Outgoing", f -> f.direction() == Direction.OUTGOING),
  ALL("All", f -> true);

  private final String label;
  private final Predicate<Facets> filter;

  View(String label, Predicate<Facets> filter) {
    this.label = label;
    this.filter = filter;
  }

  public String label() {
    return label;
  }

  public boolean contains(Facets f) {
    return filter.test(f);
  }

  /** The view after this one, wrapping around. */
  public View next() {
    return values()[(ordinal() + 1) % values().length];
  }

  private static boolean incoming(Facets f) {
    return f.direction() == Direction.INCOMING;
  }
}
