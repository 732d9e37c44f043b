package dev.invitriage.cli;

import dev.invitriage.app.App;
import dev.invitriage.app.Locations;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * What a command may know of the world it runs in, so tests can supply their own.
 *
 * @param outIsTerminal standard output is a terminal (colour and width apply)
 * @param terminalColumns asks for the terminal's width, or says 0 when unknown; asked only by a
 *     command that prints a table (asking is a process: the full-screen inbox never needs it)
 * @param openApp an App already open in this process (the SSH server's) that commands use instead
 *     of opening the store, or null to open the store as usual
 */
public record Context(
    Map<String, String> env,
    InputStream in,
    boolean outIsTerminal,
    IntSupplier terminalColumns,
    Clock clock,
    App openApp) {

  public Context {
    env = Map.copyOf(env);
  }

  /** A context whose commands open the store themselves. */
  public Context(Map<String, String> env, InputStream in, boolean outIsTerminal, IntSupplier terminalColumns, Clock clock) {
    this(env, in, outIsTerminal, terminalColumns, clock, null);
  }

  /** A context with a terminal width known already. */
  public Context(Map<String, String> env, InputStream in, boolean outIsTerminal, int terminalColumns, Clock clock, App openApp) {
    this(env, in, outIsTerminal, () -> terminalColumns, clock, openApp);
  }

  /** A context with a terminal width known already, whose commands open the store themselves. */
  public Context(Map<String, String> env, InputStream in, boolean outIsTerminal, int terminalColumns, Clock clock) {
    this(env, in, outIsTerminal, () -> terminalColumns, clock, null);
  }

  public Locations locations() {
    return new Locations(env);
  }

  /** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
  public boolean colour() {
    String noColor = env.get("NO_COLOR");
    return outIsTerminal && (noColor == null || noColor.isEmpty());
  }

  /** Width for tables: COLUMNS, else the terminal's, else 100. */
  public int columns() {
    String c = env.get("COLUMNS");
    if (c != null && c.matches("\\d{2,4}")) {
      return Integer.parseInt(c);
    }
    int width = terminalColumns.getAsInt();
    return width > 0 ? width : 100;
  }
}
