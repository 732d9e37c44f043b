package dev.invitriage.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A terminal's output that writes through at once, except while a frame is drawn: from {@link
 * #holdUntilFlush} to the next {@link #flush}, what is written is gathered and then written with
 * one call. Lanterna writes every character and escape sequence on its own and {@code System.out}
 * flushes after each, so one cursor move was 390 {@code write} calls on a tty (strace, 1M inbox),
 * each a chance for the terminal to show half a frame. Outside frames nothing is held back:
 * Lanterna asks the terminal its size with an escape sequence it does not flush, and waits for
 * the answer.
 *
 * <p>Closing flushes but leaves the underlying stream open: it is the process's standard output.
 */
public final class FrameOutput extends OutputStream {
  private final OutputStream out;
  private final ByteArrayOutputStream frame = new ByteArrayOutputStream(1 << 14);
  private boolean holding;
  private long writes;

  public FrameOutput(OutputStream out) {
    this.out = out;
  }

  /** Gathers everything written until the next flush. */
  public synchronized void holdUntilFlush() {
    holding = true;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    if (holding) {
      frame.write(b);
    } else {
      out.write(b);
      writes++;
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    if (holding) {
      frame.write(b, off, len);
    } else {
      out.write(b, off, len);
      writes++;
    }
  }

  /** Writes the frame gathered so far with one call, and writes through again from now on. */
  @Override
  public synchronized void flush() throws IOException {
    holding = false;
    if (frame.size() > 0) {
      try {
        frame.writeTo(out);
        writes++;
      } finally {
        frame.reset();
      }
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    flush();
  }

  /** How many writes reached the underlying stream. */
  public synchronized long writes() {
    return writes;
  }
}
