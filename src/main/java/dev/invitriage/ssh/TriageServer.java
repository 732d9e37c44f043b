package dev.invitriage.ssh;

import dev.invitriage.app.App;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.text.TerminalText;
import dev.invitriage.ui.UiSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSessionFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;

/**
 * {@code invitriage serve}: an SSH server whose only shell is the inbox. Public keys from the
 * product's own authorized_keys file are the only way in; a session with a PTY gets the inbox, an
 * {@code exec} request may run the read-only commands, nothing else is offered (no password or
 * keyboard-interactive login, no forwarding, no subsystems). All sessions share one {@link App}.
 * Logs one line per connection, authentication and session to {@code log}.
 */
public final class TriageServer implements AutoCloseable {
  static final String SHUTDOWN_MESSAGE = "invitriage: the server is shutting down; your decisions are saved";
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

  private final SshServer sshd;
  private final HostKey hostKey;
  private final KeyAuthenticator authenticator;
  private final Sessions sessions;
  private final AtomicBoolean closed = new AtomicBoolean();

  private TriageServer(SshServer sshd, HostKey hostKey, KeyAuthenticator authenticator, Sessions sessions) {
    this.sshd = sshd;
    this.hostKey = hostKey;
    this.authenticator = authenticator;
    this.sessions = sessions;
  }

  /**
   * Reads the authorized keys and the host key (generating it on first start), then listens.
   * Throws a one-line {@link InvitriageException} when the keys file is unusable or the address
   * cannot be bound.
   */
  public static TriageServer start(ServerOptions options, App app, UiSettings ui, ExecRunner exec, Consumer<String> log) {
    AuthorizedKeys keys = AuthorizedKeys.read(options.authorizedKeys());
    HostKey hostKey = HostKey.loadOrCreate(options.hostKey());
    KeyAuthenticator authenticator = new KeyAuthenticator(keys, log);
    Sessions sessions = new Sessions(options.maxSessions());

    // The builder brings the ciphers, key exchanges and MACs; every way in is replaced below.
    SshServer sshd = ServerBuilder.builder().publickeyAuthenticator(authenticator).build();
    sshd.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
    sshd.setPasswordAuthenticator(null);
    sshd.setKeyboardInteractiveAuthenticator(null);
    sshd.setGSSAuthenticator(null);
    sshd.setHostBasedAuthenticator(null);
    sshd.setChannelFactories(List.of(ChannelSessionFactory.INSTANCE));
    sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
    sshd.setSubsystemFactories(List.of());
    sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey.keys()));
    sshd.setHost(options.listen().getHostString());
    sshd.setPort(options.listen().getPort());
    CoreModuleProperties.IDLE_TIMEOUT.set(sshd, options.idleTimeout());
    sshd.setShellFactory(channel -> new ShellSession(app, ui, sessions, log));
    sshd.setCommandFactory((channel, command) -> new ExecSession(command, options.execAllowed(), exec, sessions, log));
    sshd.addSessionListener(new ConnectionLog(log));
    try {
      sshd.start();
    } catch (IOException e) {
      authenticator.close();
      throw InvitriageException.io("cannot listen on " + options.listen().getHostString() + ":"
          + options.listen().getPort() + ": " + e.getMessage(), e);
    }
    return new TriageServer(sshd, hostKey, authenticator, sessions);
  }

  /** Where the server listens (the real port when 0 was asked for). */
  public InetSocketAddress address() {
    for (SocketAddress a : sshd.getBoundAddresses()) {
      if (a instanceof InetSocketAddress inet) {
        return inet;
      }
    }
    return new InetSocketAddress(sshd.getHost(), sshd.getPort());
  }

  public HostKey hostKey() {
    return hostKey;
  }

  /** How many sessions run now. */
  public int sessionCount() {
    return sessions.count();
  }

  /**
   * Tells every session the server is going away (the inbox closes and shows why), waits a few
   * seconds for them, then stops listening and drops every connection. Every decision was durable
   * when it was made, so nothing is left to save. The App stays open: its owner closes it.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    sessions.hangUpAll(SHUTDOWN_MESSAGE, SHUTDOWN_WAIT);
    try {
      sshd.stop(false);
    } catch (IOException e) {
      try {
        sshd.stop(true);
      } catch (IOException ignored) {
        // Stopping immediately cannot fail in a way left to handle: the process is ending.
      }
    } finally {
      authenticator.close();
    }
  }

  /** One log line per connection and per successful authentication. */
  private record ConnectionLog(Consumer<String> log) implements SessionListener {
    @Override
    public void sessionCreated(Session session) {
      log.accept("connection from " + KeyAuthenticator.describe(session.getRemoteAddress()));
    }

    @Override
    public void sessionEvent(Session session, Event event) {
      if (event == Event.Authenticated) {
        log.accept("authenticated " + session.getAttribute(KeyAuthenticator.WHO) + " (user "
            + TerminalText.sanitize(String.valueOf(session.getUsername())) + ") from "
            + KeyAuthenticator.describe(session.getRemoteAddress()));
      }
    }
  }
}
