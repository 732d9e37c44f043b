package dev.invitriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code make install} into a temporary PREFIX, then the installed command as a user runs it:
 * the launcher, its class-data archive, the manual page and the bash completion.
 */
class InstallIT {
  @TempDir static Path home;
  static Path prefix;
  static Path cache;

  @BeforeAll
  static void install() throws Exception {
    prefix = home.resolve("prefix");
    cache = home.resolve("cache");
    Result r = run(env(), List.of("make", "-s", "install", "PREFIX=" + prefix), Path.of("."));
    assertThat(r.code).as(r.all()).isZero();
  }

  /** The environment of a user whose XDG directories are all under the temporary home. */
  static Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("HOME", home.toString());
    env.put("XDG_CACHE_HOME", cache.toString());
    env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    env.put("XDG_DATA_HOME", home.resolve("data").toString());
    return env;
  }

  @Test
  void installsTheCommandItsJarThemesManualAndCompletionsUnderPrefixOnly() {
    for (String file : List.of("bin/invitriage", "share/invitriage/invitriage.jar",
        "share/invitriage/themes/dark.properties", "share/man/man1/invitriage.1",
        "share/bash-completion/completions/invitriage", "share/zsh/site-functions/_invitriage")) {
      assertThat(prefix.resolve(file)).as(file).isRegularFile();
    }
    assertThat(Files.isExecutable(prefix.resolve("bin/invitriage"))).isTrue();
    // Besides PREFIX, only the cache the launcher keeps (its archive) was written.
    assertThat(home.resolve("data")).doesNotExist();
    assertThat(home.resolve("config")).doesNotExist();
  }

  @Test
  void theInstalledCommandImportsAndLists() throws Exception {
    Path db = home.resolve("imported.db");
    Result imported = invitriage(env(), "import", "--db", db.toString(), Path.of("sample-data").toAbsolutePath().toString());
    assertThat(imported.code).as(imported.all()).isZero();
    assertThat(imported.out).contains("imported");

    Result stats = invitriage(env(), "stats", "--db", db.toString());
    assertThat(stats.code).as(stats.all()).isZero();
    assertThat(stats.out).contains("invitations").contains("offenders");

    Result list = invitriage(env(), "list", "--db", db.toString(), "--format", "csv");
    assertThat(list.code).as(list.all()).isZero();
    assertThat(list.out.lines().count()).isGreaterThan(10);

    Result version = invitriage(env(), "--version");
    assertThat(version.out.strip()).startsWith("invitriage ");
  }

  @Test
  void passesInvitriageJavaOptsAndRunsTheSerialCollector() throws Exception {
    Map<String, String> env = env();
    env.put("INVITRIAGE_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
    Result r = invitriage(env, "stats", "--db", home.resolve("flags.db").toString());
    assertThat(r.code).as(r.all()).isZero();
    assertThat(r.out).contains("-XX:+UseSerialGC");
  }

  /** The inbox and the server get a small young generation; a short command needs none. */
  @Test
  void theInboxAndTheServerRunWithASmallYoungGeneration() throws Exception {
    Map<String, String> env = env();
    env.put("INVITRIAGE_SHOW_COMMAND", "1");
    assertThat(invitriage(env, "tui").out.lines()).contains("-Xmn48m");
    assertThat(invitriage(env, "--db", "x.db").out.lines()).contains("-Xmn48m");
    assertThat(invitriage(env, "serve").out.lines()).contains("-Xmn48m");
    assertThat(invitriage(env, "stats").out.lines()).doesNotContain("-Xmn48m").contains("-XX:TieredStopAtLevel=1");
  }

  /**
   * Huge pages for the heap where the kernel gives them on request, and only there: elsewhere
   * the JVM would warn on every run, or the kernel gives them anyway.
   */
  @Test
  void theHeapAsksForHugePagesOnlyWhereTheKernelGivesThemOnRequest() throws Exception {
    Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    boolean onRequest = Files.isReadable(setting) && Files.readString(setting).contains("[madvise]");
    Map<String, String> env = env();
    env.put("INVITRIAGE_SHOW_COMMAND", "1");
    for (String command : List.of("stats", "tui", "import", "export")) {
      assertThat(invitriage(env, command).out.lines().anyMatch("-XX:+UseTransparentHugePages"::equals))
          .as(command).isEqualTo(onRequest);
    }
    Result version = invitriage(env(), "--version");
    assertThat(version.out).startsWith("invitriage ");
    assertThat(version.err).as("no warning from the JVM").isEmpty();
  }

  /** Making an archive removes those of other jars or JVMs untouched for a month; recent ones stay. */
  @Test
  void makingAnArchiveRemovesStaleOnesOfOtherJars() throws Exception {
    Map<String, String> env = env();
    Path own = home.resolve("cache-pruned");
    env.put("XDG_CACHE_HOME", own.toString());
    Path dir = own.resolve("invitriage");
    Files.createDirectories(dir);
    Path stale = dir.resolve("invitriage-1-2-short.jsa");
    Path staleSize = dir.resolve("invitriage-1-2-short.jsa.size");
    Path recent = dir.resolve("invitriage-3-4-full.jsa");
    for (Path p : List.of(stale, staleSize, recent)) {
      Files.writeString(p, "an archive of another jar");
    }
    FileTime monthsAgo = FileTime.from(Instant.now().minus(Duration.ofDays(40)));
    Files.setLastModifiedTime(stale, monthsAgo);
    Files.setLastModifiedTime(staleSize, monthsAgo);

    Result r = invitriage(env, "--make-archive");

    assertThat(r.code).as(r.all()).isZero();
    assertThat(stale).doesNotExist();
    assertThat(staleSize).doesNotExist();
    assertThat(recent).exists();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).as("this jar's own archive")
          .anyMatch(n -> n.endsWith("-short.jsa") || n.endsWith("-short.aot"));
    }
  }

  /**
   * Before Java 25 the archive's training runs without the JIT: a method queued for compiling when
   * a dynamic archive is written stays marked so in it, and no run using the archive compiles it
   * (JDK-8306460). A java that records how it was started stands in for the real one.
   */
  @Test
  void theClassDataArchiveIsTrainedWithoutTheJitBeforeJava25() throws Exception {
    Path javaHome = Path.of(System.getProperty("java.home"));
    Path recording = home.resolve("recording-jdk");
    Files.createDirectories(recording.resolve("bin"));
    Files.copy(javaHome.resolve("release"), recording.resolve("release"), StandardCopyOption.REPLACE_EXISTING);
    Path calls = home.resolve("java-calls.txt");
    Path fake = recording.resolve("bin/java");
    // Training runs are recorded and fail at once (the launcher then makes no archive, quietly).
    Files.writeString(fake, "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n"
        + "case \"$*\" in *Training*) exit 1 ;; esac\n"
        + "exec '" + javaHome.resolve("bin/java") + "' \"$@\"\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> env = env();
    env.put("JAVA_HOME", recording.toString());
    env.put("XDG_CACHE_HOME", home.resolve("cache-recorded").toString());

    Result r = invitriage(env, "--make-archive");

    assertThat(r.code).as(r.all()).isZero();
    List<String> trainings = Files.readAllLines(calls).stream().filter(line -> line.contains("Training")).toList();
    assertThat(trainings).hasSize(3); // short, inbox, full
    if (Runtime.version().feature() < 25) {
      assertThat(trainings).allMatch(line -> line.contains("-Xint") && line.contains("-XX:ArchiveClassesAtExit="));
    } else {
      assertThat(trainings).noneMatch(line -> line.contains("-Xint")); // its AOT cache keeps the training's profiles
    }
  }

  /**
   * Only the commands that run long in a few hot loops get the optimising compiler; the inbox has
   * an archive of its own classes, smaller than the one that also holds the server's.
   */
  @Test
  void importAndTheInboxRunOnTheFirstJitTierAndExportOnBoth() throws Exception {
    Map<String, String> env = env();
    env.put("INVITRIAGE_SHOW_COMMAND", "1");
    assertThat(invitriage(env, "import").out.lines()).contains("-XX:TieredStopAtLevel=1");
    assertThat(invitriage(env, "export").out.lines()).doesNotContain("-XX:TieredStopAtLevel=1")
        .contains("-XX:Tier4InvocationThreshold=50000") // the optimising compiler on the hottest only
        .contains("-XX:MaxInlineLevel=3"); // inlining less deeply there
    assertThat(invitriage(env, "serve").out.lines()).doesNotContain("-XX:TieredStopAtLevel=1")
        .noneMatch(word -> word.startsWith("-XX:Tier4"));
    List<String> inbox = invitriage(env, "--db", "x.db").out.lines().toList();
    assertThat(inbox).contains("-XX:TieredStopAtLevel=1");
    assertThat(inbox).anyMatch(word -> word.matches("-XX:(SharedArchiveFile|AOTCache)=.*-inbox\\.(jsa|aot)"));
    assertThat(invitriage(env, "tui").out.lines()).anyMatch(word -> word.contains("-inbox."));
    assertThat(invitriage(env, "serve").out.lines()).anyMatch(word -> word.contains("-full."));
  }

  @Test
  void withoutAUsableJavaSaysSoInOneLineAndExits69() throws Exception {
    Map<String, String> env = env();
    env.put("JAVA_HOME", home.resolve("no-such-java").toString());
    Result missing = invitriage(env, "stats");
    assertThat(missing.code).isEqualTo(69);
    assertThat(missing.out).isEmpty();
    assertThat(missing.err.strip().lines()).hasSize(1);
    assertThat(missing.err).startsWith("invitriage: needs Java 17 or newer").contains("no-such-java");

    // A Java 11 installation: its release file names the version, the JVM is never started.
    Path old = home.resolve("jdk-11");
    Files.createDirectories(old.resolve("bin"));
    Path fake = old.resolve("bin/java");
    Files.writeString(fake, "#!/bin/sh\necho 'started' >&2\nexit 3\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(old.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"11.0.2\"\n");
    env.put("JAVA_HOME", old.toString());
    Result tooOld = invitriage(env, "stats");
    assertThat(tooOld.code).isEqualTo(69);
    assertThat(tooOld.err.strip().lines()).hasSize(1);
    assertThat(tooOld.err).contains("Java 11.0.2").doesNotContain("started");

    env.remove("JAVA_HOME");
    env.put("PATH", home.resolve("empty-path").toString());
    Result none = invitriage(env, "stats");
    assertThat(none.code).isEqualTo(69);
    assertThat(none.err).contains("found none");
  }

  @Test
  void aDamagedArchiveOnlyCostsSpeed() throws Exception {
    byte[] whole = Files.readAllBytes(archive());
    // Garbage in the middle, the size kept: the JVM would map it without a check.
    byte[] garbled = whole.clone();
    for (int i = whole.length / 2; i < whole.length / 2 + 4096; i++) {
      garbled[i] = (byte) 0xA5;
    }
    damage(garbled);
    assertRunsAndCounts();
    // Cut short: on Java 17 the JVM crashes mapping it.
    damage(java.util.Arrays.copyOf(whole, 1000));
    assertRunsAndCounts();
    // Not an archive at all.
    damage("not an archive".getBytes(StandardCharsets.UTF_8));
    assertRunsAndCounts();
    // And the next runs have a good one again (made anew: not byte for byte the first), and use it.
    Path remade = archive();
    assertThat(Files.size(remade)).isGreaterThan(whole.length / 2);
    Map<String, String> show = env();
    show.put("INVITRIAGE_SHOW_COMMAND", "1");
    assertThat(invitriage(show, "stats").out()).contains(remade.toString());
    assertRunsAndCounts();
  }

  /** Replaces the archive's bytes, once no run is making it. */
  private static void damage(byte[] bytes) throws IOException {
    Path archive = archive();
    archive.toFile().setWritable(true); // the JVM makes it read-only
    Files.write(archive, bytes);
  }

  private static void assertRunsAndCounts() throws Exception {
    Result r = invitriage(env(), "stats", "--db", home.resolve("damaged.db").toString());
    assertThat(r.code).as(r.all()).isZero();
    assertThat(r.out).startsWith("invitations");
    assertThat(r.err).isEmpty();
  }

  @Test
  void theManualPageRendersWithoutWarningsAndHasEverySection() throws Exception {
    Path page = prefix.resolve("share/man/man1/invitriage.1");
    Result groff = run(env(), List.of("groff", "-man", "-Tutf8", "-ww", "-z", page.toString()), home);
    assertThat(groff.code).as(groff.all()).isZero();
    assertThat(groff.err).isEmpty();

    Map<String, String> env = env();
    env.put("MANWIDTH", "80");
    Result man = run(env, List.of("man", "--warnings", "-l", page.toString()), home);
    assertThat(man.code).as(man.all()).isZero();
    assertThat(man.err).isEmpty();
    assertThat(man.out).contains("SYNOPSIS", "COMMANDS", "KEYS", "FILES", "ENVIRONMENT", "EXIT STATUS");
    for (String command : Cli.SUBCOMMANDS.keySet()) {
      assertThat(man.out).contains("invitriage " + command);
    }
    assertThat(man.out).contains("invitriage client add", "invitriage db check", "config.properties");
  }

  @Test
  void bashCompletesCommandsAndOptions() throws Exception {
    Path script = prefix.resolve("share/bash-completion/completions/invitriage");
    assertThat(complete(script, "invitriage", "ex")).containsExactly("export");
    assertThat(complete(script, "invitriage", "list", "--ver")).containsExactly("--verdict");
    assertThat(complete(script, "invitriage", "client", "ed")).containsExactly("edit");
  }

  /** What bash's completion offers for the last word, as a user pressing Tab would get. */
  private static List<String> complete(Path script, String... words) throws Exception {
    String line = String.join(" ", words);
    String program = "source '" + script + "'\n"
        + "COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.length - 1) + "\n"
        + "COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}\n"
        + "_complete_invitriage 2>/dev/null\n"
        + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    Result r = run(env(), List.of("bash", "-c", program), home);
    assertThat(r.code).as(r.all()).isZero();
    return r.out.lines().filter(s -> !s.isBlank()).map(String::strip).toList();
  }

  @Test
  void stagedIntoDestdirTheLauncherPointsAtTheFinalPrefix() throws Exception {
    Path stage = home.resolve("stage");
    Result r = run(env(), List.of("make", "-s", "install", "DESTDIR=" + stage, "PREFIX=/opt/invitriage"), Path.of("."));
    assertThat(r.code).as(r.all()).isZero();
    Path launcher = stage.resolve("opt/invitriage/bin/invitriage");
    assertThat(Files.readString(launcher)).contains("share_dir='/opt/invitriage/share/invitriage'");
    assertThat(stage.resolve("opt/invitriage/share/invitriage/invitriage.jar")).isRegularFile();

    Result u = run(env(), List.of("make", "-s", "uninstall", "DESTDIR=" + stage, "PREFIX=/opt/invitriage"), Path.of("."));
    assertThat(u.code).as(u.all()).isZero();
    try (Stream<Path> left = Files.walk(stage)) {
      assertThat(left.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }

  /**
   * The short commands' archive, once it is made (at install, or again in the background after
   * damage).
   */
  private static Path archive() throws IOException {
    Path dir = cache.resolve("invitriage");
    for (int i = 0; i < 1200; i++) {
      if (!Files.exists(dir.resolve("training.lock"))) {
        try (Stream<Path> files = Files.list(dir)) {
          Path made = files
              // The short commands' archive, the one `stats` uses.
              .filter(p -> p.toString().endsWith("-short.jsa") || p.toString().endsWith("-short.aot"))
              .filter(p -> Files.exists(Path.of(p + ".size")))
              .findFirst().orElse(null);
          if (made != null) {
            return made;
          }
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("no archive made in " + dir);
  }

  private static Result invitriage(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(prefix.resolve("bin/invitriage").toString());
    command.addAll(List.of(args));
    return run(env, command, home);
  }

  record Result(int code, String out, String err) {
    String all() {
      return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  static Result run(Map<String, String> env, List<String> command, Path dir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }
}
