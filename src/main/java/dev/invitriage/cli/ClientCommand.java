package dev.invitriage.cli;

import picocli.CommandLine.Command;

/** {@code invitriage client}: the client list, whose invitations are never offenders. */
@Command(name = "client",
    description = "Keep the client list: people whose invitations are accepted without a note.",
    subcommands = {
      ClientAddCommand.class,
      ClientListCommand.class,
      ClientEditCommand.class,
      ClientRemoveCommand.class,
      ClientImportCommand.class,
    })
final class ClientCommand extends BaseCommand {
  @Override
  public Integer call() {
    spec.commandLine().usage(out());
    return ExitCodes.OK;
  }
}
