package dev.invitriage.app;

import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.Facets;
import dev.invitriage.domain.Verdict;
import java.util.EnumMap;
import java.util.Map;

/** Counts over the whole inbox, as {@code invitriage stats} prints them. */
public final class Stats {
  private final Map<Direction, Integer> byDirection = new EnumMap<>(Direction.class);
  private final Map<Verdict, Integer> byVerdict = new EnumMap<>(Verdict.class);
  private final Map<Decision, Integer> byDecision = new EnumMap<>(Decision.class);
  private int total;
  private int offenders;
  private int clients;
  private int connections;
  private int withNotes;

  Stats() {
    for (Direction d : Direction.values()) {
      byDirection.put(d, 0);
    }
    for (Verdict v : Verdict.values()) {
      byVerdict.put(v, 0);
    }
    for (Decision d : Decision.values()) {
      byDecision.put(d, 0);
    }
  }

  void add(Facets f) {
    total++;
    byDirection.merge(f.direction(), 1, Integer::sum);
    // Verdicts and decisions are what the user triages: count the incoming ones only.
    if (f.direction() == Direction.INCOMING) {
      byVerdict.merge(f.verdict(), 1, Integer::sum);
      byDecision.merge(f.decision(), 1, Integer::sum);
    }
    offenders += f.offender() ? 1 : 0;
    clients += f.client() ? 1 : 0;
    connections += f.connection() ? 1 : 0;
    withNotes += f.hasNote() ? 1 : 0;
  }

  public int total() {
    return total;
  }

  public int direction(Direction d) {
    return byDirection.get(d);
  }

  /** Incoming invitations with this verdict. */
  public int verdict(Verdict v) {
    return byVerdict.get(v);
  }

  /** Incoming invitations with this decision. */
  public int decision(Decision d) {
    return byDecision.get(d);
  }

  public int offenders() {
    return offenders;
  }

  /** Invitations from or to a client, both directions. */
  public int clients() {
    return clients;
  }

  /** Invitations from or to an existing connection, both directions. */
  public int connections() {
    return connections;
  }

  public int withNotes() {
    return withNotes;
  }
}
