package dev.invitriage.store;

import java.nio.charset.StandardCharsets;

/** The store's 64-bit hash of normalised strings; stable across runs and versions. */
final class Hashes {
  private Hashes() {}

  /** FNV-1a over UTF-8, never 0 (0 means "none" in the columns). */
  static long of(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xFF;
      h *= 0x100000001b3L;
    }
    return h == 0 ? 1 : h;
  }
}
