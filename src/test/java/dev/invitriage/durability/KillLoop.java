package dev.invitriage.durability;

import dev.invitriage.app.App;
import dev.invitriage.app.PhraseBook;
import dev.invitriage.domain.ImportBatch;
import dev.invitriage.formats.LinkedInExportReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The kill -9 loop. Child JVMs ({@link CrashWorker}) work on one store and are killed at random
 * moments, some while still starting up or recovering the previous kill. After every kill a copy
 * of the store is opened here and compared with the {@link Model} of every operation a child
 * confirmed: it must equal it, or the model plus the one operation in flight at the kill.
 */
final class KillLoop {
  /** What a run proved. */
  record Figures(long seed, int kills, int confirmed, int inFlightDurable, int killedBeforeOpen, int recoveries, int lost) {
    @Override
    public String toString() {
      return "kill -9 loop (seed " + seed + "): " + kills + " kills survived, " + confirmed + " operations confirmed, "
          + inFlightDurable + " in-flight operations found durable, " + killedBeforeOpen + " kills during start-up or recovery, "
          + recoveries + " recoveries (replay or rebuild), " + lost + " lost";
    }
  }

  private final Path dir;
  private final long seed;
  private final int kills;
  private final int exportRows;

  KillLoop(Path dir, long seed, int kills, int exportRows) {
    this.dir = dir;
    this.seed = seed;
    this.kills = kills;
    this.exportRows = exportRows;
  }

  Figures run() throws IOException, InterruptedException {
    Path storeDir = Files.createDirectories(dir.resolve("store"));
    Path db = storeDir.resolve("inbox.db");
    Path exports = dir.resolve("exports");
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path logs = Files.createDirectories(dir.resolve("logs"));
    List<ImportBatch> batches = new ArrayList<>();
    for (Path folder : Exports.write(exports, CrashWorker.EXPORTS, exportRows)) {
      batches.add(new LinkedInExportReader().read(List.of(folder), false, line -> { }));
    }
    Random rnd = new Random(seed);
    long workSeed = rnd.nextLong();
    Model model = new Model(batches);
    int next = 0;
    int inFlightDurable = 0;
    int killedBeforeOpen = 0;
    int recoveries = 0;
    for (int k = 0; k < kills; k++) {
      // Early kills land in start-up and recovery; the others come at a random moment after the
      // store is open, however long opening took on a loaded machine.
      boolean early = rnd.nextInt(100) < 35;
      long delay = early ? rnd.nextInt(900) : rnd.nextInt(2500);
      Path err = logs.resolve("child-" + k + ".err");
      // The child's confirmations go to a file, not a pipe: a pipe read by a thread can lose the
      // last bytes a killed process wrote (the JDK drains a dead child's pipe on its own thread),
      // and a lost confirmation looks exactly like a change the store should not have.
      Path outFile = logs.resolve("child-" + k + ".out");
      Process p = new ProcessBuilder(Children.java(tmp, CrashWorker.class.getName(), "work", db.toString(), exports.toString(),
          Long.toString(workSeed), Integer.toString(next)))
          .redirectError(err.toFile()).redirectOutput(outFile.toFile()).start();
      if (!early) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.readString(outFile).startsWith("OPEN") && p.isAlive() && System.currentTimeMillis() < deadline) {
          Thread.sleep(10);
        }
      }
      Thread.sleep(delay);
      if (!p.isAlive()) {
        throw new AssertionError(where(k, delay) + "the child ended by itself (exit " + p.exitValue() + "): " + Files.readString(err));
      }
      p.destroyForcibly();
      p.waitFor();
      String childErr = Files.readString(err);
      if (childErr.contains("Exception") || childErr.contains("\tat ")) {
        throw new AssertionError(where(k, delay) + "the child failed: " + childErr);
      }
      recoveries += count(childErr, "replayed") + count(childErr, "rebuilt");
      String text = Files.readString(outFile);
      if (!text.startsWith("OPEN\n")) {
        killedBeforeOpen++;
      }
      // Only whole lines count: the kill may cut the last one.
      String[] lines = text.substring(0, text.lastIndexOf('\n') + 1).split("\n");
      for (String line : lines) {
        if (!line.startsWith("OK ")) {
          continue;
        }
        Workload.Op op = Workload.derive(workSeed, next, CrashWorker.EXPORTS, model);
        String expected = "OK " + next + " " + op.describe();
        if (!line.equals(expected)) {
          throw new AssertionError(where(k, delay) + "child confirmed '" + line + "' but the model derives '" + expected + "'");
        }
        model.apply(op);
        next++;
      }
      Model.Snapshot actual;
      try {
        actual = openCopy(storeDir, dir.resolve("check"));
      } catch (RuntimeException e) { // with the seed, so the run can be repeated
        throw new AssertionError(where(k, delay) + "the store does not open after the kill: " + e.getMessage(), e);
      }
      String diff = model.snapshot().differenceFrom(actual);
      if (diff != null) {
        Workload.Op inFlight = Workload.derive(workSeed, next, CrashWorker.EXPORTS, model);
        Model with = model.copy();
        with.apply(inFlight);
        String diffWith = with.snapshot().differenceFrom(actual);
        if (diffWith != null) {
          throw new AssertionError(where(k, delay) + "the store matches neither the " + next + " confirmed operations (" + diff
              + ") nor them plus the one in flight, " + inFlight.describe() + " (" + diffWith + ")");
        }
        model = with;
        next++;
        inFlightDurable++;
      }
    }
    // The last kill's state, recovered by the product itself (not a copy), still equals the model.
    Model.Snapshot last = openCopy(storeDir, storeDir);
    String diff = model.snapshot().differenceFrom(last);
    if (diff != null) {
      throw new AssertionError("seed " + seed + ": after the last kill the store differs: " + diff);
    }
    return new Figures(seed, kills, next - inFlightDurable, inFlightDurable, killedBeforeOpen, recoveries, 0);
  }

  private String where(int k, long delay) {
    return "seed " + seed + ", kill " + k + " (" + delay + " ms): ";
  }

  private static int count(String text, String word) {
    int n = 0;
    for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      n++;
    }
    return n;
  }

  /**
   * Opens the store in {@code storeDir} as the product does and reads it. Unless {@code into} is
   * {@code storeDir} itself, a copy is opened, so the next child still finds the kill's state to
   * recover.
   */
  private static Model.Snapshot openCopy(Path storeDir, Path into) throws IOException {
    if (!into.equals(storeDir)) {
      deleteTree(into);
      Files.createDirectories(into);
      try (Stream<Path> files = Files.list(storeDir)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          String name = f.getFileName().toString();
          if (!name.endsWith(".lock") && !name.contains(".damaged-")) {
            Files.copy(f, into.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
    }
    Path db = into.resolve("inbox.db");
    try (App app = App.open(db, new PhraseBook(into.resolve("no-phrases.txt")), Clock.systemUTC(), notice -> { })) {
      return Model.snapshot(app.inbox());
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
