package dev.invitriage.cli;

import picocli.CommandLine.Command;

/** {@code invitriage db}: looking after the store file itself. */
@Command(name = "db",
    description = "Check the store or back it up.",
    subcommands = {
      DbCheckCommand.class,
      DbBackupCommand.class,
    })
final class DbCommand extends BaseCommand {
  @Override
  public Integer call() {
    spec.commandLine().usage(out());
    return ExitCodes.OK;
  }
}
