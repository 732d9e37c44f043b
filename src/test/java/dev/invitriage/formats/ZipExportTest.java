package dev.invitriage.formats;

import static dev.invitriage.formats.Fixtures.bytes;
import static dev.invitriage.formats.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invitriage.domain.ImportBatch;
import dev.invitriage.domain.InvitriageException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipExportTest {

  @TempDir Path dir;

  private Path export(Map<String, byte[]> extra) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(
        "Ad_Targeting.csv",
        "Member Age,Company Names\n25 to 34,\"Acme, Inc\"\n".getBytes(StandardCharsets.UTF_8));
    entries.put("Invitations.csv", bytes("invitations-2024.csv"));
    entries.put("Connections.csv", bytes("connections-2024.csv"));
    entries.put("Rich_Media/", new byte[0]);
    entries.put(
        "Jobs/Job Applications.csv", "Application Date\n1/1/24\n".getBytes(StandardCharsets.UTF_8));
    entries.putAll(extra);
    return Fixtures.zip(dir, "export.zip", entries);
  }

  private static void failsWith(Path path, String message) {
    assertThatThrownBy(() -> read(path))
        .isInstanceOfSatisfying(
            InvitriageException.class, e -> assertThat(e.getMessage()).isEqualTo(message));
  }

  @Test
  void readsInvitationsAndConnectionsFromExportZip() {
    ImportBatch b = read(export(Map.of()));
    assertThat(b.invitations()).hasSize(3);
    assertThat(b.connections()).hasSize(3);
    assertThat(b.sources()).containsExactly("Invitations.csv", "Connections.csv");
  }

  @Test
  void recognisesZipByContentWhateverItsName() throws IOException {
    Path zip = export(Map.of());
    Path renamed = Files.move(zip, dir.resolve("download.bin"));
    assertThat(read(renamed).invitations()).hasSize(3);
  }

  @Test
  void namesZipEntryInErrors() {
    Path zip =
        Fixtures.zip(dir, "export.zip", Map.of("Invitations.csv", bytes("broken-bad-date.csv")));
    failsWith(
        zip,
        "export.zip!Invitations.csv:3: field \"Sent At\": cannot read date \"13/45/22, 9:00 PM\"");
  }

  @Test
  void refusesEntryWithParentSegment() {
    Path zip = export(Map.of("../../evil.csv", "x".getBytes(StandardCharsets.UTF_8)));
    failsWith(zip, "export.zip: entry \"../../evil.csv\" points outside the archive (refused)");
  }

  @Test
  void refusesEntryWithAbsolutePath() {
    Path zip = export(Map.of("/etc/cron.d/evil", "x".getBytes(StandardCharsets.UTF_8)));
    failsWith(zip, "export.zip: entry \"/etc/cron.d/evil\" points outside the archive (refused)");
  }

  @Test
  void refusesExportExpandingPastTwoHundredMegabytes() throws IOException {
    // 201 MiB of zeros deflates to about 200 KB, so the test stays small on disk.
    Path zip = dir.resolve("bomb.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("Invitations.csv"));
      z.write(bytes("invitations-2024.csv"));
      z.closeEntry();
      z.putNextEntry(new ZipEntry("Rich_Media/padding.bin"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 201; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    assertThat(Files.size(zip)).isLessThan(1_000_000);
    failsWith(zip, "bomb.zip: expands past 200 MB (refused)");
  }

  @Test
  void refusesSingleCsvEntryExpandingPastTheLimit() {
    StringBuilder csv = new StringBuilder("From,To,Sent At,Message,Direction\n");
    String row = "Dana,Mira,\"8/26/22, 8:56 PM\",,INCOMING\n";
    while (csv.length() < 4096) {
      csv.append(row);
    }
    Path zip =
        Fixtures.zip(
            dir,
            "export.zip",
            Map.of("Invitations.csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> new LinkedInExportReader(1024).read(List.of(zip), false, s -> {}))
        .isInstanceOf(InvitriageException.class)
        .hasMessage("export.zip: expands past 200 MB (refused)");
  }

  @Test
  void refusesEmptyZip() {
    failsWith(Fixtures.zip(dir, "export.zip", Map.of()), "export.zip: empty zip archive");
  }

  @Test
  void refusesZipWithoutLinkedInFiles() {
    Path zip =
        Fixtures.zip(
            dir,
            "export.zip",
            Map.of(
                "Profile.csv",
                "First Name,Last Name\nMira,Sørensen\n".getBytes(StandardCharsets.UTF_8)));
    failsWith(zip, "export.zip: no Invitations.csv or Connections.csv found in this archive");
  }

  @Test
  void ignoresLinkedInFilesBelowTheTopLevel() {
    Path zip =
        Fixtures.zip(
            dir, "export.zip", Map.of("old/Invitations.csv", bytes("invitations-2024.csv")));
    failsWith(zip, "export.zip: no Invitations.csv or Connections.csv found in this archive");
  }

  @Test
  void refusesFileNamedZipThatIsNotOne() {
    failsWith(
        Fixtures.write(dir, "export.zip", "From,To\n"), "export.zip: not a valid zip archive");
  }

  @Test
  void refusesCorruptZip() throws IOException {
    Path zip = export(Map.of());
    byte[] data = Files.readAllBytes(zip);
    byte[] cut = java.util.Arrays.copyOf(data, 60);
    Files.write(zip, cut);
    failsWith(zip, "export.zip: not a valid zip archive");
  }
}
