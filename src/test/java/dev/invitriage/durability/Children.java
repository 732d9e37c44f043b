package dev.invitriage.durability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Child JVMs for the crash and fault tests, on the test class path Maven writes. */
final class Children {
  private Children() {}

  /** {@code target/classes:target/test-classes:} and the dependencies from {@code target/test-classpath.txt}. */
  static String classPath() {
    try {
      Path target = Path.of("target").toAbsolutePath();
      String deps = Files.readString(target.resolve("test-classpath.txt")).strip();
      return target.resolve("classes") + ":" + target.resolve("test-classes") + ":" + deps;
    } catch (IOException e) {
      throw new UncheckedIOException("target/test-classpath.txt is missing: run the tests through Maven", e);
    }
  }

  /** {@code java} with the test class path, quick start-up, and its temporary files in {@code tmp}. */
  static List<String> java(Path tmp, String mainClass, String... args) {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
        // MapDB's LZ4 leaves a native library in the temporary folder after every kill -9.
        "-Djava.io.tmpdir=" + tmp,
        "-cp", classPath(), mainClass));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** One finished child. */
  record Result(int code, String out, String err) {}

  /** Runs a command to completion (at most two minutes) with empty standard input. */
  static Result run(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      Drain out = Drain.of(p.getInputStream());
      Drain err = Drain.of(p.getErrorStream());
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError("child did not finish in two minutes: " + cmd);
      }
      return new Result(p.exitValue(), out.text(), err.text());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Collects a child's stream on its own thread so the child never blocks writing. */
  static final class Drain {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread thread;

    private Drain(InputStream in) {
      thread = new Thread(() -> {
        byte[] buf = new byte[8192];
        try (in) {
          for (int n; (n = in.read(buf)) > 0; ) {
            synchronized (bytes) {
              bytes.write(buf, 0, n);
            }
          }
        } catch (IOException closed) {
          // The child died: what arrived is all there is.
        }
      });
      thread.setDaemon(true);
      thread.start();
    }

    static Drain of(InputStream in) {
      return new Drain(in);
    }

    /** Everything read so far. */
    String soFar() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }

    /** Everything, once the stream has ended. */
    String text() throws InterruptedException {
      thread.join(10_000);
      return soFar();
    }
  }

  /** SHA-256 of every file in a folder, by name: nothing excluded. */
  static Map<String, String> hashes(Path dir) {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f)) {
          out.put(f.getFileName().toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    return out;
  }
}
