package dev.invitriage.cli;

import dev.invitriage.app.App;
import dev.invitriage.app.Stats;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.Verdict;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code invitriage stats}: counts by direction, verdict, offender, decision and client. */
@Command(name = "stats",
    description = "Count invitations by direction, verdict, offender, decision and client.")
final class StatsCommand extends BaseCommand {
  @Override
  public Integer call() {
    Stats s;
    try (App app = openApp()) {
      s = app.stats();
    }
    // Joined, not printf'd: java.util.Formatter loads the locale's number data, 8 ms of a start.
    PrintWriter out = out();
    out.println("invitations  " + s.total() + " (incoming " + s.direction(Direction.INCOMING) + ", outgoing "
        + s.direction(Direction.OUTGOING) + ")");
    out.println("verdicts     personal " + s.verdict(Verdict.PERSONAL) + " · default " + s.verdict(Verdict.DEFAULT)
        + " · generic " + s.verdict(Verdict.GENERIC) + " · empty " + s.verdict(Verdict.EMPTY)
        + " · template " + s.verdict(Verdict.TEMPLATE) + " (incoming)");
    out.println("offenders    " + s.offenders());
    out.println("decisions    pending " + s.decision(Decision.PENDING) + " · accept " + s.decision(Decision.ACCEPT)
        + " · ignore " + s.decision(Decision.IGNORE) + " · later " + s.decision(Decision.LATER) + " (incoming)");
    out.println("clients      " + s.clients() + " invitations from or to clients");
    out.println("connections  " + s.connections() + " invitations from or to existing connections");
    out.println("notes        " + s.withNotes() + " invitations with a note");
    return ExitCodes.OK;
  }
}
