package dev.invitriage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A frame reaches the terminal in one write, byte for byte what it was written as before. */
class FrameOutputTest {
  static final TerminalSize SIZE = new TerminalSize(40, 12);

  /** An ANSI terminal on a stream, of a fixed size; framed or not. */
  static class StreamTerminal extends ANSITerminal {
    StreamTerminal(OutputStream out) {
      super(InputStream.nullInputStream(), out, StandardCharsets.UTF_8);
    }

    @Override
    protected TerminalSize findTerminalSize() {
      return SIZE;
    }
  }

  static final class FramedStreamTerminal extends StreamTerminal implements FrameBuffered {
    private final FrameOutput output;

    FramedStreamTerminal(FrameOutput output) {
      super(output);
      this.output = output;
    }

    @Override
    public void holdUntilFlush() {
      output.holdUntilFlush();
    }
  }

  /** Counts the writes that reach it. */
  static final class CountingStream extends ByteArrayOutputStream {
    int writes;

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      writes++;
      super.write(b, off, len);
    }

    @Override
    public synchronized void write(int b) {
      writes++;
      super.write(b);
    }
  }

  @Test
  void outsideAFrameEveryWriteGoesOutAtOnce() throws IOException {
    CountingStream sink = new CountingStream();
    FrameOutput out = new FrameOutput(sink);
    out.write("\u001b[6n".getBytes(StandardCharsets.US_ASCII));
    // Not flushed, yet out: Lanterna asks for the terminal's size this way and waits for the answer.
    assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo("\u001b[6n");
    out.holdUntilFlush();
    out.write('a');
    out.write("bc".getBytes(StandardCharsets.US_ASCII));
    assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo("\u001b[6n");
    out.flush();
    assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo("\u001b[6nabc");
    assertThat(sink.writes).isEqualTo(2);
    out.write('d');
    assertThat(sink.toString(StandardCharsets.US_ASCII)).endsWith("d");
  }

  @Test
  void eachFrameIsOneWriteOfTheBytesAnUnheldTerminalWrites() throws IOException {
    CountingStream framedSink = new CountingStream();
    CountingStream plainSink = new CountingStream();
    TerminalScreen framed = new DeltaScreen(new FramedStreamTerminal(new FrameOutput(framedSink)));
    TerminalScreen plain = new DeltaScreen(new StreamTerminal(plainSink));
    framed.startScreen();
    plain.startScreen();
    Random random = new Random(11);
    for (int frame = 0; frame < 200; frame++) {
      for (int i = 0; i < 1 + random.nextInt(60); i++) {
        TextCharacter c = DeltaScreenTest.randomCell(random);
        int x = random.nextInt(SIZE.getColumns());
        int y = random.nextInt(SIZE.getRows());
        framed.setCharacter(x, y, c);
        plain.setCharacter(x, y, c);
      }
      int framedWrites = framedSink.writes;
      framed.refresh(frame % 50 == 0 ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
      plain.refresh(frame % 50 == 0 ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
      assertThat(framedSink.writes - framedWrites).as("frame %d", frame).isEqualTo(1);
      assertThat(framedSink.toByteArray()).as("frame %d", frame).isEqualTo(plainSink.toByteArray());
    }
    assertThat(plainSink.writes).as("the unheld terminal wrote each piece on its own").isGreaterThan(200 * 10);
  }
}
