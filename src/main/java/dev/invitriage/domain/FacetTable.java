package dev.invitriage.domain;

/**
 * The light facts of every invitation at one moment, read by ordinal without decoding any
 * invitation or allocating per row: what views filter and sort by and what counts count. A
 * snapshot: later changes to the store do not show in it.
 */
public interface FacetTable extends FacetFlags {

  /** The first characters of the other person's normalised name, sortable as unsigned. */
  long nameKey(int ordinal);

  /** When the invitation was sent: minutes since 1970 of the time in the export, read as UTC. */
  int sentAtMinute(int ordinal);

  /** Every ordinal, newest first, then in import order. Shared: do not modify. */
  int[] newestFirst();
}
