package dev.invitriage.ssh;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * How {@code invitriage serve} runs.
 *
 * @param listen the address to listen on (port 0: any free port)
 * @param authorizedKeys the keys allowed in (OpenSSH authorized_keys format)
 * @param hostKey the server's ed25519 key, generated there when absent
 * @param maxSessions how many sessions (inboxes and exec commands) may run at once
 * @param idleTimeout how long a connection may stay silent before it is closed
 * @param execAllowed the first words an {@code exec} request may start with
 */
public record ServerOptions(
    InetSocketAddress listen,
    Path authorizedKeys,
    Path hostKey,
    int maxSessions,
    Duration idleTimeout,
    Set<String> execAllowed) {

  /** The commands a remote user may run without the inbox: they only read. */
  public static final Set<String> READ_ONLY_COMMANDS = Set.of("stats", "list", "export");

  public ServerOptions {
    execAllowed = Set.copyOf(execAllowed);
    if (maxSessions < 1) {
      throw new IllegalArgumentException("maxSessions must be at least 1");
    }
  }
}
