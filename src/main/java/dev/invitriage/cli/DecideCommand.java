package dev.invitriage.cli;

import dev.invitriage.app.App;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.InvitationId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code invitriage decide ID... DECISION}: records a decision on one or more invitations. */
@Command(name = "decide",
    description = "Record a decision (accept, ignore, later or pending) on invitations, as one undoable change.")
final class DecideCommand extends BaseCommand {
  @Parameters(arity = "2..*", paramLabel = "ID... DECISION",
      description = "One or more ids (any unique prefix), then accept, ignore, later or pending.")
  List<String> words;

  @Override
  public Integer call() {
    Decision decision = Decision.fromWord(words.get(words.size() - 1));
    try (App app = openApp()) {
      List<InvitationId> ids = app.resolveAll(words.subList(0, words.size() - 1));
      app.decide(ids, decision);
      out().printf("%s: %d invitation%s%n", decision.word(), ids.size(), ids.size() == 1 ? "" : "s");
    }
    return ExitCodes.OK;
  }
}
