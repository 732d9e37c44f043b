package dev.invitriage.cli;

import dev.invitriage.domain.InvitriageException;
import dev.invitriage.text.TerminalText;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the configured command line; {@link Main} and the tests both use it. */
public final class Cli {
  private Cli() {}

  public static CommandLine commandLine(Context ctx, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new RootCommand(ctx));
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(Cli::handleExecutionException);
    cl.setParameterExceptionHandler(Cli::handleParameterException);
    return cl;
  }

  /** Runs one command line to completion and returns its exit code. */
  public static int run(Context ctx, PrintWriter out, PrintWriter err, String... args) {
    int code;
    try {
      code = commandLine(ctx, out, err).execute(args);
    } catch (OutOfMemoryError e) {
      // Still one line, no stack trace. An import is journaled and committed only at its end, so
      // an import cut short here stored nothing.
      out.flush();
      err.println("invitriage: out of memory: the Java heap is too small for this (-Xmx); nothing"
          + " more was stored");
      code = ExitCodes.INTERNAL;
    }
    out.flush();
    err.flush();
    return code;
  }

  private static int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    boolean debug = ((RootCommand) cl.getCommandSpec().root().userObject()).debug;
    if (e instanceof InvitriageException ie) {
      err.println("invitriage: " + TerminalText.sanitize(ie.getMessage()));
      if (debug) {
        e.printStackTrace(err);
      }
      return ExitCodes.of(ie.kind());
    }
    err.println("invitriage: internal error: " + TerminalText.sanitize(String.valueOf(e))
        + (debug ? "" : " (run with --debug for details)"));
    if (debug) {
      e.printStackTrace(err);
    }
    return ExitCodes.INTERNAL;
  }

  private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("invitriage: " + TerminalText.sanitize(e.getMessage()));
    err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
    return ExitCodes.USAGE;
  }
}
