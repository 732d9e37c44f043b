package dev.invitriage.store;

import dev.invitriage.domain.Fnv1a;

/** The store's 64-bit hash of normalised strings; stable across runs and versions. */
final class Hashes {
  private Hashes() {}

  /** {@link Fnv1a} of {@code s}, never 0 (0 means "none" in the columns). */
  static long of(String s) {
    return nonZero(Fnv1a.of(s));
  }

  /** {@code hash} as the columns keep it: 0 is "none", so a hash of 0 is kept as 1. */
  static long nonZero(long hash) {
    return hash == 0 ? 1 : hash;
  }
}
