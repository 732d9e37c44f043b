package dev.invitriage.cli;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import dev.invitriage.text.TerminalBytes;
import dev.invitriage.ui.FrameBuffered;
import dev.invitriage.ui.FrameOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The controlling terminal, as Lanterna's {@code DefaultTerminalFactory} makes it on Unix (a
 * {@link UnixTerminal} on standard input and output, UTF-8, Ctrl-C a key), with each frame
 * written in one call (see {@link FrameOutput}) and characters encoded right ({@link TerminalBytes}).
 */
final class TtyTerminal extends UnixTerminal implements FrameBuffered {
  private final FrameOutput output;

  private TtyTerminal(FrameOutput output) throws IOException {
    super(System.in, output, StandardCharsets.UTF_8, CtrlCBehaviour.TRAP);
    this.output = output;
  }

  static TtyTerminal open() throws IOException {
    return new TtyTerminal(new FrameOutput(System.out));
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
    try {
      String[] rowsColumns = runSTTYCommand("size").strip().split("\\s+");
      int rows = Integer.parseInt(rowsColumns[0]);
      int columns = Integer.parseInt(rowsColumns[1]);
      if (rows > 0 && columns > 0) {
        return new TerminalSize(columns, rows);
      }
    } catch (IOException | RuntimeException e) {
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
