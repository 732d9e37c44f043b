package dev.invitriage.cli;

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
