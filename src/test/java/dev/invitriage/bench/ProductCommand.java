package dev.invitriage.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How {@link Bench} runs invitriage and its own child JVMs: as the installed command runs (`make
 * install`, the launcher's settings and class-data archive), else as {@code java -jar} does.
 */
final class ProductCommand {
  /** The installed command, or null to run the jar with the JVM's defaults. */
  private final Path launcher;
  private final Path jar;
  private final String javaBin;
  private final Map<String, String> env;
  /** The installed jar, as the launcher runs it (set by {@link #jvmFlags}). */
  private Path installedJar;

  ProductCommand(Path launcher, Path jar, String javaBin, Map<String, String> env) {
    this.launcher = launcher == null ? null : launcher.toAbsolutePath();
    this.jar = jar;
    this.javaBin = javaBin;
    this.env = env;
  }

  /** The command line that runs invitriage with {@code args}: the installed command, else the jar. */
  List<String> invitriage(String... args) {
    List<String> command = new ArrayList<>();
    if (launcher != null) {
      command.add(launcher.toString());
    } else {
      command.addAll(List.of(javaBin, "-jar", jar.toString()));
    }
    command.addAll(List.of(args));
    return command;
  }

  /**
   * The JVM settings the launcher gives {@code command} (none without a launcher), as it prints
   * them with INVITRIAGE_SHOW_COMMAND, its class-data archive among them: a child whose class path
   * starts with the installed jar ({@link #classPath}) can use it, as the product does.
   */
  List<String> jvmFlags(String command) {
    if (launcher == null) {
      return List.of();
    }
    try {
      ProcessBuilder pb = new ProcessBuilder(launcher.toString(), command);
      pb.environment().putAll(env);
      pb.environment().put("INVITRIAGE_SHOW_COMMAND", "1");
      pb.redirectErrorStream(true);
      Process p = pb.start();
      List<String> words = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException("launcher failed: " + words);
      }
      installedJar = Path.of(words.get(words.indexOf("-jar") + 1));
      return List.copyOf(words.subList(1, words.indexOf("-jar")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A child JVM of the bench's own: {@code main} with the settings the launcher gives {@code
   * command}, so that what it measures (a floor, the UI) is measured as the product runs.
   */
  List<String> child(String command, Class<?> main, String... args) {
    List<String> c = new ArrayList<>(List.of(javaBin));
    c.addAll(jvmFlags(command));
    c.addAll(List.of("-cp", classPath(), main.getName()));
    c.addAll(List.of(args));
    return c;
  }

  /**
   * A child's class path: the product's jar, then the bench's classes (the jar first, so the
   * launcher's archive of its classes applies).
   */
  String classPath() {
    try {
      Path classes = Path.of(UiBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (launcher != null) {
        jvmFlags("tui");
        return installedJar + java.io.File.pathSeparator + classes;
      }
      return classes + java.io.File.pathSeparator + jar;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
