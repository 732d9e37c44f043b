package dev.invitriage.hostile;

import static dev.invitriage.hostile.Harness.HEADER;
import static dev.invitriage.hostile.Harness.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitriage.text.TerminalText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that prints untrusted text, fed escape sequences (CSI, OSC 52 clipboard, OSC 8
 * links), C1 controls, BEL, backspace, CR, bidi overrides and zero-width characters: none reaches
 * stdout or stderr raw. Exports to a file or pipe keep the exact bytes: they are data.
 */
class TerminalSafetyTest {
  /** Everything a hostile sender might put in a name, message, note or file name. */
  static final String EVIL =
      "A\u001b]52;c;aGk=\u0007B\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\C\u001b[2J\u001b[31m"
          + "D\u009b31mE\u0007F\bG\rH\u202eI\u2066J\u200bK\u200dL\ufeffM\u0085N\u2028O\u007fP";

  @TempDir Path home;
  Harness cli;
  String id;

  /** No unsafe code point anywhere except the line feeds that end lines. */
  static void assertSafe(String what, String printed) {
    List<String> found = new ArrayList<>();
    printed.codePoints().forEach(cp -> {
      if (cp != '\n' && TerminalText.isUnsafe(cp)) {
        found.add(String.format("U+%04X", cp));
      }
    });
    assertThat(found).as("unsafe code points in %s: %s", what, printed).isEmpty();
  }

  static void assertSafe(String what, Harness.Result r) {
    assertSafe(what + " (stdout)", r.out());
    assertSafe(what + " (stderr)", r.err());
  }

