package dev.invitriage.domain;

import java.time.Instant;

/**
 * What an export prints of an invitation, its texts as the store keeps them ({@link
 * EncodedInvitation}): the fields of {@link InboxEntry} that an export has, none that only a
 * screen shows.
 *
 * @param classification the verdict and its reason
 * @param decidedAt null while the decision was never set
 * @param note the user's own context note, or the empty string
 */
public record EncodedEntry(
    InvitationId id,
    EncodedInvitation invitation,
    Classification classification,
    boolean offender,
    boolean client,
    boolean connection,
    Decision decision,
    Instant decidedAt,
    String note) {}
