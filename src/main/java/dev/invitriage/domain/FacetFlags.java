package dev.invitriage.domain;

/**
 * The flag facts of every invitation at one moment, read by ordinal without decoding any
 * invitation: all that counts need. Kept apart from {@link FacetTable}'s dates and sort keys
 * because the store can hand these over without loading those, which is what makes
 * {@code invitriage stats} on a large inbox start fast. A snapshot: later changes do not show in it.
 */
public interface FacetFlags {

  int size();

  Direction direction(int ordinal);

  /** The verdict, TEMPLATE included. */
  Verdict verdict(int ordinal);

  Decision decision(int ordinal);

  boolean client(int ordinal);

  boolean connection(int ordinal);

  boolean hasNote(int ordinal);

  /**
   * Calls {@code group} once for each combination of these facts that occurs, with one ordinal
   * that has it and how many invitations share it: a count over every invitation can count the
   * groups instead. By default every invitation is its own group.
   */
  default void forEachGroup(Group group) {
    for (int o = 0; o < size(); o++) {
      group.accept(o, 1);
    }
  }

  /** One group of {@link #forEachGroup}: an ordinal that has the group's facts, and its size. */
  @FunctionalInterface
  interface Group {
    void accept(int ordinal, int count);
  }

  /** Incoming, not personal, and not from a client. */
  default boolean offender(int ordinal) {
    return direction(ordinal) == Direction.INCOMING && verdict(ordinal).offends() && !client(ordinal);
  }
}
