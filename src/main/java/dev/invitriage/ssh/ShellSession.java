package dev.invitriage.ssh;

import dev.invitriage.app.App;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.text.TerminalText;
import dev.invitriage.ui.InboxUi;
import dev.invitriage.ui.Links;
import dev.invitriage.ui.UiSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One interactive SSH session: the full inbox on a {@link ChannelTerminal} made from the channel,
 * on the server's shared {@link App}, with the key's person named in the status bar. Runs on its
 * own thread; Ctrl-C is a key the inbox takes as quit, so it ends this session only.
 */
final class ShellSession implements Command, Sessions.Running {
  private final App app;
  private final UiSettings settings;
  private final Sessions sessions;
  private final Consumer<String> log;
  private InputStream in;
  private OutputStream out;
  private OutputStream err;
  private ExitCallback exit;
  private volatile ChannelTerminal terminal;
  private volatile String hangUpMessage;
  private volatile boolean hungUp;

  ShellSession(App app, UiSettings settings, Sessions sessions, Consumer<String> log) {
    this.app = app;
    this.settings = settings;
    this.sessions = sessions;
    this.log = log;
  }

  @Override
  public void setInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    this.err = err;
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment env) {
    String who = channel.getSession().getAttribute(KeyAuthenticator.WHO);
    String from = KeyAuthenticator.describe(channel.getSession().getClientAddress());
    Thread t = new Thread(() -> run(env, who == null ? "?" : who, from), "ssh-inbox");
    t.setDaemon(true);
    t.start();
  }

  private void run(Environment env, String who, String from) {
    if (!ChannelTerminal.hasPty(env)) {
      finish(1, "invitriage: no terminal: connect with ssh -t for the inbox, or run stats, list or export"
          + " (ssh HOST stats)");
      return;
    }
    String term = env.getEnv().getOrDefault(Environment.ENV_TERM, "").toLowerCase(Locale.ROOT);
    if (term.isBlank() || term.equals("dumb") || term.equals("unknown")) {
      finish(1, "invitriage: TERM=" + TerminalText.sanitize(term) + " cannot show the inbox: use a terminal that"
          + " understands ANSI escape codes (TERM=xterm-256color, say)");
      return;
    }
    long number = sessions.tryOpen(this);
    if (number == 0) {
      finish(1, "invitriage: too many sessions (at most " + sessions.max() + "): try again later");
      log.accept("session refused for " + who + " from " + from + ": " + sessions.max() + " sessions open");
      return;
    }
    long started = System.nanoTime();
    int decided = 0;
    String ended = "";
    try {
      ChannelTerminal t = ChannelTerminal.open(in, out, env);
      terminal = t;
      if (hungUp) {
        t.hangUp();
      }
      log.accept("session " + number + " start: " + who + " from " + from + " (" + TerminalText.sanitize(t.term())
          + ", " + env.getEnv().get(Environment.ENV_COLUMNS) + "x" + env.getEnv().get(Environment.ENV_LINES) + ")");
      decided = InboxUi.run(t, app, settings.remote(who, Links.clipboard(t::sendInvisible)));
    } catch (InvitriageException e) {
      ended = hungUp ? ", connection lost" : ", " + TerminalText.sanitize(e.getMessage());
    } catch (RuntimeException e) {
      ended = ", failed: " + TerminalText.sanitize(String.valueOf(e));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    log.accept("session " + number + " end: " + who + ", " + decided + (decided == 1 ? " decision" : " decisions")
        + " in " + took.toMinutes() + "m" + took.toSecondsPart() + "s" + ended);
    // Closed only after the goodbye line is written: a shutdown waits for it before dropping connections.
    finish(0, hangUpMessage, () -> sessions.closed(this));
  }

  private void finish(int status, String message) {
    finish(status, message, () -> { });
  }

  /** Writes one line (when given) to the client's standard error and ends the channel. */
  private void finish(int status, String message, Runnable beforeExit) {
    if (message != null && !hungUpByClient()) {
      try {
        // The client's terminal is in raw mode while the channel is open: end the line with CR LF.
        err.write((message + "\r\n").getBytes(StandardCharsets.UTF_8));
        err.flush();
      } catch (IOException ignored) {
        // The client is gone: nobody to tell.
      }
    }
    beforeExit.run();
    exit.onExit(status);
  }

  private boolean hungUpByClient() {
    return hungUp && hangUpMessage == null;
  }

  @Override
  public void hangUp(String message) {
    hangUpMessage = message;
    hungUp = true;
    ChannelTerminal t = terminal;
    if (t != null) {
      t.hangUp();
    }
  }

  /** The channel closed (the client left, or the session ended): stop the inbox if it still runs. */
  @Override
  public void destroy(ChannelSession channel) {
    hungUp = true;
    ChannelTerminal t = terminal;
    if (t != null) {
      t.hangUp();
    }
  }
}
