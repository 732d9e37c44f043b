package dev.invitriage.domain;

import java.time.Instant;

/**
 * The user's own work on one invitation, as an invitriage export carries it, so that importing an
 * export into a fresh store loses nothing.
 *
 * @param decidedAt null when the export had no decision time
 * @param client the export marked the other person as a client
 * @param connection the export marked the other person as an existing connection
 */
public record RestoredTriage(
    Invitation invitation,
    Decision decision,
    Instant decidedAt,
    String note,
    boolean client,
    boolean connection) {}
