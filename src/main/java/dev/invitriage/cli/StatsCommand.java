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
    PrintWriter out = out();
    out.printf("invitations  %d (incoming %d, outgoing %d)%n", s.total(), s.direction(Direction.INCOMING), s.direction(Direction.OUTGOING));
    out.printf("verdicts     personal %d · default %d · generic %d · empty %d · template %d (incoming)%n",
        s.verdict(Verdict.PERSONAL), s.verdict(Verdict.DEFAULT), s.verdict(Verdict.GENERIC), s.verdict(Verdict.EMPTY),
        s.verdict(Verdict.TEMPLATE));
    out.printf("offenders    %d%n", s.offenders());
    out.printf("decisions    pending %d · accept %d · ignore %d · later %d (incoming)%n",
        s.decision(Decision.PENDING), s.decision(Decision.ACCEPT), s.decision(Decision.IGNORE), s.decision(Decision.LATER));
    out.printf("clients      %d invitations from or to clients%n", s.clients());
    out.printf("connections  %d invitations from or to existing connections%n", s.connections());
    out.printf("notes        %d invitations with a note%n", s.withNotes());
    return ExitCodes.OK;
  }
}
