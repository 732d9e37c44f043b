package dev.invitriage.cli;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import dev.invitriage.text.TerminalBytes;
import dev.invitriage.ui.FrameBuffered;
import dev.invitriage.ui.FrameOutput;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The controlling terminal, as Lanterna's {@code DefaultTerminalFactory} makes it on Unix (a
 * {@link UnixTerminal} on standard input and output, UTF-8, Ctrl-C a key), with each frame
 * written in one call (see {@link FrameOutput}) and characters encoded right ({@link TerminalBytes}).
 *
 * <p>The tty's modes are set by one run of {@code stty} and restored by one: Lanterna runs it once
 * per setting (save, {@code -icanon}, {@code min 1}, {@code -echo}, {@code intr undef}, then the
 * size twice), each run a process of its own, so the first frame waited for seven of them.
 */
final class TtyTerminal extends UnixTerminal implements FrameBuffered {
  private static final File TTY = new File("/dev/tty");
  /**
   * Says what to restore and the size, then sets the inbox's modes: keys one by one, unechoed,
   * Ctrl-C a key, and XON/XOFF off (Lanterna leaves it on, and Ctrl-s, which saves a note, would
   * freeze the terminal).
   */
  private static final String ENTER = "stty -g && stty size && stty -icanon min 1 -echo intr undef -ixon";

  private final FrameOutput output;
  private final String savedModes;
  /** The size read as the modes were set, good until the first SIGWINCH. */
  private volatile TerminalSize sizeAtOpen;

  private TtyTerminal(FrameOutput output, String savedModes, TerminalSize size) throws IOException {
    super(System.in, output, StandardCharsets.UTF_8, CtrlCBehaviour.TRAP);
    this.output = output;
    this.savedModes = savedModes;
    this.sizeAtOpen = size;
  }

  static TtyTerminal open() throws IOException {
    Process p = new ProcessBuilder("sh", "-c", ENTER).redirectInput(ProcessBuilder.Redirect.from(TTY)).start();
    List<String> said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    String problem = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (waitFor(p) != 0 || said.size() != 2) {
      throw new IOException("stty could not set the terminal up" + (problem.isEmpty() ? "" : ": " + problem));
    }
    return new TtyTerminal(new FrameOutput(System.out), said.get(0).strip(), parseSize(said.get(1)));
  }

  private static int waitFor(Process p) throws IOException {
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while setting the terminal up", e);
    }
  }

  /** {@code stty size}'s "rows columns", or null when it says nothing usable (a size of 0 0). */
  private static TerminalSize parseSize(String rowsColumns) {
    try {
      String[] parts = rowsColumns.strip().split("\\s+");
      int rows = Integer.parseInt(parts[0]);
      int columns = Integer.parseInt(parts[1]);
      return rows > 0 && columns > 0 ? new TerminalSize(columns, rows) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  // open() has set the modes; Lanterna's acquire asks for each again, one process each.
  @Override
  protected void saveTerminalSettings() {}

  @Override
  protected void canonicalMode(boolean enabled) {}

  @Override
  protected void keyEchoEnabled(boolean enabled) {}

  /** Nothing to do either way: the saved modes that {@link #restoreTerminalSettings} puts back hold intr. */
  @Override
  protected void keyStrokeSignalsEnabled(boolean enabled) {}

  @Override
  protected void restoreTerminalSettings() throws IOException {
    runSTTYCommand(savedModes);
  }

  /** stty as the shell finds it, as {@link #open} ran it: Lanterna runs /bin/stty, which not every system has. */
  @Override
  protected String runSTTYCommand(String... parameters) throws IOException {
    String[] command = new String[parameters.length + 1];
    command[0] = "stty";
    System.arraycopy(parameters, 0, command, 1, parameters.length);
    return exec(command);
  }

  @Override
  protected void registerTerminalResizeListener(Runnable onResize) throws IOException {
    super.registerTerminalResizeListener(() -> {
      sizeAtOpen = null;
      onResize.run();
    });
  }

  /**
   * The window's size as the tty knows it ({@code stty size}), not by Lanterna's in-band probe: that
   * moves the cursor far away and reads the terminal's position report from the same input as the
   * keys, and an Esc typed just before a resize merged with the report, so the size read was
   * wrong (a few columns) until the next resize while keys went on acting unseen. The probe
   * remains the fallback when stty cannot answer.
   */
  @Override
  protected TerminalSize findTerminalSize() throws IOException {
    TerminalSize known = sizeAtOpen;
    if (known != null) {
      return known;
    }
    try {
      TerminalSize size = parseSize(runSTTYCommand("size"));
      if (size != null) {
        return size;
      }
    } catch (IOException e) {
      // Not a tty stty can read: ask the terminal instead.
    }
    return super.findTerminalSize();
  }

  @Override
  public void holdUntilFlush() {
    output.holdUntilFlush();
  }

  @Override
  public void putCharacter(char c) throws IOException {
    writeToTerminal(TerminalBytes.of(c));
  }

  @Override
  public void putString(String s) throws IOException {
    writeToTerminal(TerminalBytes.of(s));
  }
}
