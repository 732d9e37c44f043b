package dev.invitriage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** Process entry point: the only place that touches System's streams and exit. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // What picocli would print, without building its model: a third of this command's time.
      System.out.println(new VersionProvider().getVersion()[0]);
      System.exit(ExitCodes.OK);
    }
    // Before anything touches AWT: the UI must never open a window, even with DISPLAY set.
    System.setProperty("java.awt.headless", "true");
    boolean tty = System.console() != null;
    Context ctx = new Context(System.getenv(), System.in, tty, tty ? Main::terminalColumns : () -> 0, Clock.systemUTC());
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = Cli.run(ctx, out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Asks the controlling terminal for its width; 0 when it cannot be told. */
  private static int terminalColumns() {
    try {
      Process p = new ProcessBuilder("stty", "size").redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/tty"))).start();
      if (!p.waitFor(1, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return 0;
      }
      String[] parts = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
      return parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
