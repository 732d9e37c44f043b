package dev.invitriage.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar serving, the real OpenSSH client connecting from inside tmux: the inbox is drawn,
 * a key decides, the decision is read back over ssh exec, and a restarted server still has the
 * same host key. Runs under failsafe, after {@code package} built {@code target/invitriage.jar}.
 */
class TmuxSshIT {
  static final Path JAR = Path.of("target/invitriage.jar").toAbsolutePath();

  @TempDir Path dir;
  String session;
  Process server;
  int port;
  Path key;
  Path knownHosts;

  record Result(int code, String out) {}

  @BeforeEach
  void setUp() throws Exception {
    for (String tool : List.of("ssh", "ssh-keygen", "tmux")) {
      assumeTrue(run(List.of("sh", "-c", "command -v " + tool)).code == 0, tool + " is not installed");
    }
    assertThat(JAR).as("run mvn package first").exists();
    session = "invitriage-ssh-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    key = dir.resolve("id_ed25519");
    knownHosts = dir.resolve("known_hosts");
    assertThat(run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "pat laptop", "-f", key.toString())).code).isZero();
    Path authorized = dir.resolve("config/invitriage/authorized_keys");
    Files.createDirectories(authorized.getParent());
    Files.copy(dir.resolve("id_ed25519.pub"), authorized);
    Files.setPosixFilePermissions(authorized, PosixFilePermissions.fromString("rw-------"));
    assertThat(cli("import", Path.of("sample-data").toAbsolutePath().toString()).code).isZero();
    assertThat(cli("client", "import", Path.of("sample-data/clients.csv").toAbsolutePath().toString()).code).isZero();
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    if (session != null) {
      run(List.of("tmux", "kill-session", "-t", session));
    }
    if (server != null && server.isAlive()) {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  List<String> env() {
    return List.of("env", "-u", "NO_COLOR", "TERM=xterm-256color", "HOME=" + dir,
        "XDG_CONFIG_HOME=" + dir.resolve("config"), "XDG_DATA_HOME=" + dir.resolve("data"));
  }

  Result cli(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(env());
    cmd.addAll(List.of("java", "-Djava.awt.headless=true", "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    return run(cmd);
  }

  static Result run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd);
    }
    return new Result(p.exitValue(), out);
  }

  /** Starts {@code invitriage serve} and waits until it says where it listens. */
  void startServer() throws Exception {
    List<String> cmd = new ArrayList<>(env());
    cmd.addAll(List.of("java", "-Djava.awt.headless=true", "-jar", JAR.toString(), "serve", "--listen", "127.0.0.1:" + port));
    Path out = dir.resolve("serve.out");
    server = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(dir.resolve("serve.err").toFile()).start();
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      if (Files.exists(out) && Files.readString(out).contains("connect with:")) {
        assertThat(Files.readString(out)).contains("127.0.0.1:" + port).containsPattern("host key 256 SHA256:\\S{43} \\(ED25519\\)");
        return;
      }
      assertThat(server.isAlive()).as("server exited: " + Files.readString(dir.resolve("serve.err"))).isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("the server did not start: " + Files.readString(dir.resolve("serve.err")));
  }

  /** Stops the server as an operator would (SIGTERM) and checks it ended cleanly. */
  void stopServer() throws Exception {
    server.destroy();
    assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(server.exitValue()).as(Files.readString(dir.resolve("serve.err"))).isZero();
    assertThat(Files.readString(dir.resolve("serve.err"))).contains("stopped; the store is closed");
  }

  List<String> ssh(String strictHostKeys, boolean tty) {
    List<String> cmd = new ArrayList<>(List.of("ssh"));
    if (tty) {
      cmd.add("-tt");
    }
    cmd.addAll(List.of("-p", String.valueOf(port), "-i", key.toString(), "-o", "UserKnownHostsFile=" + knownHosts,
        "-o", "StrictHostKeyChecking=" + strictHostKeys, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
        "-o", "LogLevel=ERROR", "localhost"));
    return cmd;
  }

  Result exec(String strictHostKeys, String... command) throws Exception {
    List<String> cmd = ssh(strictHostKeys, false);
    cmd.addAll(List.of(command));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }

  String capture() throws Exception {
    return run(List.of("tmux", "capture-pane", "-p", "-t", session)).out;
  }

  String waitFor(String what, Predicate<String> condition) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    String screen = "";
    while (System.currentTimeMillis() < deadline) {
      screen = capture();
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
  void triageOverOpenSshThenReadTheDecisionBackAfterARestart() throws Exception {
    startServer();
    String command = String.join(" ", ssh("accept-new", true).stream().map(TmuxSshIT::quote).toList());
    Result started = run(List.of("tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30",
        "env TERM=xterm-256color " + command));
    assertThat(started.code).as(started.out).isZero();
    String screen = waitFor("the inbox over ssh", s -> s.contains("Pending 1/56"));
    assertThat(screen).contains("pat laptop · ? help").contains("Dana Whitfield");

    // Dana Whitfield, the first row, is an offender (no message): ignore her by key.
    send("x");
    waitFor("the ignore", s -> s.contains("Pending 1/55"));
    send("q");
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline && run(List.of("tmux", "has-session", "-t", session)).code == 0) {
      Thread.sleep(100);
    }

    // The server holds the store, so the decision is read back through it.
    Result list = exec("yes", "list", "--format", "json", "--direction", "all");
    assertThat(list.code).as(list.out).isZero();
    String dana = null;
    for (JsonNode n : new ObjectMapper().readTree(list.out)) {
      if (n.get("from_name").asText().equals("Dana Whitfield")) {
        dana = n.get("decision").asText();
      }
    }
    assertThat(dana).isEqualTo("ignore");
    assertThat(Files.readString(dir.resolve("serve.err")))
        .containsPattern("session 1 end: pat laptop, 1 decision in \\d+m\\d+s\\n");

    stopServer();
    startServer();
    // StrictHostKeyChecking=yes: a new host key would make ssh refuse to connect.
    Result csv = exec("yes", "export", "--format", "csv");
    assertThat(csv.code).as(csv.out).isZero();
    assertThat(csv.out).startsWith("id,direction,");
    assertThat(csv.out.lines().filter(l -> l.contains("Dana Whitfield")).findFirst().orElseThrow()).contains(",ignore,");
    stopServer();
  }

  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
