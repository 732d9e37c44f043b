package dev.invitriage.hostile;

import static dev.invitriage.hostile.Harness.HEADER;
import static dev.invitriage.hostile.Harness.OLD_HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Big and hostile inputs through the real CLI in a child JVM limited to 128 MB of heap: a huge
 * cell, many rows, a zip bomb. The import streams, so memory must not grow with the input. Small
 * sizes run in {@code make test}; the full sizes are tagged "long".
 */
class BoundedMemoryTest {
  static final String HEAP = "128m";

  @TempDir Path home;

  Harness.ChildResult importInChild(Path file) throws Exception {
    Harness.ChildResult r = new Harness(home).runChild(HEAP, 1800, "import", file.toString());
    System.out.printf("BoundedMemoryTest: import %s (%d MB) -> exit %d, heap after GC peaked at %d MB%n",
        file.getFileName(), Files.size(file) >> 20, r.code(), r.peakAfterGcMb());
    return r;
  }

  Path rows(int count) throws IOException {
    Path p = home.resolve("Invitations.csv");
    try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      w.write(OLD_HEADER);
      for (int i = 0; i < count; i++) {
        w.write("N" + i + ",Pat,\"8/26/22, 8:56 PM\",,INCOMING\n");
      }
    }
    return p;
  }

  Path hugeCell(long megabytes) throws IOException {
    Path p = home.resolve("Invitations.csv");
    try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      w.write(HEADER + "Bo,Pat,\"11/2/26, 9:15 AM\",\"");
      String block = "x".repeat(1 << 16);
      for (long n = 0; n < (megabytes << 20); n += block.length()) {
        w.write(block);
      }
      w.write("\",INCOMING,,\n");
    }
    return p;
  }

  /** Rows of a valid Invitations.csv, compressed: parsed until the 200 MB limit stops them. */
  Path csvZipBomb() throws IOException {
    Path p = home.resolve("bomb.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
      z.putNextEntry(new ZipEntry("Invitations.csv"));
      z.write(HEADER.getBytes(StandardCharsets.UTF_8));
      writeRepeated(z, "Bo,Pat,\"11/2/26, 9:15 AM\",,INCOMING,,\n", 201L << 20);
      z.closeEntry();
    }
    return p;
  }

  static void writeRepeated(OutputStream out, String line, long bytes) throws IOException {
    byte[] block = line.repeat(65536 / line.length()).getBytes(StandardCharsets.UTF_8);
    for (long n = 0; n < bytes; n += block.length) {
      out.write(block);
    }
  }

  @Test
  void hundredThousandRowsImportIn128Mb() throws Exception {
    Harness.ChildResult r = importInChild(rows(100_000));
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("imported 100000 invitations (100000 new, 0 already known), 0 connections from Invitations.csv\n");
  }

  @Test
  void fiveMegabyteCellIsRefusedIn128Mb() throws Exception {
    Harness.ChildResult r = importInChild(hugeCell(5));
    assertThat(r.err()).isEqualTo("invitriage: Invitations.csv:2: field \"Message\": longer than 1000000 characters (refused)\n");
    assertThat(r.code()).isEqualTo(65);
  }

  @Test
  @Tag("long")
  void fiftyMegabyteCellIsRefusedIn128Mb() throws Exception {
    Harness.ChildResult r = importInChild(hugeCell(50));
    assertThat(r.err()).isEqualTo("invitriage: Invitations.csv:2: field \"Message\": longer than 1000000 characters (refused)\n");
    assertThat(r.code()).isEqualTo(65);
  }

  @Test
  @Tag("long")
  void csvZipBombIsRefusedIn128Mb() throws Exception {
    Harness.ChildResult r = importInChild(csvZipBomb());
    assertThat(r.err()).isEqualTo("invitriage: bomb.zip: expands past 200 MB (refused)\n");
    assertThat(r.code()).isEqualTo(65);
    assertThat(new Harness(home).ok("stats").out()).startsWith("invitations  0 ");
  }

  @Test
  @Tag("long")
  void millionRowsImportIn128Mb() throws Exception {
    Harness.ChildResult r = importInChild(rows(1_000_000));
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("imported 1000000 invitations (1000000 new, 0 already known)");
  }
}
