package dev.invitriage.ssh;

import dev.invitriage.text.TerminalText;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.server.auth.AsyncAuthException;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * Public-key authentication against the product's {@link AuthorizedKeys} file, re-read when it
 * changes (so removing a key locks its holder out without a restart), and with repeated failures
 * from one address slowed down.
 *
 * <p>A client offers its keys one after another, so the first few unknown keys from an address
 * cost nothing; after that each refusal is answered later, the delay doubling per failure up to a
 * cap. The delay is asynchronous ({@link AsyncAuthException}): no server thread sleeps. A success
 * forgets the address's failures, and so does a quiet quarter of an hour.
 */
final class KeyAuthenticator implements PublickeyAuthenticator, AutoCloseable {
  /** Set on a session once it authenticated: the name of the key's person. */
  static final AttributeKey<String> WHO = new AttributeKey<>();

  static final int FREE_FAILURES = 3;
  static final Duration FIRST_DELAY = Duration.ofMillis(250);
  static final Duration MAX_DELAY = Duration.ofSeconds(10);
  static final Duration FORGET_AFTER = Duration.ofMinutes(15);
  private static final int MAX_TRACKED = 10_000;

  private final Consumer<String> log;
  private final Map<InetAddress, Failures> failures = new ConcurrentHashMap<>();
  private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "ssh-auth-delay");
    t.setDaemon(true);
    return t;
  });
  private volatile AuthorizedKeys keys;
  private volatile FileTime keysModified;

  /** Failures from one address: how many, and when the last one was. */
  private record Failures(int count, long lastNanos) {}

  KeyAuthenticator(AuthorizedKeys keys, Consumer<String> log) {
    this.keys = keys;
    this.keysModified = modified(keys);
    this.log = log;
  }

  @Override
  public boolean authenticate(String username, PublicKey key, ServerSession session) {
    SocketAddress remote = session.getClientAddress();
    InetAddress address = remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    Optional<AuthorizedKeys.Key> match = current().find(key);
    if (match.isPresent()) {
      if (address != null) {
        failures.remove(address);
      }
      session.setAttribute(WHO, match.get().name());
      return true;
    }
    Duration delay = address == null ? Duration.ZERO : recordFailure(address);
    log.accept("authentication refused from " + describe(remote) + ": user " + TerminalText.sanitize(username)
        + ", unknown key " + AuthorizedKeys.fingerprint(key)
        + (delay.isZero() ? "" : " (answered after " + delay.toMillis() + " ms)"));
    if (delay.isZero()) {
      return false;
    }
    AsyncAuthException later = new AsyncAuthException();
    delays.schedule(() -> later.setAuthed(false), delay.toMillis(), TimeUnit.MILLISECONDS);
    throw later;
  }

  /** Counts a failure from {@code address}; returns how long to wait before answering it. */
  Duration recordFailure(InetAddress address) {
    long now = System.nanoTime();
    if (failures.size() > MAX_TRACKED) {
      failures.values().removeIf(f -> now - f.lastNanos() > FORGET_AFTER.toNanos());
      if (failures.size() > MAX_TRACKED) {
        failures.clear();
      }
    }
    Failures f = failures.compute(address, (a, old) ->
        new Failures(old == null || now - old.lastNanos() > FORGET_AFTER.toNanos() ? 1 : old.count() + 1, now));
    return delayAfter(f.count());
  }

  /** No delay for the first few failures, then {@link #FIRST_DELAY} doubling up to {@link #MAX_DELAY}. */
  static Duration delayAfter(int failureCount) {
    if (failureCount <= FREE_FAILURES) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failureCount - FREE_FAILURES - 1, 16);
    Duration d = FIRST_DELAY.multipliedBy(1L << doublings);
    return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
  }

  /** The keys, re-read when the file changed; a file that became unusable lets nobody in. */
  private AuthorizedKeys current() {
    AuthorizedKeys k = keys;
    FileTime now = modified(k);
    if (now != null && !now.equals(keysModified)) {
      synchronized (this) {
        if (!now.equals(keysModified)) {
          keysModified = now;
          try {
            keys = AuthorizedKeys.read(k.file());
            log.accept("authorized keys re-read: " + keys.keys().size() + " keys");
          } catch (RuntimeException e) {
            keys = new AuthorizedKeys(k.file(), java.util.List.of());
            log.accept("authorized keys unusable, nobody can log in until fixed: " + TerminalText.sanitize(e.getMessage()));
          }
        }
      }
    }
    return keys;
  }

  private static FileTime modified(AuthorizedKeys k) {
    try {
      return Files.getLastModifiedTime(k.file());
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  static String describe(SocketAddress remote) {
    if (remote instanceof InetSocketAddress inet) {
      return inet.getAddress().getHostAddress() + ":" + inet.getPort();
    }
    return String.valueOf(remote);
  }

  @Override
  public void close() {
    delays.shutdownNow();
  }
}
