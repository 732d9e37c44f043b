package dev.invitriage.app;

import dev.invitriage.domain.Facets;
import java.util.Arrays;
import java.util.List;

/**
 * How a view is sorted; the UI's {@code s} key cycles through them. Every order ends with the
 * newest first and then import order, so it never depends on anything but the store's contents.
 */
public enum SortOrder {
  /** Newest first. */
  DATE("date"),
  /** By the other person's name (its first eight characters), then newest first. */
  NAME("name"),
  /** Offenders first (EMPTY, DEFAULT, TEMPLATE), then personal, each newest first. */
  VERDICT("verdict");

  private final String label;

  SortOrder(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public SortOrder next() {
    return values()[(ordinal() + 1) % values().length];
  }

  /**
   * The ordinals of the given rows in this order. Date and verdict orders pack their keys into one
   * long per row and sort primitives (a million rows in well under a second); name order needs a
   * second key and sorts objects.
   */
  int[] order(List<Facets> rows) {
    int n = rows.size();
    int[] out = new int[n];
    if (this == NAME) {
      Facets[] sorted = rows.toArray(Facets[]::new);
      Arrays.sort(sorted, (a, b) -> {
        int c = Long.compareUnsigned(a.nameKey(), b.nameKey());
        return c != 0 ? c : Long.compare(packDate(a), packDate(b));
      });
      for (int i = 0; i < n; i++) {
        out[i] = sorted[i].ordinal();
      }
      return out;
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      Facets f = rows.get(i);
      long rank = this == VERDICT ? verdictRank(f) : 0;
      keys[i] = (rank << 61) | packDate(f);
    }
    Arrays.sort(keys);
    for (int i = 0; i < n; i++) {
      out[i] = (int) (keys[i] & ORDINAL_MASK);
    }
    return out;
  }

  private static final long ORDINAL_MASK = (1L << 29) - 1;

  /** Newest first, then import order: 32 bits of inverted minutes, 29 bits of ordinal. */
  private static long packDate(Facets f) {
    long inverted = 0xFFFF_FFFFL - (f.sentAtMinute() & 0xFFFF_FFFFL);
    return (inverted << 29) | (f.ordinal() & ORDINAL_MASK);
  }

  private static int verdictRank(Facets f) {
    return switch (f.verdict()) {
      case EMPTY -> 0;
      case DEFAULT -> 1;
      case TEMPLATE -> 2;
      case PERSONAL -> 3;
    };
  }
}
