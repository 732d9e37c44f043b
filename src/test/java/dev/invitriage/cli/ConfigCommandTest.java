package dev.invitriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.domain.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** config.properties, the INVITRIAGE_ variables and flags, through the real command line. */
class ConfigCommandTest {
  @TempDir Path home;

  @AfterEach
  void everyVerdictOffendsAgain() {
    Verdict.setOffending(EnumSet.complementOf(EnumSet.of(Verdict.PERSONAL)));
  }

  private CliRunner cli() {
    return new CliRunner(home);
  }

  private void config(String text) throws IOException {
    Path file = home.resolve("config/invitriage/config.properties");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** The line `config` prints for a setting. */
  private static String line(CliRunner.Result r, String name) {
    return r.out().lines().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow();
  }

  @Test
  void withNoFileEverySettingIsItsDefault() {
    CliRunner.Result r = cli().runRaw("config");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("(absent: every default)");
    assertThat(line(r, "theme")).contains("dark").endsWith("default");
    assertThat(line(r, "offenders")).contains("empty, default, generic, template");
    assertThat(line(r, "export.format")).contains("csv");
    assertThat(line(r, "store")).contains(home.resolve("data/invitriage/inbox.db").toString());
    assertThat(line(r, "serve.listen")).contains("127.0.0.1:2222");
    assertThat(line(r, "serve.max-sessions")).contains(" 8 ");
    assertThat(line(r, "serve.idle-timeout")).contains("30m");
  }

  @Test
  void aFlagBeatsTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefault() throws IOException {
    config("# mine\n\ntheme = light\nexport.format = json\nstore = ~/from-file.db\nserve.listen = 2300\n");
    CliRunner cli = cli();
    cli.env.put("INVITRIAGE_THEME", "mono");
    cli.env.put("INVITRIAGE_DB", home.resolve("from-env.db").toString());

    CliRunner.Result r = cli.runRaw("--theme", "dark", "config");

    assertThat(line(r, "theme")).contains("dark").endsWith("--theme");
    assertThat(line(r, "store")).contains("from-env.db").endsWith("INVITRIAGE_DB");
    assertThat(line(r, "export.format")).contains("json").endsWith("config.properties:4");
    assertThat(line(r, "serve.listen")).contains("2300").endsWith("config.properties:6");
    assertThat(line(r, "serve.idle-timeout")).endsWith("default");

    cli.env.remove("INVITRIAGE_DB");
    CliRunner.Result fromFile = cli.runRaw("config");
    assertThat(line(fromFile, "theme")).contains("mono").endsWith("INVITRIAGE_THEME");
    assertThat(line(fromFile, "store")).contains(home.resolve("from-file.db").toString());
    assertThat(cli.runRaw("--db", "flag.db", "config").out()).containsPattern("store +flag.db +--db");
  }

  @Test
  void theStoreSettingIsWhereCommandsOpenTheStore() throws IOException {
    config("store = " + home.resolve("set.db") + "\n");

    CliRunner.Result r = cli().runRaw("stats");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(home.resolve("set.db")).exists();
  }

  @Test
  void exportTakesItsFormatFromTheSettingUnlessGiven() throws IOException {
    config("export.format = json\n");
    CliRunner cli = cli();

    assertThat(cli.run("export").out()).startsWith("[");
    assertThat(cli.run("export", "--format", "csv").out()).doesNotStartWith("[");
  }

  @Test
  void theOffendersSettingNarrowsWhoIsAnOffender() throws IOException {
    CliRunner cli = cli();
    Path csv = home.resolve("Invitations.csv");
    Files.writeString(csv, "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
        + "Ann Lee,Me Myself,\"10/1/26, 8:26 PM\",,INCOMING,https://www.linkedin.com/in/ann,https://www.linkedin.com/in/me\n"
        + "Bob Roe,Me Myself,\"10/2/26, 8:26 PM\",Hi! Let's connect.,INCOMING,https://www.linkedin.com/in/bob,https://www.linkedin.com/in/me\n");
    assertThat(cli.run("import", csv.toString()).code()).isZero();
    assertThat(cli.run("stats").out()).contains("offenders    2");

    config("offenders = empty\n");
    assertThat(cli.run("stats").out()).contains("offenders    1");
    assertThat(cli.run("list", "--offenders", "--format", "csv").out()).contains("Ann Lee").doesNotContain("Bob Roe");

    config("offenders =\n");
    assertThat(cli.run("stats").out()).contains("offenders    0");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "themme = dark                 | config.properties:1: unknown setting 'themme'",
      "theme                         | config.properties:1: expected 'name = value', found 'theme'",
      "export.format = xml           | config.properties:1: bad value for 'export.format': 'xml' (expected csv or json)",
      "offenders = empty, spam       | config.properties:1: bad value for 'offenders': 'empty, spam'",
      "serve.listen = here:99999     | config.properties:1: bad value for 'serve.listen'",
      "serve.max-sessions = 0        | config.properties:1: bad value for 'serve.max-sessions'",
      "serve.idle-timeout = 0m       | config.properties:1: bad value for 'serve.idle-timeout'",
      "theme =                       | config.properties:1: bad value for 'theme': ''",
  })
  void aBadLineStopsTheCommandWithOneLineAndExit78(String text, String message) throws IOException {
    config(text.strip() + "\n");
    CliRunner cli = cli();

    CliRunner.Result r = cli.run("import", home.resolve("nothing.csv").toString());

    assertThat(r.code()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err()).startsWith("invitriage: " + message);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.out()).isEmpty();
    assertThat(cli.db()).as("nothing else ran").doesNotExist();
  }

  @Test
  void aSettingTwiceIsABadLineNamingTheFirst() throws IOException {
    config("theme = dark\n# again\ntheme = light\n");

    CliRunner.Result r = cli().runRaw("config");

    assertThat(r.code()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err()).isEqualTo("invitriage: config.properties:3: 'theme' is set twice (first on line 1)\n");
  }

  @Test
  void aBadEnvironmentVariableIsNamed() {
    CliRunner cli = cli();
    cli.env.put("INVITRIAGE_SERVE_MAX_SESSIONS", "lots");

    CliRunner.Result r = cli.runRaw("config");

    assertThat(r.code()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err()).startsWith("invitriage: INVITRIAGE_SERVE_MAX_SESSIONS: bad value for 'serve.max-sessions'");
  }
}
