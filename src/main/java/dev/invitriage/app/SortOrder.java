package dev.invitriage.app;

import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.Names;
import java.util.Comparator;

/** How a view is sorted; the UI's {@code s} key cycles through them. */
public enum SortOrder {
  /** Newest first. */
  DATE("date", App.NEWEST_FIRST),
  /** By the other person's name, then newest first. */
  NAME("name", Comparator.comparing((InboxEntry e) -> Names.normalise(e.invitation().counterpartName())).thenComparing(App.NEWEST_FIRST)),
  /** Offenders first (EMPTY, DEFAULT, TEMPLATE), then personal, each newest first. */
  VERDICT("verdict", Comparator.comparing((InboxEntry e) -> verdictRank(e)).thenComparing(App.NEWEST_FIRST));

  private final String label;
  private final Comparator<InboxEntry> comparator;

  SortOrder(String label, Comparator<InboxEntry> comparator) {
    this.label = label;
    this.comparator = comparator;
  }

  public String label() {
    return label;
  }

  public Comparator<InboxEntry> comparator() {
    return comparator;
  }

  public SortOrder next() {
    return values()[(ordinal() + 1) % values().length];
  }

  private static int verdictRank(InboxEntry e) {
    return switch (e.verdict()) {
      case EMPTY -> 0;
      case DEFAULT -> 1;
      case TEMPLATE -> 2;
      case PERSONAL -> 3;
    };
  }
}
