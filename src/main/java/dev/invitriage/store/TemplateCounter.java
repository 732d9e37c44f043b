package dev.invitriage.store;

/**
 * For each template key, how many different senders sent it, counted up to {@link #ENOUGH}:
 * only "three or more" matters. Open addressing over primitive arrays, since an inbox of a
 * million invitations can hold hundreds of thousands of distinct notes.
 */
final class TemplateCounter {
  static final int ENOUGH = 3;

  private long[] keys = new long[1024];
  /** The first ENOUGH - 1 distinct senders of each key, to recognise repeats. */
  private long[] senders = new long[1024 * (ENOUGH - 1)];
  private byte[] counts = new byte[1024];
  private int used;

  /** Counts one more invitation of {@code key} (never 0) from {@code sender}. */
  void add(long key, long sender) {
    if (used * 2 >= keys.length) {
      grow();
    }
    int slot = slot(key);
    if (keys[slot] == 0) {
      keys[slot] = key;
      used++;
    }
    int n = counts[slot];
    if (n >= ENOUGH) {
      return;
    }
    for (int i = 0; i < n; i++) {
      if (senders[slot * (ENOUGH - 1) + i] == sender) {
        return;
      }
    }
    if (n < ENOUGH - 1) {
      senders[slot * (ENOUGH - 1) + n] = sender;
    }
    counts[slot] = (byte) (n + 1);
  }

  /** Different senders of the key, at most ENOUGH. */
  int senders(long key) {
    int slot = slot(key);
    return keys[slot] == key ? counts[slot] : 0;
  }

  private int slot(long key) {
    int mask = keys.length - 1;
    int i = (int) (mix(key) & mask);
    while (keys[i] != 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldSenders = senders;
    byte[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    senders = new long[keys.length * (ENOUGH - 1)];
    counts = new byte[keys.length];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = slot(oldKeys[i]);
        keys[slot] = oldKeys[i];
        counts[slot] = oldCounts[i];
        System.arraycopy(oldSenders, i * (ENOUGH - 1), senders, slot * (ENOUGH - 1), ENOUGH - 1);
      }
    }
  }

  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    return k;
  }
}
