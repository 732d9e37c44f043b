/**
 * The command line: {@link dev.invitriage.cli.Main} (the only class that touches {@code System}),
 * {@link dev.invitriage.cli.Cli} (the one factory that builds the configured picocli {@code
 * CommandLine} for both {@code main} and the tests), {@link dev.invitriage.cli.ExitCodes}, and one
 * class per subcommand named for it.
 *
 * <p>May import everything; nothing imports {@code cli}.
 */
package dev.invitriage.cli;
