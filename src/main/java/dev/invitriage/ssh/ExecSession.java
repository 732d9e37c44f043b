package dev.invitriage.ssh;

import dev.invitriage.text.TerminalText;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One SSH {@code exec} request ({@code ssh HOST export --format csv}): the command line is split
 * into words as a shell would, its first word must be on the allow-list, and the {@link
 * ExecRunner} runs it with the channel's streams. Anything else gets one line and exit status 2.
 */
final class ExecSession implements Command, Sessions.Running {
  /** Exit status of a refused command line (a usage error). */
  static final int REFUSED = 2;

  private final String commandLine;
  private final Set<String> allowed;
  private final ExecRunner runner;
  private final Sessions sessions;
  private final Consumer<String> log;
  private OutputStream out;
  private OutputStream err;
  private ExitCallback exit;

  ExecSession(String commandLine, Set<String> allowed, ExecRunner runner, Sessions sessions, Consumer<String> log) {
    this.commandLine = commandLine;
    this.allowed = allowed;
    this.runner = runner;
    this.sessions = sessions;
    this.log = log;
  }

  @Override
  public void setInputStream(InputStream in) {
    // Allowed commands read nothing.
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
    Thread t = new Thread(() -> run(env, who == null ? "?" : who, from), "ssh-exec");
    t.setDaemon(true);
    t.start();
  }

  private void run(Environment env, String who, String from) {
    boolean pty = ChannelTerminal.hasPty(env);
    // With a PTY the client's terminal is raw: a line must end in CR LF to start at the left.
    PrintWriter o = writer(pty ? new CrLf(out) : out);
    PrintWriter e = writer(pty ? new CrLf(err) : err);
    String shown = TerminalText.sanitize(commandLine);
    List<String> words = words(commandLine);
    if (words == null || words.isEmpty() || !allowed.contains(words.get(0))) {
      String first = words == null ? "an unbalanced quote" : words.isEmpty() ? "nothing" : "'" + TerminalText.sanitize(words.get(0)) + "'";
      e.println("invitriage: " + first + " is not available over ssh; allowed: " + String.join(", ", new TreeSet<>(allowed))
          + " (or no command, for the inbox)");
      e.flush();
      log.accept("exec refused for " + who + " from " + from + ": " + shown);
      exit.onExit(REFUSED);
      return;
    }
    long number = sessions.tryOpen(this);
    if (number == 0) {
      e.println("invitriage: too many sessions (at most " + sessions.max() + "): try again later");
      e.flush();
      log.accept("exec refused for " + who + " from " + from + ": " + sessions.max() + " sessions open");
      exit.onExit(1);
      return;
    }
    int status;
    try {
      status = runner.run(words, env.getEnv(), pty, o, e);
    } catch (RuntimeException ex) {
      e.println("invitriage: internal error: " + TerminalText.sanitize(String.valueOf(ex)));
      status = 70;
    } finally {
      sessions.closed(this);
    }
    o.flush();
    e.flush();
    log.accept("exec " + number + " by " + who + " from " + from + ": " + shown + " -> exit " + status);
    exit.onExit(status);
  }

  private static PrintWriter writer(OutputStream s) {
    return new PrintWriter(new OutputStreamWriter(s, StandardCharsets.UTF_8), false);
  }

  /**
   * The words of a command line as a POSIX shell splits them: blanks separate, single quotes keep
   * everything, double quotes keep all but {@code \"} and {@code \\}, a backslash outside quotes
   * keeps the next character. Returns null on an unbalanced quote. Nothing is expanded.
   */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          return null;
        }
        w.append(line, i + 1, end);
        i = end;
        inWord = true;
      } else if (c == '"') {
        int j = i + 1;
        for (; j < line.length() && line.charAt(j) != '"'; j++) {
          char d = line.charAt(j);
          if (d == '\\' && j + 1 < line.length() && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0) {
            d = line.charAt(++j);
          }
          w.append(d);
        }
        if (j >= line.length()) {
          return null;
        }
        i = j;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        w.append(line.charAt(++i));
        inWord = true;
      } else if (c == ' ' || c == '\t' || c == '\n') {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(w.toString());
    }
    return words;
  }

  /** Nothing to stop: the allowed commands finish on their own, and quickly. */
  @Override
  public void destroy(ChannelSession channel) {
    // An exec command reads nothing and writes to a closed channel only until it fails.
  }

  @Override
  public void hangUp(String message) {
    // Let the command finish: it only reads, and shutdown waits for it.
  }

  /** LF to CR LF, as a tty's ONLCR would do. */
  private static final class CrLf extends FilterOutputStream {
    CrLf(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      if (b == '\n') {
        out.write('\r');
      }
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      int start = off;
      for (int i = off; i < off + len; i++) {
        if (b[i] == '\n') {
          out.write(b, start, i - start);
          out.write('\r');
          start = i;
        }
      }
      out.write(b, start, off + len - start);
    }
  }
}
