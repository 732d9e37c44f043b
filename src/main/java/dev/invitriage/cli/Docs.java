package dev.invitriage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes what an installed command comes with, generated at build time from the command line's
 * own model: the manual page and the bash and zsh completion scripts. Run by the build ({@code
 * pom.xml}) as {@code Docs DIR VERSION}; {@code make install} copies the results.
 */
public final class Docs {
  private Docs() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: Docs OUTPUT_DIR VERSION");
      System.exit(ExitCodes.USAGE);
    }
    Path dir = Path.of(args[0]);
    CommandLine commandLine = everyCommand();
    write(dir.resolve("invitriage.1"), ManPage.of(commandLine, args[1]));
    String bash = AutoComplete.bash("invitriage", commandLine);
    write(dir.resolve("completion/invitriage.bash"), bash);
    // zsh runs the bash script through its bashcompinit layer; #compdef lets compinit find it.
    write(dir.resolve("completion/_invitriage"),
        "#compdef invitriage\n"
            + "# Generated from the command line's model, as the bash completion it wraps.\n"
            + "autoload -U +X bashcompinit && bashcompinit\n"
            + bash);
  }

  /** The command line with every subcommand, as --help sees it, opening nothing. */
  static CommandLine everyCommand() {
    StringWriter sink = new StringWriter();
    return Cli.commandLine(
        new Context(Map.of(), System.in, false, 0, Clock.systemUTC()),
        new PrintWriter(sink),
        new PrintWriter(sink));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
