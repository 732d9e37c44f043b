package dev.invitriage.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the real command line, as {@code main} does, with captured output and a private home. */
final class CliRunner {
  /** One finished run. */
  record Result(int code, String out, String err) {}

  private final Path home;
  private final Path db;
  final Map<String, String> env = new HashMap<>();
  boolean terminal;
  String stdin = "";

  CliRunner(Path home) {
    this.home = home;
    this.db = home.resolve("inbox.db");
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    env.put("XDG_DATA_HOME", home.resolve("data").toString());
    env.put("COLUMNS", "120");
  }

  Path db() {
    return db;
  }

  Path home() {
    return home;
  }

  /** Runs {@code invitriage --db <temp store> ARGS...}. */
  Result run(String... args) {
    List<String> all = new ArrayList<>(List.of("--db", db.toString()));
    all.addAll(List.of(args));
    return runRaw(all.toArray(String[]::new));
  }

  /** Runs exactly the given arguments. */
  Result runRaw(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Context ctx = new Context(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal, 0,
        Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
    int code = Cli.run(ctx, new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }
}
