package dev.invitriage.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An invitation as the inbox shows it: the imported facts, the verdict, what the user decided and
 * noted, and whether the other person is a client or an existing connection.
 *
 * @param abbrev the id's shortest unique prefix in this store (at least 8 hex digits)
 * @param offender incoming, verdict not PERSONAL, and not from a client
 * @param decidedAt null while the decision was never set
 * @param note the user's own context note, or the empty string
 * @param headline the other person's position and company when the user's connections or client
 *     list say them, or the empty string
 */
public record InboxEntry(
    InvitationId id,
    String abbrev,
    Invitation invitation,
    Classification classification,
    boolean offender,
    boolean client,
    boolean connection,
    Decision decision,
    Instant decidedAt,
    String note,
    String headline) {

  public InboxEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(invitation, "invitation");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(decision, "decision");
    note = Objects.requireNonNullElse(note, "");
    headline = Objects.requireNonNullElse(headline, "");
  }

  public Verdict verdict() {
    return classification.verdict();
  }
}
