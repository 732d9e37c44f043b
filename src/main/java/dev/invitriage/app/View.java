package dev.invitriage.app;

import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.Verdict;
import java.util.function.Predicate;

/** The inbox's named views, in the order the UI's number keys and Tab cycle through them. */
public enum View {
  PENDING("Pending", e -> incoming(e) && e.decision() == Decision.PENDING),
  OFFENDERS("Offenders", InboxEntry::offender),
  PERSONAL("Personal", e -> incoming(e) && e.verdict() == Verdict.PERSONAL),
  CLIENTS("Clients", InboxEntry::client),
  DECIDED("Decided", e -> incoming(e) && e.decision() != Decision.PENDING),
  OUTGOING("Outgoing", e -> e.invitation().direction() == Direction.OUTGOING),
  ALL("All", e -> true);

  private final String label;
  private final Predicate<InboxEntry> filter;

  View(String label, Predicate<InboxEntry> filter) {
    this.label = label;
    this.filter = filter;
  }

  public String label() {
    return label;
  }

  public boolean contains(InboxEntry e) {
    return filter.test(e);
  }

  /** The view after this one, wrapping around. */
  public View next() {
    return values()[(ordinal() + 1) % values().length];
  }

  private static boolean incoming(InboxEntry e) {
    return e.invitation().direction() == Direction.INCOMING;
  }
}
