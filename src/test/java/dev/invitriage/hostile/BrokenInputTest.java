package dev.invitriage.hostile;

import static dev.invitriage.hostile.Harness.HEADER;
import static dev.invitriage.hostile.Harness.OLD_HEADER;
import static dev.invitriage.hostile.Harness.row;
import static dev.invitriage.hostile.Harness.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken and hostile files through {@code invitriage import}: each gives exactly one line naming
 * file, line and problem, exit 65, leaves the store as it was, and a good import still works after.
 */
class BrokenInputTest {
  static final String GOOD_ROW = row("Ana Lima", "11/20/26, 8:56 PM", "Hello");

  @TempDir Path home;
  Harness cli;
  Path in;
  String before;

  @BeforeEach
  void storeWithOneInvitation() throws IOException {
    cli = new Harness(home);
    in = Files.createDirectories(home.resolve("in"));
    Path seed = write(home, "seed/Invitations.csv", HEADER + row("Seed Person", "1/2/25, 9:15 AM", "we met"));
    cli.ok("import", seed.toString());
    cli.ok("note", id("Seed Person"), "my note");
    cli.ok("client", "add", "--name", "Cli Ent");
    before = cli.contents();
  }

  String id(String name) {
    String json = cli.ok("list", "--format", "json", "--direction", "all").out();
    int at = json.indexOf("\"from_name\":\"" + name + "\"");
    int idAt = json.lastIndexOf("\"id\":\"", at);
    return json.substring(idAt + 6, idAt + 6 + 32);
  }

  /** A maker of one bad input in a folder, and the exact error expected. */
  interface Maker {
    Path make(Path dir) throws IOException;
  }

  static Arguments bad(String what, Maker maker, String error) {
    return Arguments.of(what, maker, error);
  }

