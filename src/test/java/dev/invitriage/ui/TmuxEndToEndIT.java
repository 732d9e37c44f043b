package dev.invitriage.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar in a real terminal: tmux runs {@code invitriage} with TERM=xterm-256color, keys go
 * in with {@code send-keys}, the screen comes back with {@code capture-pane}. Runs under failsafe,
 * after {@code package} built {@code target/invitriage.jar}.
 */
class TmuxEndToEndIT {
  static final Path JAR = Path.of("target/invitriage.jar").toAbsolutePath();

  @TempDir Path dir;
  String session;
  Path db;

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue(run(List.of("sh", "-c", "command -v tmux")).code == 0, "tmux is not installed");
    assertThat(JAR).as("run mvn package first").exists();
    session = "invitriage-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    db = dir.resolve("inbox.db");
    Result imported = cli("import", Path.of("sample-data").toAbsolutePath().toString());
    assertThat(imported.code).as(imported.out).isZero();
    assertThat(cli("client", "import", Path.of("sample-data/clients.csv").toAbsolutePath().toString()).code).isZero();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (session != null) {
      run(List.of("tmux", "kill-session", "-t", session));
    }
  }

  record Result(int code, String out) {}

  static Result run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd);
    }
    return new Result(p.exitValue(), out);
  }

  List<String> env() {
    return List.of("env", "-u", "NO_COLOR", "TERM=xterm-256color", "HOME=" + dir,
        "XDG_CONFIG_HOME=" + dir.resolve("config"), "XDG_DATA_HOME=" + dir.resolve("data"),
        "BROWSER=" + dir.resolve("browser"));
  }

  Result cli(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(env());
    cmd.addAll(List.of("java", "-Djava.awt.headless=true", "-jar", JAR.toString(), "--db", db.toString()));
    cmd.addAll(List.of(args));
    return run(cmd);
  }

  String capture(boolean escapes) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("tmux", "capture-pane", "-p", "-t", session));
    if (escapes) {
      cmd.add("-e");
    }
    return run(cmd).out;
  }

  String waitFor(String what, Predicate<String> condition) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    String screen = "";
    while (System.currentTimeMillis() < deadline) {
      screen = capture(false);
      if (condition.test(screen)) {
        return screen;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out waiting for " + what + "; screen:\n" + screen);
  }

  void send(String... keys) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("tmux", "send-keys", "-t", session));
    cmd.addAll(List.of(keys));
    assertThat(run(cmd).code).isZero();
  }

  @Test
  void acceptAndIgnoreByKeysInTmuxAreStored() throws Exception {
    String command = String.join(" ", env().stream().map(TmuxEndToEndIT::quote).toList())
        + " java -Djava.awt.headless=true -jar " + quote(JAR.toString()) + " --db " + quote(db.toString());
    Result started = run(List.of("tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", command));
    assertThat(started.code).as(started.out).isZero();
    waitFor("the inbox", s -> s.contains("Pending 1/56"));

    // The first row is an offender: its line carries SGR red (31, or 38;5;1) from the dark theme.
    String coloured = capture(true);
    String offenderLine = coloured.lines().filter(l -> l.contains("Dana Whitfield")).findFirst().orElseThrow();
    String jurgenLine = coloured.lines().filter(l -> l.contains("Weiß")).findFirst().orElseThrow();
    assertThat(offenderLine).contains("EMPTY");
    assertThat(jurgenLine).containsPattern("\u001b\\[[0-9;]*(31|38;5;1)[;m]");

    send("a");
    waitFor("the accept", s -> s.contains("Pending 1/55"));
    send("x");
    waitFor("the ignore", s -> s.contains("Pending 1/54"));

    // A note, in the framed editor: typed, saved with Ctrl-s.
    send("n");
    waitFor("the note editor", s -> s.contains("Note: Aiko Tanaka") && s.contains("Ctrl-s save"));
    send("-l", "met at the Kafka summit");
    send("C-s");
    waitFor("the saved note", s -> !s.contains("Ctrl-s save") && s.contains("note: met at the Kafka summit"));

    // The client screen, and back.
    send("C");
    waitFor("the client screen", s -> s.contains("Clients (5)") && s.contains("Company"));
    send("Escape");
    waitFor("the inbox again", s -> s.contains("Pending 1/54"));

    // o hands the profile's address to $BROWSER, which records it; the screen stays as it was.
    Path browser = dir.resolve("browser");
    Path opened = dir.resolve("opened.txt");
    Files.writeString(browser, "#!/bin/sh\nprintf '%s\\n' \"$@\" > " + quote(opened.toString()) + "\n");
    assertThat(browser.toFile().setExecutable(true)).isTrue();
    send("o");
    waitFor("the status line", s -> s.contains("opening https://www.linkedin.com/in/aiko-tanaka"));
    long waited = System.currentTimeMillis() + 20_000;
    while (!Files.exists(opened) && System.currentTimeMillis() < waited) {
      Thread.sleep(50);
    }
    assertThat(Files.readAllLines(opened)).containsExactly("https://www.linkedin.com/in/aiko-tanaka");
    assertThat(capture(false)).contains("Pending 1/54", "Aiko Tanaka");
    send("q");
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline && run(List.of("tmux", "has-session", "-t", session)).code == 0) {
      Thread.sleep(100);
    }

    Result list = cli("list", "--format", "json", "--direction", "all");
    assertThat(list.code).as(list.out).isZero();
    JsonNode all = new ObjectMapper().readTree(list.out);
    String dana = null;
    String jurgen = null;
    for (JsonNode n : all) {
      if (n.get("from_name").asText().equals("Dana Whitfield")) {
        dana = n.get("decision").asText();
      }
      if (n.get("from_name").asText().equals("Jürgen Weiß")) {
        jurgen = n.get("decision").asText();
      }
    }
    assertThat(dana).isEqualTo("accept");
    assertThat(jurgen).isEqualTo("ignore");
    for (JsonNode n : all) {
      if (n.get("from_name").asText().equals("Aiko Tanaka")) {
        assertThat(n.get("note").asText()).isEqualTo("met at the Kafka summit");
      }
    }
  }

  /**
   * An Esc typed just before a resize once left "terminal too small" on a blank screen until the
   * next resize, while keys went on acting unseen: Lanterna read the size by a cursor-position
   * report mixed into the key input. The size now comes from the tty (see TtyTerminal).
   */
  @Test
  void escRightBeforeAResizeStillRedrawsAtTheNewSize() throws Exception {
    String command = String.join(" ", env().stream().map(TmuxEndToEndIT::quote).toList())
        + " java -Djava.awt.headless=true -jar " + quote(JAR.toString()) + " --db " + quote(db.toString());
    assertThat(run(List.of("tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", command)).code).isZero();
    waitFor("the inbox", s -> s.contains("Pending 1/56"));
    for (int[] size : new int[][] {{120, 35}, {80, 24}, {100, 30}}) {
      send("Escape");
      assertThat(run(List.of("tmux", "resize-window", "-t", session, "-x", String.valueOf(size[0]), "-y",
          String.valueOf(size[1]))).code).isZero();
      // Drawn at the new width: the status line ends with the help hint in its last columns.
      String screen = waitFor("the inbox at " + size[0] + "x" + size[1], s -> s.contains("Pending 1/56")
          && s.lines().anyMatch(l -> l.endsWith("? help") && l.length() == size[0] - 1));
      assertThat(screen).doesNotContain("too small");
    }
    // Past the input decoder's wait after Esc (an Esc then a key at once is Alt and the key).
    Thread.sleep(600);
    send("j");
    waitFor("the next row", s -> s.contains("Pending 2/56"));
  }

  /**
   * The inbox sets the tty's modes in one run of stty and puts back exactly what it found in
   * another (see TtyTerminal): after quitting, stty -g says what it said before, and while it ran
   * a typed key was neither echoed nor held back until Enter.
   */
  @Test
  void quittingPutsTheTerminalsModesBackAsTheyWere() throws Exception {
    Path before = dir.resolve("stty-before");
    Path after = dir.resolve("stty-after");
    String command = "stty -g > " + quote(before.toString()) + "; "
        + String.join(" ", env().stream().map(TmuxEndToEndIT::quote).toList())
        + " java -Djava.awt.headless=true -jar " + quote(JAR.toString()) + " --db " + quote(db.toString())
        + "; stty -g > " + quote(after.toString()) + "; sleep 30";
    assertThat(run(List.of("tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", command)).code).isZero();
    waitFor("the inbox", s -> s.contains("Pending 1/56"));
    send("j"); // one key, no Enter: acted on at once
    waitFor("the next row", s -> s.contains("Pending 2/56"));
    send("q");
    long deadline = System.currentTimeMillis() + 20_000;
    while ((!Files.exists(after) || Files.size(after) == 0) && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertThat(Files.readString(after)).isNotBlank().isEqualTo(Files.readString(before));
  }

  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
