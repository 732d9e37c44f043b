package dev.invitriage.cli;

import dev.invitriage.text.TerminalText;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code invitriage phrases}: the user's own texts that count as LinkedIn's default. */
@Command(name = "phrases",
    description = "Manage your own default phrases ($XDG_CONFIG_HOME/invitriage/default-phrases.txt).",
    subcommands = {PhrasesCommand.ListPhrases.class, PhrasesCommand.AddPhrase.class, PhrasesCommand.RemovePhrase.class})
final class PhrasesCommand extends BaseCommand {
  @Override
  public Integer call() {
    spec.commandLine().usage(out());
    return ExitCodes.OK;
  }

  /** {@code phrases list}. */
  @Command(name = "list", description = "Show your phrases, numbered.")
  static final class ListPhrases extends BaseCommand {
    @Override
    public Integer call() {
      List<String> phrases = phrases().phrases();
      if (phrases.isEmpty()) {
        out().println("no phrases of your own yet (" + TerminalText.sanitize(String.valueOf(phrases().file())) + ")");
      }
      for (int i = 0; i < phrases.size(); i++) {
        out().printf("%3d  %s%n", i + 1, TerminalText.sanitize(phrases.get(i)));
      }
      return ExitCodes.OK;
    }
  }

  /** {@code phrases add TEXT}. */
  @Command(name = "add", description = "Add a phrase that counts as default text.")
  static final class AddPhrase extends BaseCommand {
    @Parameters(paramLabel = "TEXT") String text;

    @Override
    public Integer call() {
      boolean added = phrases().add(text);
      out().println(added ? "added" : "already there");
      return ExitCodes.OK;
    }
  }

  /** {@code phrases remove TEXT|NUMBER}. */
  @Command(name = "remove", description = "Remove a phrase by its text or number.")
  static final class RemovePhrase extends BaseCommand {
    @Parameters(paramLabel = "TEXT|NUMBER") String phrase;

    @Override
    public Integer call() {
      out().println("removed: " + TerminalText.sanitize(phrases().remove(phrase)));
      return ExitCodes.OK;
    }
  }
}
