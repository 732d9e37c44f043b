package dev.invitriage.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Whatever bytes {@code invitriage import} is given, it either imports them (exit 0, one summary
 * line) or refuses them with exactly one line naming the file and a line (exit 65), storing nothing.
 * Never a stack trace, never another exit code.
 */
class BrokenInputProperties {
  static final String GOOD = Harness.HEADER
      + "\"Ana, Lima\",Pat,\"11/20/26, 8:56 PM\",\"Hi Pat,\nwe met \"\"here\"\"\",INCOMING,https://www.linkedin.com/in/ana,\n"
      + "Bo Chen,Pat,\"11/19/26, 10:01 AM\",,OUTGOING,,https://www.linkedin.com/in/bo\n"
      + "Cara,Pat,\"11/18/26, 12:05 AM\",I'd like to add you to my professional network on LinkedIn.,INCOMING,,\n";

  Path home;
  Harness cli;
  String before;

  @BeforeTry
  void store() throws IOException {
    home = Files.createTempDirectory("broken");
    cli = new Harness(home);
    cli.ok("import", Harness.write(home, "seed/Invitations.csv", Harness.HEADER + "Seed,Pat,\"1/2/25, 9:15 AM\",hi,INCOMING,,\n").toString());
    before = cli.contents();
  }

  @AfterTry
  void clean() throws IOException {
    try (var files = Files.walk(home)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 40)
  void randomBytesAreRefusedCleanly(@ForAll @Size(max = 600) byte[] bytes) throws IOException {
    check(bytes);
  }

  @Property(tries = 60)
  void mutatedExportsImportOrAreRefusedCleanly(
      @ForAll("mutations") int[] edits, @ForAll @IntRange(min = 0, max = 1000) int seed) throws IOException {
    byte[] good = GOOD.getBytes(StandardCharsets.UTF_8);
    byte[] b = Arrays.copyOf(good, good.length);
    java.util.Random r = new java.util.Random(seed);
    for (int e : edits) {
      int at = r.nextInt(b.length);
      switch (e) {
        case 0 -> b[at] = '"';
        case 1 -> b[at] = ',';
        case 2 -> b[at] = '\n';
        case 3 -> b[at] = '\r';
        case 4 -> b[at] = (byte) 0xFF;
        case 5 -> b = Arrays.copyOf(b, at); // truncated
        default -> b[at] = (byte) r.nextInt(256);
      }
      if (b.length == 0) {
        break;
      }
    }
    check(b);
  }

  @Provide
  Arbitrary<int[]> mutations() {
    return Arbitraries.integers().between(0, 6).array(int[].class).ofMinSize(1).ofMaxSize(4);
  }

  private void check(byte[] bytes) throws IOException {
    Path file = home.resolve("in/Invitations.csv");
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    Harness.Result r = cli.run("import", file.toString());
    if (r.code() == 0) {
      assertThat(r.err()).isEmpty();
      assertThat(r.out()).matches("imported \\d+ invitations \\(\\d+ new, \\d+ already known\\), \\d+ connections from Invitations.csv\n");
      return;
    }
    assertThat(r.code()).as(r.err()).isEqualTo(65);
    assertThat(r.out()).isEmpty();
    assertThat(r.errorLine()).matches("invitriage: Invitations\\.csv(:\\d+)?: .+");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(cli.contents()).isEqualTo(before);
  }
}
