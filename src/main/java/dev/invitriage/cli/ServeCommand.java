package dev.invitriage.cli;

import dev.invitriage.app.App;
import dev.invitriage.app.ServeValues;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.ssh.ExecRunner;
import dev.invitriage.ssh.ServerOptions;
import dev.invitriage.ssh.TriageServer;
import dev.invitriage.text.TerminalText;
import dev.invitriage.ui.UiSettings;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code invitriage serve}: holds the store and serves the inbox over SSH until SIGTERM or
 * Ctrl-C, then ends every session with a message and closes the store.
 */
@Command(name = "serve",
    description = {"Serve the inbox over SSH: `ssh -p 2222 HOST` opens it, `ssh -p 2222 HOST export` exports.",
        "Only the public keys in the authorized keys file get in; exec runs stats, list and export only."})
final class ServeCommand extends BaseCommand {
  @Option(names = "--listen", paramLabel = "HOST:PORT",
      description = "Address to listen on (default: the serve.listen setting, else 127.0.0.1:2222: this machine only).")
  String listen;

  @Option(names = "--authorized-keys", paramLabel = "PATH",
      description = "Public keys allowed in, OpenSSH format; a key's comment names its person"
          + " (default $XDG_CONFIG_HOME/invitriage/authorized_keys). Must not be writable by group or others.")
  Path authorizedKeys;

  @Option(names = "--host-key", paramLabel = "PATH",
      description = "The server's ed25519 key, generated when absent (default $XDG_DATA_HOME/invitriage/ssh_host_ed25519_key).")
  Path hostKey;

  @Option(names = "--max-sessions", paramLabel = "N",
      description = "Sessions (inboxes and commands) open at once (default: the serve.max-sessions setting, else 8).")
  Integer maxSessions;

  @Option(names = "--idle-timeout", paramLabel = "TIME",
      description = "Close a connection silent this long: 90s, 30m, 2h (default: the serve.idle-timeout setting, else 30m).")
  String idleTimeout;

  @Override
  public Integer call() {
    String listenAt = settings().get("serve.listen", "--listen", listen).value();
    String idle = settings().get("serve.idle-timeout", "--idle-timeout", idleTimeout).value();
    ServerOptions options = new ServerOptions(address(listenAt), keysFile(), hostKeyFile(), sessions(), duration(idle),
        ServerOptions.READ_ONLY_COMMANDS);
    // Settings first: a bad keys.properties or theme is one line of error, before anything listens.
    UiSettings settings = TuiCommand.uiSettings(this, root().theme);
    PrintWriter err = err();
    CountDownLatch stop = new CountDownLatch(1);
    App app = openApp(App.Use.INBOX);
    TriageServer server;
    try {
      server = TriageServer.start(options, app, settings, execRunner(app), this::log);
      app.prepareClassifier(); // accepting first: the first session's reasons may wait for it
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
    {
      AtomicBoolean stopped = new AtomicBoolean();
      Runnable shutdown = () -> {
        if (stopped.compareAndSet(false, true)) {
          log("shutting down: ending " + server.sessionCount() + " sessions");
          server.close();
          app.close();
          log("stopped; the store is closed");
        }
      };
      // SIGTERM and Ctrl-C end the wait below, so the shutdown runs here and the exit status is 0;
      // the hook covers any other way the JVM ends.
      Thread hook = new Thread(shutdown, "invitriage-serve-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      onSignal("TERM", stop);
      onSignal("INT", stop);
      InetSocketAddress at = server.address();
      PrintWriter out = out();
      out.printf("invitriage: serving %s on %s:%d%n", TerminalText.sanitize(store().toString()),
          at.getAddress().getHostAddress(), at.getPort());
      out.printf("host key 256 %s (ED25519) %s%n", server.hostKey().fingerprint(),
          TerminalText.sanitize(server.hostKey().file().toString()));
      out.printf("connect with: ssh -p %d %s%n", at.getPort(), at.getAddress().getHostAddress());
      out.flush();
      if (server.hostKey().created()) {
        log("generated the host key " + server.hostKey().file());
      }
      try {
        stop.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      shutdown.run();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException ignored) {
        // Already shutting down: the hook found nothing left to do.
      }
    }
    err.flush();
    return ExitCodes.OK;
  }

  /** One line of the server's log on standard error, with the time. */
  private void log(String line) {
    err().println(context().clock().instant().truncatedTo(ChronoUnit.SECONDS) + " " + line);
  }

  /** Runs an allowed exec request as the CLI does, on the server's open App. */
  private ExecRunner execRunner(App app) {
    return (args, env, terminal, out, err) -> Cli.run(
        new Context(env, InputStream.nullInputStream(), terminal, 0, context().clock(), app),
        out, err, args.toArray(String[]::new));
  }

  private static void onSignal(String name, CountDownLatch stop) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal(name), s -> stop.countDown());
    } catch (IllegalArgumentException e) {
      // This platform has no such signal: the shutdown hook still closes the store.
    }
  }

  private Path keysFile() {
    return authorizedKeys != null ? authorizedKeys : context().locations().configDir().resolve("authorized_keys");
  }

  private Path hostKeyFile() {
    return hostKey != null ? hostKey : context().locations().dataHome().resolve("invitriage").resolve("ssh_host_ed25519_key");
  }

  private int sessions() {
    int n = maxSessions != null ? maxSessions : Integer.parseInt(settings().get("serve.max-sessions"));
    if (n < 1 || n > 1000) {
      throw new InvitriageException(InvitriageException.Kind.USAGE, "--max-sessions must be between 1 and 1000");
    }
    return n;
  }

  /** The address {@code serve} listens on, in {@link ServeValues#address}'s grammar. */
  static InetSocketAddress address(String s) {
    InetSocketAddress a = ServeValues.address(s);
    if (a == null) {
      throw new InvitriageException(InvitriageException.Kind.USAGE, "--listen " + TerminalText.sanitize(s)
          + ": expected HOST:PORT, like 127.0.0.1:2222");
    }
    return a;
  }

  /** The idle timeout, in {@link ServeValues#duration}'s grammar. */
  static Duration duration(String s) {
    Duration d = ServeValues.duration(s);
    if (d == null) {
      throw new InvitriageException(InvitriageException.Kind.USAGE, "--idle-timeout " + TerminalText.sanitize(s)
          + ": expected a time like 90s, 30m or 2h");
    }
    return d;
  }
}
