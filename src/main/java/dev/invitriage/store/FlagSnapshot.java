package dev.invitriage.store;

import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.FacetFlags;
import dev.invitriage.domain.Verdict;

/**
 * A {@link FacetFlags} over arrays that nothing changes after it is made: the derived flag byte
 * of each invitation and its decision (copies, or replaced, never written, once handed out).
 */
class FlagSnapshot implements FacetFlags {
  static final int OUTGOING = 1;
  static final int VERDICT_SHIFT = 1;
  static final int CLIENT = 1 << 3;
  static final int CONNECTION = 1 << 4;
  static final int NOTE = 1 << 5;
  /** The verdict's third bit (GENERIC, the fifth verdict): bits 3-5 were taken before it. */
  static final int VERDICT_HIGH = 1 << 6;
  private static final Verdict[] VERDICTS = Verdict.values();
  private static final Decision[] DECISIONS = Decision.values();

  private final int size;
  private final byte[] flags;
  private final byte[] decisions;

  FlagSnapshot(int size, byte[] flags, byte[] decisions) {
    this.size = size;
    this.flags = flags;
    this.decisions = decisions;
  }

  /** Packs one invitation's derived facts into the flag byte this table reads. */
  static byte pack(Direction direction, Verdict verdict, boolean client, boolean connection, boolean hasNote) {
    return (byte) ((direction == Direction.OUTGOING ? OUTGOING : 0) | ((verdict.ordinal() & 3) << VERDICT_SHIFT)
        | ((verdict.ordinal() & 4) != 0 ? VERDICT_HIGH : 0)
        | (client ? CLIENT : 0) | (connection ? CONNECTION : 0) | (hasNote ? NOTE : 0));
  }

  @Override
  public int size() {
    return size;
  }

  /** Groups by the flag byte and the decision, which hold every fact: one pass over two arrays. */
  @Override
  public void forEachGroup(Group group) {
    if (decisions == null) {
      FacetFlags.super.forEachGroup(group);
      return;
    }
    int[] count = new int[256 * DECISIONS.length];
    int[] first = new int[count.length];
    for (int o = 0; o < size; o++) {
      int key = (flags[o] & 0xFF) * DECISIONS.length + decisions[o];
      if (count[key]++ == 0) {
        first[key] = o;
      }
    }
    for (int key = 0; key < count.length; key++) {
      if (count[key] > 0) {
        group.accept(first[key], count[key]);
      }
    }
  }

  @Override
  public Direction direction(int o) {
    return (flags[o] & OUTGOING) != 0 ? Direction.OUTGOING : Direction.INCOMING;
  }

  @Override
  public Verdict verdict(int o) {
    return VERDICTS[(flags[o] >> VERDICT_SHIFT) & 3 | ((flags[o] & VERDICT_HIGH) != 0 ? 4 : 0)];
  }

  @Override
  public Decision decision(int o) {
    return DECISIONS[decisions[o]];
  }

  @Override
  public boolean client(int o) {
    return (flags[o] & CLIENT) != 0;
  }

  @Override
  public boolean connection(int o) {
    return (flags[o] & CONNECTION) != 0;
  }

  @Override
  public boolean hasNote(int o) {
    return (flags[o] & NOTE) != 0;
  }
}
