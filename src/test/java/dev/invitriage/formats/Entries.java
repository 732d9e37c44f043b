package dev.invitriage.formats;

import dev.invitriage.domain.Classification;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.Judgement;
import dev.invitriage.domain.RestoredTriage;
import dev.invitriage.domain.Verdict;
import java.time.Instant;

/** Inbox entries for exporter tests. */
final class Entries {
  private Entries() {}

  static InboxEntry entry(
      Invitation inv,
      boolean client,
      boolean connection,
      Decision decision,
      Instant decidedAt,
      String note) {
    InvitationId id = InvitationId.of(inv);
    return new InboxEntry(
        id,
        8,
        inv,
        Judgement.of(new Classification(Verdict.DEFAULT, "default text (en, classic)")),
        !client,
        client,
        connection,
        decision,
        decidedAt,
        note,
        "");
  }

  static InboxEntry entry(Invitation inv) {
    return entry(inv, false, false, Decision.PENDING, null, "");
  }

  static RestoredTriage triageOf(InboxEntry e) {
    return new RestoredTriage(
        e.invitation(), e.decision(), e.decidedAt(), e.note(), e.client(), e.connection());
  }
}
