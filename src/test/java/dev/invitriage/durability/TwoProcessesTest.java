package dev.invitriage.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.app.App;
import dev.invitriage.app.PhraseBook;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One process at a time: a second is turned away untouched, and a killed one never blocks. */
class TwoProcessesTest {
  @TempDir Path dir;
  Path storeDir;
  Path db;
  Path tmp;

  @BeforeEach
  void seedAStore() throws IOException {
    storeDir = Files.createDirectories(dir.resolve("store"));
    db = storeDir.resolve("inbox.db");
    tmp = Files.createDirectories(dir.resolve("tmp"));
    List<Path> exports = Exports.write(dir.resolve("exports"), 1, 500);
    try (App app = App.open(db, new PhraseBook(dir.resolve("no-phrases.txt")), Clock.systemUTC(), notice -> { })) {
      app.importFiles(exports, false, line -> { });
    }
  }

  /** A child holding the store open until its standard input is closed. */
  Process hold() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(Children.java(tmp, CrashWorker.class.getName(), "hold", db.toString())).start();
    Children.Drain out = Children.Drain.of(p.getInputStream());
    Children.Drain.of(p.getErrorStream());
    long deadline = System.currentTimeMillis() + 60_000;
    while (!out.soFar().startsWith("HELD") && System.currentTimeMillis() < deadline && p.isAlive()) {
      Thread.sleep(20);
    }
    assertThat(out.soFar()).as("the holder opened the store").startsWith("HELD 500");
    return p;
  }

  Children.Result stats() {
    return Children.run(Children.java(tmp, "dev.invitriage.cli.Main", "--db", db.toString(), "stats"));
  }

  @Test
  void aSecondProcessGetsExit75AndChangesNoByteThenWorksOnceTheFirstExits() throws Exception {
    Process holder = hold();
    Map<String, String> before = Children.hashes(storeDir);

    Children.Result second = stats();

    assertThat(second.code()).isEqualTo(75);
    assertThat(second.err()).isEqualTo("invitriage: " + db + " is in use by another invitriage process\n");
    assertThat(second.out()).isEmpty();
    assertThat(Children.hashes(storeDir)).isEqualTo(before);

    try (OutputStream in = holder.getOutputStream()) {
      in.write('\n');
    }
    assertThat(holder.waitFor()).isZero();
    Children.Result after = stats();
    assertThat(after.code()).as(after.err()).isZero();
    assertThat(after.out()).startsWith("invitations  500 ");
  }

  @Test
  void aLockLeftByAKilledProcessNeverBlocksTheNextStart() throws Exception {
    Process holder = hold();
    holder.destroyForcibly().waitFor();
    assertThat(Files.exists(storeDir.resolve("inbox.db.lock"))).isTrue();

    Children.Result next = stats();

    assertThat(next.code()).as(next.err()).isZero();
    assertThat(next.out()).startsWith("invitations  500 ");
  }
}
