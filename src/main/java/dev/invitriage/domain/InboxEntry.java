package dev.invitriage.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An invitation as the inbox shows it: the imported facts, the verdict, what the user decided and
 * noted, and whether the other person is a client or an existing connection.
 *
 * @param abbrevLength how many leading hex digits of the id make it unique in this store (at
 *     least 8); see {@link #abbrev()}
 * @param judgement the verdict, and the reason for it when asked
 * @param offender incoming, verdict not PERSONAL, and not from a client
 * @param decidedAt null while the decision was never set
 * @param note the user's own context note, or the empty string
 * @param headline the other person's position and company when the user's connections or client
 *     list say them, or the empty string
 */
public record InboxEntry(
    InvitationId id,
    int abbrevLength,
    Invitation invitation,
    Judgement judgement,
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
    Objects.requireNonNull(judgement, "judgement");
    Objects.requireNonNull(decision, "decision");
    note = Objects.requireNonNullElse(note, "");
    headline = Objects.requireNonNullElse(headline, "");
  }

  /** The id's shortest unique prefix; made when asked, since an export never asks. */
  public String abbrev() {
    return id.hex().substring(0, abbrevLength);
  }

  public Verdict verdict() {
    return judgement.verdict();
  }

  /** The verdict and the reason for it (judged on first use, see {@link Judgement}). */
  public Classification classification() {
    return judgement.classification();
  }

  /** The reason, or null while the classifier is still being made (see {@link Judgement}). */
  public String reasonIfReady() {
    Classification c = judgement.classificationIfReady();
    return c == null ? null : c.reason();
  }
}
