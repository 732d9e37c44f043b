package dev.invitriage.cli;

import dev.invitriage.app.EntryFilter;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.Verdict;
import picocli.CommandLine.Option;

/** The filters {@code list} and {@code export} share. */
final class FilterOptions {
  /** Which directions to show: incoming is what users triage, an export is their record of all. */
  enum DirectionChoice {
    INCOMING,
    OUTGOING,
    ALL
  }

  @Option(names = "--offenders", description = "Only offenders: incoming, no note, default text, generic or template, not a client.")
  boolean offenders;

  @Option(names = "--verdict", paramLabel = "V", description = "Only this verdict: ${COMPLETION-CANDIDATES}.")
  Verdict verdict;

  @Option(names = "--decision", paramLabel = "D", description = "Only this decision: ${COMPLETION-CANDIDATES}.")
  Decision decision;

  @Option(names = "--direction", paramLabel = "DIR",
      description = "incoming, outgoing or all (default: incoming for list, all for export).")
  DirectionChoice direction;

  @Option(names = "--client", description = "Only invitations from or to clients.")
  boolean client;

  @Option(names = "--search", paramLabel = "TEXT", description = "Only invitations whose name, message or note contains TEXT (any case).")
  String search;

  /** The filter, with {@code unless} for the direction when --direction is not given. */
  EntryFilter toFilter(DirectionChoice unless) {
    Direction d = switch (direction != null ? direction : unless) {
      case INCOMING -> Direction.INCOMING;
      case OUTGOING -> Direction.OUTGOING;
      case ALL -> null;
    };
    return new EntryFilter(offenders, verdict, decision, d, client, search);
  }
}
