package dev.invitriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A command line gets only the subcommand it names; help and errors see them all. */
class SubcommandsTest {
  private static CommandLine of(String... args) {
    StringWriter sink = new StringWriter();
    Context ctx = new Context(Map.of(), new ByteArrayInputStream(new byte[0]), false, 0, Clock.systemUTC());
    return Cli.commandLine(ctx, new PrintWriter(sink), new PrintWriter(sink), args);
  }

  @Test
  void everySubcommandIsRegisteredUnderTheNameItsAnnotationGives() {
    Cli.SUBCOMMANDS.forEach((name, type) ->
        assertThat(type.getAnnotation(Command.class).name()).as(type.getName()).isEqualTo(name));
  }

  @Test
  void aCommandLineGetsOnlyTheSubcommandItNames() {
    assertThat(of("stats").getSubcommands()).containsOnlyKeys("stats");
    assertThat(of("--db", "x.db", "list", "--offenders").getSubcommands()).containsOnlyKeys("list");
    assertThat(of("--theme", "mono").getSubcommands()).containsOnlyKeys("tui");
    assertThat(of().getSubcommands()).containsOnlyKeys("tui");
    assertThat(of("--version").getSubcommands()).isEmpty();
  }

  @Test
  void helpAndUnknownWordsSeeEverySubcommand() {
    assertThat(of("--help").getSubcommands()).containsOnlyKeys(Cli.SUBCOMMANDS.keySet());
    assertThat(of("stast").getSubcommands()).containsOnlyKeys(Cli.SUBCOMMANDS.keySet());
    assertThat(of("--db", "x.db", "-h").getSubcommands()).containsOnlyKeys(Cli.SUBCOMMANDS.keySet());
  }
}
