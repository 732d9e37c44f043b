package dev.invitriage.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import dev.invitriage.cli.Cli;
import dev.invitriage.cli.Context;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.InvitriageException;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keys.properties and theme files: overrides work, and bad files are one clear line. */
class UiSettingsTest {
  @TempDir Path dir;

  Map<String, String> env() {
    return Map.of("HOME", dir.toString(), "XDG_CONFIG_HOME", dir.resolve("config").toString());
  }

  Path keysFile(String text) throws Exception {
    Path f = dir.resolve("config/invitriage/keys.properties");
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return f;
  }

  @Test
  void keysPropertiesRebindsAnActionAndTakesTheKeyFromItsDefault() throws Exception {
    keysFile("# mine\naccept = A, Ctrl-a\nignore = a\n");
    KeyMap keys = UiSettings.load(env(), null, dir, UiDriver.CLOCK).keys();
    assertThat(keys.actions(new KeyStroke('A', false, false))).containsExactly(Action.ACCEPT);
    assertThat(keys.actions(new KeyStroke('a', true, false))).containsExactly(Action.ACCEPT);
    assertThat(keys.actions(new KeyStroke('a', false, false))).containsExactly(Action.IGNORE);
    assertThat(keys.actions(new KeyStroke('x', false, false))).isEmpty();
  }

  @Test
  void reboundKeysDriveTheUiAndShowInHelp() throws Exception {
    keysFile("accept = A\n");
    Path store = dir.resolve("inbox.db");
    UiDriver.importSample(store);
    UiSettings settings = UiSettings.load(env(), null, dir, UiDriver.CLOCK);
    try (UiDriver ui = new UiDriver(store, 80, 24).start(settings)) {
      ui.waitFor("Pending 1/56");
      ui.type("a").waitFor("key a does nothing here");
      ui.type("A").waitFor("Pending 1/55");
      ui.type("?").waitUntil("help lists A for accept", s -> s.lines().anyMatch(l -> l.matches(".* A +accept .*")));
      ui.type(" ").quit();
      assertThat(ui.entryNamed("Dana Whitfield").decision()).isEqualTo(Decision.ACCEPT);
    }
  }

  @Test
  void anUnknownActionIsReportedWithFileAndLine() throws Exception {
    keysFile("# keys\n\nacept = a\n");
    assertThatThrownBy(() -> UiSettings.load(env(), null, dir, UiDriver.CLOCK))
        .isInstanceOf(InvitriageException.class)
        .hasMessage("keys.properties:3: unknown action 'acept'")
        .extracting(e -> ((InvitriageException) e).kind()).isEqualTo(InvitriageException.Kind.BAD_INPUT);
  }

  @Test
  void anUnknownKeyIsReportedWithFileAndLine() throws Exception {
    keysFile("accept = Hyper-a\n");
    assertThatThrownBy(() -> UiSettings.load(env(), null, dir, UiDriver.CLOCK))
        .hasMessageStartingWith("keys.properties:1: unknown key 'Hyper-a'");
  }

  @Test
  void theTuiCommandReportsABadKeysFileBeforeOpeningTheScreen() throws Exception {
    keysFile("acept = a\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Context ctx = new Context(env(), new ByteArrayInputStream(new byte[0]), false, 0, UiDriver.CLOCK);
    int code = Cli.run(ctx, new PrintWriter(out), new PrintWriter(err), "--db", dir.resolve("x.db").toString(), "tui");
    assertThat(code).isEqualTo(65);
    assertThat(err.toString()).isEqualTo("invitriage: keys.properties:1: unknown action 'acept'\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aBadThemeFileNamesFileLineAndProblem() throws Exception {
    Path theme = dir.resolve("bad.properties");
    Files.writeString(theme, "# mine\nlist.offender = fg=redd\n");
    assertThatThrownBy(() -> Theme.load(theme.toString()))
        .isInstanceOf(InvitriageException.class)
        .hasMessageStartingWith("bad.properties:2: unknown colour 'redd'");
    StringWriter err = new StringWriter();
    Context ctx = new Context(env(), new ByteArrayInputStream(new byte[0]), false, 0, UiDriver.CLOCK);
    int code = Cli.run(ctx, new PrintWriter(new StringWriter()), new PrintWriter(err),
        "--db", dir.resolve("x.db").toString(), "--theme", theme.toString());
    assertThat(code).isEqualTo(65);
    assertThat(err.toString()).startsWith("invitriage: bad.properties:2: unknown colour 'redd'").hasLineCount(1);
  }

  @Test
  void anUnknownThemeElementIsRefused() {
    assertThatThrownBy(() -> Theme.parse("t.properties", "list.ofender = fg=red\n"))
        .hasMessage("t.properties:1: unknown element 'list.ofender'");
  }

  @Test
  void themeColoursParseNamesHexAndIndexes() {
    Theme t = Theme.parse("t.properties", "status = fg=#ff8000 bg=236 style=bold,underline\nheader = fg=bright_red\n");
    assertThat(t.style("status").fg()).isEqualTo(new TextColor.RGB(255, 128, 0));
    assertThat(t.style("status").bg()).isEqualTo(new TextColor.Indexed(236));
    assertThat(t.style("header").fg()).isEqualTo(TextColor.ANSI.RED_BRIGHT);
  }

  @Test
  void themeColoursAndLinesAreReadStrictly() {
    Theme t = Theme.parse("t.properties", "\r\n# a comment\r\nstatus =\tfg=#ABCdef   bg=007\r\nheader = style=none\r");
    assertThat(t.name()).isEqualTo("t");
    assertThat(t.style("status").fg()).isEqualTo(new TextColor.RGB(0xab, 0xcd, 0xef));
    assertThat(t.style("status").bg()).isEqualTo(new TextColor.Indexed(7));
    assertThat(t.style("header").sgr()).isEmpty();
    for (String colour : new String[] {"256", "1234", "#ff80", "#ff800g", "\u0663", "#\uff10\uff10\uff10\uff10\uff10\uff10", ""}) {
      assertThatThrownBy(() -> Theme.parse("t.properties", "status = fg=" + colour + "\n"))
          .as("colour '%s'", colour).hasMessageStartingWith("t.properties:1: ");
    }
    assertThatThrownBy(() -> Theme.parse("t.properties", "\n\nstatus = fg=red  bold\n"))
        .hasMessage("t.properties:3: expected key=value, got 'bold'");
    // Only ASCII white space separates (as the regular expression \s did): an em space does not.
    assertThatThrownBy(() -> Theme.parse("t.properties", "status = fg=red\u2003bg=blue\n"))
        .hasMessageStartingWith("t.properties:1: unknown colour");
  }

  @Test
  void everyBundledColourThemeDrawsOffendersRed() {
    for (String name : new String[] {"dark", "light"}) {
      Theme t = Theme.bundled(name);
      assertThat(t.style("list.offender").fg()).as(name).isEqualTo(TextColor.ANSI.RED);
      assertThat(t.style("list.offender.selected").fg()).as(name).isEqualTo(TextColor.ANSI.RED);
      assertThat(t.style("list.client").fg()).as(name).isNotEqualTo(TextColor.ANSI.RED);
    }
  }

  @Test
  void noColorSelectsTheMonoTheme() {
    Map<String, String> env = Map.of("HOME", dir.toString(), "NO_COLOR", "1");
    assertThat(UiSettings.load(env, "dark", dir, UiDriver.CLOCK).theme().name()).isEqualTo("mono");
  }
}
