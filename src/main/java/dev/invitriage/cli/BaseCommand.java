package dev.invitriage.cli;

import dev.invitriage.app.App;
import dev.invitriage.app.PhraseBook;
import dev.invitriage.app.Settings;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.text.TerminalText;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every subcommand shares: its streams, the context, and opening the store. */
@Command
abstract class BaseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** The root and streams of a command {@link Cli} runs without picocli; null under picocli. */
  private Direct direct;

  record Direct(RootCommand root, PrintWriter out, PrintWriter err) {}

  /** Makes this command runnable without picocli, with these instead of its spec's. */
  void runDirectly(RootCommand root, PrintWriter out, PrintWriter err) {
    direct = new Direct(root, out, err);
  }

  // Help on every subcommand; --version belongs to invitriage itself (`list --ver` completes
  // to --verdict).
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean helpRequested;

  RootCommand root() {
    return direct != null ? direct.root() : (RootCommand) spec.root().userObject();
  }

  Context context() {
    return root().context;
  }

  Settings settings() {
    return root().settings;
  }

  /** The store: --db, else the {@code store} setting, else the XDG default. */
  java.nio.file.Path store() {
    return settings().store(root().db, context().locations());
  }

  PrintWriter out() {
    return direct != null ? direct.out() : spec.commandLine().getOut();
  }

  PrintWriter err() {
    return direct != null ? direct.err() : spec.commandLine().getErr();
  }

  /**
   * Where {@code list --format csv|json} and {@code export} write data: standard output itself
   * when it is a file or pipe (exact bytes), else a {@link TerminalSafeWriter} (see there).
   */
  java.io.Writer dataOut(dev.invitriage.formats.ExportFormat format) {
    if (!context().outIsTerminal()) {
      return out();
    }
    return new TerminalSafeWriter(out(), format == dev.invitriage.formats.ExportFormat.JSON
        ? TerminalSafeWriter.Kind.JSON : TerminalSafeWriter.Kind.CSV);
  }

  PhraseBook phrases() {
    return new PhraseBook(context().locations().phrasesFile());
  }

  /**
   * Opens the store; recovery notices go to stderr, one line each. Under the SSH server, hands
   * out the server's open App instead (closing it leaves the store open).
   */
  App openApp() {
    return openApp(App.Use.COMMAND);
  }

  /** {@link #openApp()}, for {@code use} (see {@link App.Use}). */
  App openApp(App.Use use) {
    if (context().openApp() != null) {
      if (root().db != null) {
        throw new InvitriageException(InvitriageException.Kind.USAGE,
            "--db cannot be used here: this server serves one store");
      }
      return context().openApp().borrowed();
    }
    java.util.function.Consumer<String> notices =
        notice -> err().println("invitriage: " + TerminalText.sanitize(notice));
    return App.open(store(), phrases(), context().clock(), notices, use);
  }
}
