package dev.invitriage.domain;

/**
 * The light facts about one invitation that views filter, sort and count by, read without
 * decoding the invitation itself.
 *
 * @param ordinal the invitation's place in the store (0, 1, 2, … in import order)
 * @param sentAtMinute minutes since 1970-01-01T00:00 in LinkedIn's local time
 * @param nameKey the first characters of the other person's normalised name, packed so that
 *     unsigned comparison sorts by name
 */
public record Facets(
    int ordinal,
    Direction direction,
    Verdict verdict,
    Decision decision,
    boolean client,
    boolean connection,
    boolean hasNote,
    long sentAtMinute,
    long nameKey) {

  /** Incoming, not personal, and not from a client. */
  public boolean offender() {
    return direction == Direction.INCOMING && verdict.offends() && !client;
  }
}