  @BeforeEach
  void hostileInbox() throws IOException {
    cli = new Harness(home);
    cli.env.put("NO_COLOR", "1");
    String cell = "\"" + EVIL.replace("\"", "\"\"") + "\"";
    Path file = write(home, "in/Invitations.csv", HEADER
        + cell + ",Pat," + "\"11/20/26, 8:56 PM\"," + cell + ",INCOMING,\"https://www.linkedin.com/in/evil" + cell.substring(1) + ",\n"
        + "Bo,Pat,\"11/19/26, 8:56 PM\",\"" + EVIL + " I'd like to add you to my professional network on LinkedIn.\",INCOMING,,\n");
    Harness.Result r = cli.run("import", file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertSafe("import", r);
    String json = cli.ok("list", "--format", "json", "--direction", "all").out();
    id = new ObjectMapper().readTree(json).get(0).get("id").asText();
    cli.ok("note", id, EVIL);
    cli.ok("client", "add", "--name", EVIL, "--url", "https://www.linkedin.com/in/" + EVIL, "--company", EVIL, "--note", EVIL);
  }

  @Test
  void listTableShowsStandIns() {
    for (boolean terminal : new boolean[] {false, true}) {
      cli.terminal = terminal;
      Harness.Result r = cli.ok("list", "--direction", "all");
      assertSafe("list", r);
      assertThat(r.out()).contains("\u241b"); // ␛ shows where the ESC was
    }
  }

  @Test
  void listAndExportToATerminalAreSafe() throws IOException {
    cli.terminal = true;
    for (String[] args : new String[][] {
        {"list", "--format", "csv", "--direction", "all"}, {"list", "--format", "json", "--direction", "all"},
        {"export"}, {"export", "--format", "json"}}) {
      Harness.Result r = cli.ok(args);
      assertSafe(String.join(" ", args), r);
      if (List.of(args).contains("json")) {
        // Still valid JSON that means the same data.
        assertThat(new ObjectMapper().readTree(r.out()).toString()).contains("\\u001B]52;c;aGk=");
        assertThat(new ObjectMapper().readTree(r.out()).findValuesAsText("note")).contains(EVIL);
      }
    }
  }

  @Test
  void exportToAPipeOrFileKeepsTheExactBytes() throws IOException {
    cli.terminal = false;
    assertThat(cli.ok("list", "--format", "csv", "--direction", "all").out()).contains(EVIL.replace("\u2028", "\u2028"));
    assertThat(new ObjectMapper().readTree(cli.ok("export", "--format", "json").out()).findValuesAsText("note")).contains(EVIL);
    cli.terminal = true;
    Path out = home.resolve("out" + EVIL.replace("/", "") + ".csv");
    Harness.Result r = cli.ok("export", "-o", out.toString());
    assertSafe("export -o", r);
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains(EVIL);
  }

  @Test
  void statsIsSafe() {
    assertSafe("stats", cli.ok("stats"));
  }

  @Test
  void clientCommandsAreSafe() {
    assertSafe("client list", cli.ok("client", "list"));
    assertSafe("client edit", cli.ok("client", "edit", "1", "--company", "X" + EVIL));
    assertSafe("client remove", cli.ok("client", "remove", "1"));
    assertSafe("undo", cli.ok("undo"));
    assertSafe("redo", cli.ok("redo"));
    assertSafe("undo again", cli.ok("undo"));
    assertSafe("client add", cli.ok("client", "add", "--name", "Z" + EVIL));
    assertSafe("client remove unknown", cli.run("client", "remove", EVIL));
  }

  @Test
  void clientImportNamesTheFileSafely() throws IOException {
    Path file = write(home, "in/c" + EVIL.replace("/", "") + ".csv", "name,profile_url,company,note\n\"" + EVIL.replace("\"", "\"\"") + "\",,,\n");
    assertSafe("client import", cli.run("client", "import", file.toString()));
  }

  @Test
  void notePrintsSafely() {
    Harness.Result r = cli.ok("note", id);
    assertSafe("note", r);
    assertThat(r.out()).contains("\u241b]52;c;aGk=\u2407");
    assertSafe("note set", cli.ok("note", id, "new " + EVIL));
    assertSafe("undo note", cli.ok("undo"));
  }

  @Test
  void classifyIsSafe() {
    // VERDICT<TAB>reason: the one tab is the documented separator; the reason is sanitised.
    assertSafe("classify", cli.ok("classify", EVIL, "--sender", EVIL).out().replaceFirst("\t", " "));
    assertSafe("classify json", cli.ok("classify", EVIL, "--sender", EVIL, "--format", "json"));
    cli.stdin = "Hi " + EVIL + ", I'd like to add you to my professional network on LinkedIn. - " + EVIL;
    assertSafe("classify stdin", cli.ok("classify", "--sender", EVIL).out().replaceFirst("\t", " "));
    assertSafe("classify stdin json", cli.ok("classify", "--sender", EVIL, "--format", "json"));
  }

  @Test
  void phrasesAreSafe() {
    assertSafe("phrases list empty", cli.ok("phrases", "list"));
    // A phrase is one line: the line breaks (CR, NEL, U+2028) are left out.
    assertSafe("phrases add", cli.ok("phrases", "add", "phrase " + EVIL.replaceAll("[\r\u0085\u2028]", "")));
    assertSafe("phrases list", cli.ok("phrases", "list"));
    assertSafe("phrases remove", cli.ok("phrases", "remove", "1"));
    assertSafe("phrases remove unknown", cli.run("phrases", "remove", EVIL));
  }

  @Test
  void errorsQuotingInputAreSafe() throws IOException {
    Path badDate = write(home, "bad/Invitations.csv", HEADER + "Bo,Pat,\"" + EVIL.replace("\"", "\"\"") + "\",,INCOMING,,\n");
    Harness.Result r = cli.run("import", badDate.toString());
    assertThat(r.code()).isEqualTo(65);
    assertSafe("bad date", r);
    assertThat(r.errorLine()).startsWith("invitriage: Invitations.csv:2: field \"Sent At\": cannot read date \"A\\u001b]52;c;aGk=\\u0007B");

    Path evilName = write(home, "bad/x" + EVIL.replace("/", "") + ".csv", "nonsense\n");
    r = cli.run("import", evilName.toString());
    assertThat(r.code()).isEqualTo(65);
    assertSafe("bad file with a hostile name", r);
    r.errorLine();

    Path goodEvilName = write(home, "good/i" + EVIL.replace("/", "") + ".csv", HEADER + "Bo,Pat,\"11/2/26, 9:15 AM\",,INCOMING,,\n");
    assertSafe("import summary with a hostile file name", cli.ok("import", goodEvilName.toString()));

    Path skip = write(home, "skip/Invitations.csv", HEADER + "Bo,Pat,\"" + EVIL.replace("\"", "\"\"") + "\",,INCOMING,,\n");
    assertSafe("--skip-bad report", cli.ok("import", "--skip-bad", skip.toString()));

    assertSafe("missing file", cli.run("import", home.resolve(EVIL.replace("/", "")).toString()));
    r = cli.run("decide", id, "acc" + EVIL);
    assertThat(r.code()).isEqualTo(2);
    assertSafe("unknown decision", r);
    assertSafe("bad id prefix", cli.run("decide", "ab" + EVIL, "accept"));
    assertSafe("bad id for note", cli.run("note", EVIL));
    assertSafe("unknown option", cli.run("list", "--" + EVIL));
    assertSafe("bad enum", cli.run("list", "--format", EVIL));
    assertSafe("unknown subcommand", cli.run(EVIL));
    assertSafe("list --search", cli.ok("list", "--search", EVIL));
  }
}
