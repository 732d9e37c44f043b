package dev.invitriage.cli;

import dev.invitriage.app.Settings;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.domain.Verdict;
import dev.invitriage.formats.ExportFormat;
import dev.invitriage.text.TerminalText;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/** Builds the configured command line; {@link Main} and the tests both use it. */
public final class Cli {
  private Cli() {}

  /**
   * Every subcommand by name, in the order help lists them. Building a subcommand's model reads
   * its annotations and loads its classes, most of a short command's start: a command line gets
   * only the subcommand it names (see {@link #commandLine(Context, PrintWriter, PrintWriter,
   * String...)}).
   */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("tui", TuiCommand.class);
    m.put("import", ImportCommand.class);
    m.put("list", ListCommand.class);
    m.put("stats", StatsCommand.class);
    m.put("decide", DecideCommand.class);
    m.put("note", NoteCommand.class);
    m.put("undo", UndoCommand.class);
    m.put("redo", RedoCommand.class);
    m.put("export", ExportCommand.class);
    m.put("client", ClientCommand.class);
    m.put("classify", ClassifyCommand.class);
    m.put("phrases", PhrasesCommand.class);
    m.put("db", DbCommand.class);
    m.put("serve", ServeCommand.class);
    m.put("config", ConfigCommand.class);
    return m;
  }

  /** The command line with every subcommand (for help, the manual page and completion). */
  public static CommandLine commandLine(Context ctx, PrintWriter out, PrintWriter err) {
    return commandLine(ctx, out, err, SUBCOMMANDS.keySet());
  }

  /**
   * The command line for {@code args}: with only the subcommand they name (tui when they name
   * none), or every subcommand when they ask for help or name no known one, so that help and
   * errors read as with all of them.
   */
  static CommandLine commandLine(Context ctx, PrintWriter out, PrintWriter err, String... args) {
    String word = null;
    boolean skipValue = false;
    for (String arg : args) {
      if (skipValue) {
        skipValue = false;
      } else if (arg.equals("--db") || arg.equals("--theme")) {
        skipValue = true; // the root's options with a value of their own
      } else if (arg.equals("-V") || arg.equals("--version")) {
        return commandLine(ctx, out, err, List.of());
      } else if (arg.equals("-h") || arg.equals("--help") || arg.equals("--")) {
        return commandLine(ctx, out, err);
      } else if (!arg.startsWith("-")) {
        word = arg;
        break;
      }
    }
    if (word == null) {
      return commandLine(ctx, out, err, List.of("tui")); // no command: the full-screen inbox
    }
    return SUBCOMMANDS.containsKey(word)
        ? commandLine(ctx, out, err, List.of(word))
        : commandLine(ctx, out, err);
  }

  private static CommandLine commandLine(
      Context ctx, PrintWriter out, PrintWriter err, java.util.Collection<String> names) {
    CommandLine cl = new CommandLine(new RootCommand(ctx));
    for (String name : names) {
      cl.addSubcommand(name, SUBCOMMANDS.get(name));
    }
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
      Settings settings;
      try {
        settings = Settings.load(ctx.env());
      } catch (Settings.BadSetting e) {
        err.println("invitriage: " + TerminalText.sanitize(e.getMessage()));
        err.flush();
        return ExitCodes.CONFIG;
      }
      Verdict.setOffending(settings.offenders());
      Integer direct = runDirectly(ctx, settings, out, err, args);
      code = direct != null ? direct : runWithPicocli(ctx, settings, out, err, args);
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

  /** {@code args} parsed and run by picocli. */
  static int runWithPicocli(Context ctx, Settings settings, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine(ctx, out, err, args);
    ((RootCommand) cl.getCommand()).settings = settings;
    return cl.execute(args);
  }

  /**
   * Runs a {@link PlainCommandLine} (the inbox, {@code stats}, {@code import} or {@code export}
   * as they are typed) as picocli would, without building picocli's model; null, and nothing
   * done, for any other command line.
   */
  static Integer runDirectly(Context ctx, Settings settings, PrintWriter out, PrintWriter err, String... args) {
    PlainCommandLine plain = PlainCommandLine.parse(args);
    if (plain == null) {
      return null;
    }
    RootCommand root = new RootCommand(ctx);
    root.db = plain.db();
    root.settings = settings;
    try {
      if (plain.command().equals(PlainCommandLine.STATS)) {
        StatsCommand stats = new StatsCommand();
        if (plain.format() != null) {
          stats.format = StatsCommand.Format.valueOf(plain.format().toUpperCase(Locale.ROOT));
        }
        stats.runDirectly(root, out, err);
        return stats.call();
      }
      if (plain.command().equals(PlainCommandLine.IMPORT)) {
        ImportCommand importing = new ImportCommand();
        importing.paths = plain.paths();
        importing.runDirectly(root, out, err);
        return importing.call();
      }
      if (plain.command().equals(PlainCommandLine.EXPORT)) {
        ExportCommand export = new ExportCommand();
        export.filter = new FilterOptions();
        if (plain.direction() != null) {
          export.filter.direction = FilterOptions.DirectionChoice.valueOf(plain.direction().toUpperCase(Locale.ROOT));
        }
        if (plain.format() != null) {
          export.format = ExportFormat.valueOf(plain.format().toUpperCase(Locale.ROOT));
        }
        export.output = plain.output();
        export.runDirectly(root, out, err);
        return export.call();
      }
      TuiCommand tui = new TuiCommand();
      tui.runDirectly(root, out, err);
      return tui.run(plain.theme());
    } catch (Exception e) {
      return reportFailure(e, err, false);
    }
  }

  private static int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    return reportFailure(e, cl.getErr(), ((RootCommand) cl.getCommandSpec().root().userObject()).debug);
  }

  /** A command's failure as one line on {@code err} (and its stack trace with --debug): its exit code. */
  private static int reportFailure(Exception e, PrintWriter err, boolean debug) {
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
