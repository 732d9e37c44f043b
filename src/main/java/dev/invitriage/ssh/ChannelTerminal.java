package dev.invitriage.ssh;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import dev.invitriage.text.TerminalBytes;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.SignalListener;

/**
 * A Lanterna terminal over an SSH channel's streams: the size comes from the PTY request and
 * follows window-change requests, so nothing is ever asked of the remote terminal (no CSI 6n size
 * probe). Knows nothing of what runs on it.
 *
 * <p>There is no kernel tty between the client and us, so the little a tty's line discipline
 * would do for a full-screen program is done here: Return arrives as CR, which becomes LF unless
 * the client turned ICRNL off. Ctrl-C and Ctrl-S are plain keys (the client's raw mode sends
 * them as bytes 3 and 19). When the channel closes, the input reports end of file, which ends
 * whatever runs on the terminal.
 */
public final class ChannelTerminal extends ANSITerminal {
  /** Input decoder timeout in units of 1/4 s: an escape sequence split by a slow link still decodes. */
  private static final int INPUT_TIMEOUT_UNITS = 1;

  private final ChannelInput input;
  private final String term;
  private volatile TerminalSize size;

  private ChannelTerminal(ChannelInput input, OutputStream out, String term, TerminalSize size) {
    super(input, out, StandardCharsets.UTF_8);
    this.input = input;
    this.term = term;
    this.size = size;
    getInputDecoder().setTimeoutUnits(INPUT_TIMEOUT_UNITS);
  }

  /**
   * A terminal over the channel's streams, sized from the PTY request in {@code env} ({@code
   * COLUMNS}, {@code LINES}) and resized on every window change.
   */
  public static ChannelTerminal open(InputStream in, OutputStream out, Environment env) {
    Map<String, String> vars = env.getEnv();
    Integer icrnl = env.getPtyModes().get(PtyMode.ICRNL);
    ChannelTerminal t = new ChannelTerminal(new ChannelInput(in, icrnl == null || icrnl != 0), out,
        vars.getOrDefault(Environment.ENV_TERM, ""), sizeOf(vars));
    SignalListener onWinch = (channel, signal) -> t.resized(sizeOf(env.getEnv()));
    env.addSignalListener(onWinch, Signal.WINCH);
    return t;
  }

  /** True when the session asked for a PTY (pty-req sets TERM, COLUMNS and LINES). */
  public static boolean hasPty(Environment env) {
    Map<String, String> vars = env.getEnv();
    return vars.containsKey(Environment.ENV_TERM) && vars.containsKey(Environment.ENV_COLUMNS)
        && vars.containsKey(Environment.ENV_LINES);
  }

  private static TerminalSize sizeOf(Map<String, String> vars) {
    return new TerminalSize(number(vars.get(Environment.ENV_COLUMNS), 80), number(vars.get(Environment.ENV_LINES), 24));
  }

  private static int number(String s, int fallback) {
    try {
      int n = s == null ? fallback : Integer.parseInt(s.strip());
      // A client may send 0 ("unknown"); a huge value would make every frame huge.
      return n <= 0 ? fallback : Math.min(n, 1000);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** The client's TERM, as sent with its PTY request. */
  public String term() {
    return term;
  }

  /** Characters encoded right and without a look-up each: see {@link TerminalBytes}. */
  @Override
  public void putCharacter(char c) throws IOException {
    writeToTerminal(TerminalBytes.of(c));
  }

  @Override
  public void putString(String s) throws IOException {
    writeToTerminal(TerminalBytes.of(s));
  }

  /**
   * Sends bytes that draw nothing (an OSC sequence) straight to the client's terminal, flushed.
   * A failure is dropped: the channel closing ends the session through its input anyway.
   */
  public void sendInvisible(byte[] sequence) {
    try {
      writeToTerminal(sequence);
      flush();
    } catch (IOException ignored) {
      // The session ends through its input.
    }
  }

  /** The PTY's size; never asks the remote terminal. */
  @Override
  protected TerminalSize findTerminalSize() {
    return size;
  }

  /** Takes a new size (a window change) and tells the terminal's resize listeners. */
  void resized(TerminalSize newSize) {
    size = newSize;
    onResized(newSize);
  }

  /** Makes the input report end of file now, so the program on this terminal ends. */
  public void hangUp() {
    input.hangUp();
  }

  /**
   * The channel's input as a tty would hand it over: CR to LF (ICRNL), and end of file reported
   * by {@link #available()} too, because Lanterna only reads what is available and the channel's
   * stream says 0 (closed) or -1 (end) rather than letting a read return -1.
   */
  private static final class ChannelInput extends FilterInputStream {
    private final boolean crToNewline;
    private volatile boolean hungUp;

    ChannelInput(InputStream in, boolean crToNewline) {
      super(in);
      this.crToNewline = crToNewline;
    }

    void hangUp() {
      hungUp = true;
    }

    @Override
    public int available() throws IOException {
      if (hungUp) {
        return 1;
      }
      try {
        int n = in.available();
        return n < 0 ? 1 : n;
      } catch (IOException e) {
        hungUp = true;
        return 1;
      }
    }

    @Override
    public int read() throws IOException {
      if (hungUp) {
        return -1;
      }
      int b = in.read();
      return crToNewline && b == '\r' ? '\n' : b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (hungUp) {
        return -1;
      }
      int n;
      try {
        n = in.read(b, off, len);
      } catch (IOException e) {
        // The channel closed under us: that is the end of the input, not an error to show.
        hungUp = true;
        return -1;
      }
      if (crToNewline) {
        for (int i = off; i < off + n; i++) {
          if (b[i] == '\r') {
            b[i] = '\n';
          }
        }
      }
      return n;
    }
  }
}