  static Stream<Arguments> brokenInputs() {
    return Stream.of(
        bad("unterminated quote",
            d -> write(d, "Invitations.csv", HEADER + GOOD_ROW + "Bo,Pat,\"11/2/26, 9:15 AM\",\"never closed,INCOMING,,\n"),
            "invitriage: Invitations.csv:3: unterminated quoted field"),
        bad("text after a closing quote",
            d -> write(d, "Invitations.csv", HEADER + "Bo,Pat,\"11/2/26, 9:15 AM\"x,,INCOMING,,\n"),
            "invitriage: Invitations.csv:2: unexpected text after a closing quote"),
        bad("wrong header",
            d -> write(d, "Invitations.csv", "Name,Sent,Text\nBo,today,hi\n"),
            "invitriage: Invitations.csv:1: unknown header (not a LinkedIn Invitations.csv or Connections.csv)"),
        bad("header with one column missing",
            d -> write(d, "Invitations.csv", "From,To,Sent At,Message\n"),
            "invitriage: Invitations.csv:1: unknown header (not a LinkedIn Invitations.csv or Connections.csv)"),
        bad("too few cells",
            d -> write(d, "Invitations.csv", HEADER + GOOD_ROW + "Bo,Pat,\"11/2/26, 9:15 AM\",hi,INCOMING\n"),
            "invitriage: Invitations.csv:3: expected 7 cells, found 5"),
        bad("too many cells",
            d -> write(d, "Invitations.csv", OLD_HEADER + "Bo,Pat,\"11/2/26, 9:15 AM\",hi,INCOMING,extra\n"),
            "invitriage: Invitations.csv:2: expected 5 cells, found 6"),
        bad("bad date",
            d -> write(d, "Invitations.csv", OLD_HEADER + "Bo,Pat,yesterday,hi,INCOMING\n"),
            "invitriage: Invitations.csv:2: field \"Sent At\": cannot read date \"yesterday\""),
        bad("bad direction",
            d -> write(d, "Invitations.csv", OLD_HEADER + "Bo,Pat,\"11/2/26, 9:15 AM\",hi,SIDEWAYS\n"),
            "invitriage: Invitations.csv:2: field \"Direction\": expected INCOMING or OUTGOING, found \"SIDEWAYS\""),
        bad("binary garbage",
            d -> bytes(d, "Invitations.csv", garbage()),
            "invitriage: Invitations.csv:1: invalid UTF-8"),
        bad("NUL bytes",
            d -> bytes(d, "Invitations.csv", new byte[64]),
            "invitriage: Invitations.csv:1: unknown header (not a LinkedIn Invitations.csv or Connections.csv)"),
        bad("invalid UTF-8 on line 3",
            d -> bytes(d, "Invitations.csv", concat((HEADER + GOOD_ROW + "B").getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, (byte) 0x28}, ",Pat,\"11/2/26, 9:15 AM\",,INCOMING,,\n".getBytes(StandardCharsets.UTF_8))),
            "invitriage: Invitations.csv:3: invalid UTF-8"),
        bad("overlong UTF-8 encoding of '/'",
            d -> bytes(d, "Invitations.csv", concat(HEADER.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC0, (byte) 0xAF})),
            "invitriage: Invitations.csv:2: invalid UTF-8"),
        bad("UTF-16 with a lone surrogate",
            d -> bytes(d, "Invitations.csv", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                OLD_HEADER.getBytes(StandardCharsets.UTF_16LE), new byte[] {0x00, (byte) 0xD8, 0x41, 0x00})),
            "invitriage: Invitations.csv:2: invalid UTF-16"),
        bad("empty file",
            d -> write(d, "Invitations.csv", ""),
            "invitriage: Invitations.csv:1: empty file (not a LinkedIn Invitations.csv or Connections.csv)"),
        bad("a cell over the limit",
            d -> write(d, "Invitations.csv", HEADER + "Bo,Pat,\"11/2/26, 9:15 AM\",\"" + "x".repeat(1_000_001) + "\",INCOMING,,\n"),
            "invitriage: Invitations.csv:2: field \"Message\": longer than 1000000 characters (refused)"),
        bad("a record of too many cells",
            d -> write(d, "Invitations.csv", HEADER + ",".repeat(20_000) + "\n"),
            "invitriage: Invitations.csv:2: more than 10000 cells (refused)"),
        bad("zip with a ../ entry",
            d -> zip(d, "export.zip", "../Invitations.csv", HEADER + GOOD_ROW),
            "invitriage: export.zip: entry \"../Invitations.csv\" points outside the archive (refused)"),
        bad("zip with an absolute entry",
            d -> zip(d, "export.zip", "/tmp/Invitations.csv", HEADER + GOOD_ROW),
            "invitriage: export.zip: entry \"/tmp/Invitations.csv\" points outside the archive (refused)"),
        bad("zip with a Windows drive entry",
            d -> zip(d, "export.zip", "C:\\Invitations.csv", HEADER + GOOD_ROW),
            "invitriage: export.zip: entry \"C:\\Invitations.csv\" points outside the archive (refused)"),
        bad("empty zip",
            d -> zip(d, "export.zip"),
            "invitriage: export.zip: empty zip archive"),
        bad("zip inside a zip",
            d -> bytes(d, "outer.zip", zipBytes("export.zip", zipBytes("Invitations.csv", HEADER + GOOD_ROW))),
            "invitriage: outer.zip: no Invitations.csv or Connections.csv found in this archive"),
        bad("zip without CSVs",
            d -> zip(d, "export.zip", "readme.txt", "hello"),
            "invitriage: export.zip: no Invitations.csv or Connections.csv found in this archive"),
        bad("zip with a broken Invitations.csv",
            d -> zip(d, "export.zip", "Invitations.csv", HEADER + "Bo,Pat,\"11/2/26, 9:15 AM\",hi\n"),
            "invitriage: export.zip!Invitations.csv:2: expected 7 cells, found 4"),
        bad("truncated zip",
            d -> bytes(d, "export.zip", Arrays.copyOf(zipBytes("Invitations.csv", HEADER + GOOD_ROW.repeat(50)), 60)),
            "invitriage: export.zip: not a valid zip archive"),
        bad("a .zip that is not a zip",
            d -> write(d, "export.zip", HEADER + GOOD_ROW),
            "invitriage: export.zip: not a valid zip archive"),
        bad("directory without CSVs",
            d -> {
              Path dir = Files.createDirectories(d.resolve("export"));
              write(dir, "notes.txt", "hello");
              return dir;
            },
            null), // the message names the full folder path: checked below
        bad("good file then a bad one: neither is stored",
            d -> {
              write(d, "a/Invitations.csv", HEADER + GOOD_ROW);
              return write(d, "b/Invitations.csv", HEADER + "Bo,Pat,\"11/2/26, 9:15 AM\"\n");
            },
            "invitriage: Invitations.csv:2: expected 7 cells, found 3"),
        bad("JSON export cut short",
            d -> write(d, "export.json", "[{\"id\":\"x\""),
            "invitriage: export.json:1: malformed JSON"),
        bad("missing file",
            d -> d.resolve("nope.csv"),
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenInputs")
  void refusesWithOneLineAndStoresNothing(String what, Maker maker, String error) throws IOException {
    Path bad = maker.make(in);
    String[] args = what.startsWith("good file then")
        ? new String[] {"import", in.resolve("a/Invitations.csv").toString(), bad.toString()}
        : new String[] {"import", bad.toString()};
    Harness.Result r = cli.run(args);

    String expected = error;
    if (what.equals("directory without CSVs")) {
      expected = "invitriage: " + bad + ": no Invitations.csv or Connections.csv found in this folder";
    } else if (what.equals("missing file")) {
      expected = "invitriage: " + bad + ": no such file";
    }
    assertThat(r.errorLine()).isEqualTo(expected);
    assertThat(r.code()).isEqualTo(65);
    assertThat(r.out()).isEmpty();
    assertThat(cli.contents()).as("store unchanged").isEqualTo(before);

    Path good = write(home, "good/Invitations.csv", HEADER + GOOD_ROW);
    assertThat(cli.ok("import", good.toString()).out())
        .isEqualTo("imported 1 invitations (1 new, 0 already known), 0 connections from Invitations.csv\n");
  }

  @Test
  void utf16WithBomImportsLikeUtf8() throws IOException {
    String text = HEADER + row("Jörg 😀", "11/2/26, 9:15 AM", "\"Hallo, 世界\"");
    Path utf8 = write(in, "u8/Invitations.csv", text);
    Path le = bytes(in, "le/Invitations.csv", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)));
    Path be = bytes(in, "be/Invitations.csv", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE)));
    Path bom8 = bytes(in, "bom/Invitations.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8)));
    assertThat(cli.ok("import", utf8.toString()).out()).startsWith("imported 1 invitations (1 new, 0 already known)");
    String after = cli.contents();
    for (Path p : new Path[] {le, be, bom8}) {
      assertThat(cli.ok("import", p.toString()).out()).as(p.toString())
          .startsWith("imported 1 invitations (0 new, 1 already known)");
    }
    assertThat(cli.contents()).isEqualTo(after);
    assertThat(after).contains("Jörg 😀").contains("Hallo, 世界");
  }

  @Test
  void crlfFileKeepsLineBreaksInsideMessages() throws IOException {
    Path crlf = write(in, "Invitations.csv", (HEADER + row("Bo Chen", "11/2/26, 9:15 AM", "\"one\r\ntwo\"")).replace(",pat\n", ",pat\r\n")
        .replace("Profile\n", "Profile\r\n"));
    assertThat(Files.readString(crlf)).contains("\r\n");
    cli.ok("import", crlf.toString());
    assertThat(cli.ok("list", "--format", "json").out()).contains("\"message\":\"one\\r\\ntwo\"");
  }

  @Test
  void headerOnlyCsvImportsNothing() throws IOException {
    Path p = write(in, "Invitations.csv", HEADER);
    assertThat(cli.ok("import", p.toString()).out())
        .isEqualTo("imported 0 invitations (0 new, 0 already known), 0 connections from Invitations.csv\n");
    assertThat(cli.contents()).isEqualTo(before);
  }

  @Test
  void headerOnlyZipImportsNothing() throws IOException {
    Path p = zip(in, "export.zip", "Invitations.csv", HEADER);
    assertThat(cli.ok("import", p.toString()).out())
        .isEqualTo("imported 0 invitations (0 new, 0 already known), 0 connections from Invitations.csv\n");
    assertThat(cli.contents()).isEqualTo(before);
  }

  @Test
  void zipBombIsRefusedAndStoresNothing() throws IOException {
    // A good Invitations.csv beside 201 MB of zeros that compress to about 200 KB: the limit is on
    // the whole expanded archive, read or not. (The CSV-only bomb runs in a small child JVM under
    // the "long" tag: BoundedMemoryTest.)
    Path bomb = in.resolve("bomb.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
      z.putNextEntry(new ZipEntry("Invitations.csv"));
      z.write((HEADER + GOOD_ROW).getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
      z.putNextEntry(new ZipEntry("padding.bin"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 201; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    assertThat(Files.size(bomb)).isLessThan(1L << 20);
    Harness.Result r = cli.run("import", bomb.toString());
    assertThat(r.errorLine()).isEqualTo("invitriage: bomb.zip: expands past 200 MB (refused)");
    assertThat(r.code()).isEqualTo(65);
    assertThat(cli.contents()).isEqualTo(before);
  }

  @Test
  void cellJustUnderTheLimitIsAccepted() throws IOException {
    String note = "y".repeat(999_999);
    Path p = write(in, "Invitations.csv", HEADER + row("Long Message", "11/2/26, 9:15 AM", note));
    cli.ok("import", p.toString());
    assertThat(cli.ok("list", "--format", "json", "--search", "Long Message").out()).contains(note);
  }

  // ------------------------------------------------------------------ makers

  static void writeRepeated(OutputStream out, String line, long bytes) throws IOException {
    byte[] block = line.repeat(Math.max(1, 65536 / line.length())).getBytes(StandardCharsets.UTF_8);
    for (long n = 0; n < bytes; n += block.length) {
      out.write(block);
    }
  }

  static byte[] garbage() {
    byte[] b = new byte[4096];
    new java.util.Random(7).nextBytes(b);
    b[0] = (byte) 0xC3; // a lead byte followed by a non-continuation: invalid on line 1
    b[1] = 0x41;
    return b;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static Path bytes(Path dir, String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, content);
    return p;
  }

  static Path zip(Path dir, String name, String... entriesAndTexts) throws IOException {
    return bytes(dir, name, zipBytes(entriesAndTexts));
  }

  static byte[] zipBytes(String... entriesAndTexts) {
    return zipBytes(entriesAndTexts, null);
  }

  static byte[] zipBytes(String entry, byte[] content) {
    return zipBytes(new String[] {entry}, content);
  }

  private static byte[] zipBytes(String[] entriesAndTexts, byte[] binary) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream z = new ZipOutputStream(out)) {
        if (binary != null) {
          z.putNextEntry(new ZipEntry(entriesAndTexts[0]));
          z.write(binary);
          z.closeEntry();
        } else {
          for (int i = 0; i < entriesAndTexts.length; i += 2) {
            z.putNextEntry(new ZipEntry(entriesAndTexts[i]));
            z.write(entriesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
          }
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
