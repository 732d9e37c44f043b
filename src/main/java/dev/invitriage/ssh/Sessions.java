package dev.invitriage.ssh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The sessions running now (an inbox or an exec command each), at most a fixed number at once;
 * at shutdown, every one is told to end.
 */
final class Sessions {
  /** Something running for one SSH channel that can be told to end. */
  interface Running {
    /** Ends the session soon, showing {@code message} to its user. */
    void hangUp(String message);
  }

  private final int max;
  private final Set<Running> running = new LinkedHashSet<>();
  private boolean closing;
  private long started;

  Sessions(int max) {
    this.max = max;
  }

  int max() {
    return max;
  }

  /** Registers a session; returns its number (from 1), or 0 when full or shutting down. */
  synchronized long tryOpen(Running session) {
    if (closing || running.size() >= max) {
      return 0;
    }
    running.add(session);
    return ++started;
  }

  synchronized void closed(Running session) {
    running.remove(session);
    notifyAll();
  }

  synchronized int count() {
    return running.size();
  }

  /** Refuses new sessions, tells every running one to end, and waits up to {@code timeout}. */
  void hangUpAll(String message, Duration timeout) {
    List<Running> now;
    synchronized (this) {
      closing = true;
      now = new ArrayList<>(running);
    }
    for (Running r : now) {
      r.hangUp(message);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (!running.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
