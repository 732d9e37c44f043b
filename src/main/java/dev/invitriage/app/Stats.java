package dev.invitriage.app;

import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.FacetFlags;
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

  /** Counts every invitation of the table. */
  static Stats of(FacetFlags t) {
    int[] direction = new int[Direction.values().length];
    int[] verdict = new int[Verdict.values().length];
    int[] decision = new int[Decision.values().length];
    Stats s = new Stats();
    t.forEachGroup((o, n) -> {
      Direction d = t.direction(o);
      direction[d.ordinal()] += n;
      // Verdicts and decisions are what the user triages: count the incoming ones only.
      if (d == Direction.INCOMING) {
        verdict[t.verdict(o).ordinal()] += n;
        decision[t.decision(o).ordinal()] += n;
      }
      s.offenders += t.offender(o) ? n : 0;
      s.clients += t.client(o) ? n : 0;
      s.connections += t.connection(o) ? n : 0;
      s.withNotes += t.hasNote(o) ? n : 0;
    });
    s.total = t.size();
    for (Direction d : Direction.values()) {
      s.byDirection.put(d, direction[d.ordinal()]);
    }
    for (Verdict v : Verdict.values()) {
      s.byVerdict.put(v, verdict[v.ordinal()]);
    }
    for (Decision d : Decision.values()) {
      s.byDecision.put(d, decision[d.ordinal()]);
    }
    return s;
  }

  /**
   * These counts after one invitation's decision changed from {@code from} to {@code to}, the
   * same as counting the whole inbox again: a decision changes nothing else that is counted.
   */
  public Stats withDecision(Direction direction, Decision from, Decision to) {
    Stats s = new Stats();
    s.byDirection.putAll(byDirection);
    s.byVerdict.putAll(byVerdict);
    s.byDecision.putAll(byDecision);
    s.total = total;
    s.offenders = offenders;
    s.clients = clients;
    s.connections = connections;
    s.withNotes = withNotes;
    if (direction == Direction.INCOMING && from != to) {
      s.byDecision.merge(from, -1, Integer::sum);
      s.byDecision.merge(to, 1, Integer::sum);
    }
    return s;
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
