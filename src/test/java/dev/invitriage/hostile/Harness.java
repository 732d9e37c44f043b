package dev.invitriage.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.cli.Cli;
import dev.invitriage.cli.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real command line on a private store, in this JVM or in a child JVM with a small heap. */
final class Harness {
  static final String HEADER =
      "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n";
  static final String OLD_HEADER = "From,To,Sent At,Message,Direction\n";

  /** One finished run. */
  record Result(int code, String out, String err) {
    /** The single stderr line, checked to be exactly one line. */
    String errorLine() {
      assertThat(err).as("stderr is one line: %s", err).endsWith("\n");
      assertThat(err.strip()).as("stderr is one line: %s", err).doesNotContain("\n");
      return err.strip();
    }
  }

  final Path home;
  final Path db;
  final Map<String, String> env = new HashMap<>();
  boolean terminal;
  String stdin = "";

  Harness(Path home) {
    this.home = home;
    this.db = home.resolve("inbox.db");
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    env.put("XDG_DATA_HOME", home.resolve("data").toString());
    env.put("COLUMNS", "120");
  }

  /** {@code invitriage --db <store> ARGS...} in this JVM. */
  Result run(String... args) {
    List<String> all = new ArrayList<>(List.of("--db", db.toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Context ctx =
        new Context(
            env,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            terminal,
            0,
            Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
    int code = Cli.run(ctx, new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }

  Result ok(String... args) {
    Result r = run(args);
    assertThat(r.code()).as("exit code of %s; stderr: %s", List.of(args), r.err()).isZero();
    return r;
  }

  /** Everything the store holds, as the CLI shows it: the whole inbox as JSON, and the clients. */
  String contents() {
    return ok("list", "--format", "json", "--direction", "all").out()
        + ok("client", "list").out()
        + ok("stats").out();
  }

  static Path write(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  static String row(String from, String date, String message) {
    return from + ",Pat User,\"" + date + "\"," + message + ",INCOMING,https://www.linkedin.com/in/"
        + Math.abs(from.hashCode()) + ",https://www.linkedin.com/in/pat\n";
  }

  // ------------------------------------------------------------------ child JVM

  /** The test classpath Maven wrote in generate-test-resources (execution "test-classpath"). */
  static String childClasspath() throws IOException {
    Path deps = Path.of("target", "test-classpath.txt");
    assertThat(deps).as("run through Maven, which writes %s", deps).exists();
    return Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
        + Files.readString(deps).strip();
  }

  /** A finished child JVM run and the largest heap in use after any GC, in MB. */
  record ChildResult(int code, String out, String err, long peakAfterGcMb) {}

  /**
   * Runs {@code java -Xmx<heap> dev.invitriage.cli.Main --db <store> ARGS...} and measures the
   * heap still in use after each garbage collection (from the GC log).
   */
  ChildResult runChild(String heap, long timeoutSeconds, String... args)
      throws IOException, InterruptedException {
    Path gcLog = home.resolve("gc-" + System.nanoTime() + ".log");
    Path out = home.resolve("child.out");
    Path err = home.resolve("child.err");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap,
        "-XX:+UseSerialGC",
        "-Xlog:gc:file=" + gcLog,
        "-Djava.awt.headless=true",
        "-cp", childClasspath(),
        "dev.invitriage.cli.Main",
        "--db", db.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("child JVM did not finish in " + timeoutSeconds + " s: " + cmd);
    }
    return new ChildResult(p.exitValue(), Files.readString(out), Files.readString(err), peakAfterGc(gcLog));
  }

  /** Largest "after" figure of "123M->45M(128M)" in a unified GC log. */
  static long peakAfterGc(Path gcLog) throws IOException {
    long peak = 0;
    var m = java.util.regex.Pattern.compile("(\\d+)M->(\\d+)M").matcher(Files.readString(gcLog));
    while (m.find()) {
      peak = Math.max(peak, Long.parseLong(m.group(2)));
    }
    return peak;
  }
}
