package dev.invitriage.formats;

import static dev.invitriage.formats.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.ImportBatch;
import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.domain.RestoredTriage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading invitriage's own exports back (the writers' side is in {@link ExportWriterTest}). */
class ExportImportTest {

  private static final String HEADER =
      "id,direction,from_name,from_url,to_name,to_url,sent_at,message,verdict,reason,offender,"
          + "client,connection,decision,decided_at,note\n";
  private static final Invitation INV =
      new Invitation(
          Direction.INCOMING,
          "=Dana",
          "https://www.linkedin.com/in/dana-whitfield",
          "'Mira",
          "",
          LocalDateTime.of(2022, 8, 26, 20, 56),
          "''quoted");
  private static final String ID = InvitationId.of(INV).hex();

  @TempDir Path dir;

  private static void failsWith(Path path, String message) {
    assertThatThrownBy(() -> read(path))
        .isInstanceOfSatisfying(
            InvitriageException.class, e -> assertThat(e.getMessage()).isEqualTo(message));
  }

  private static String row(String decision, String client) {
    return ID
        + ",INCOMING,'=Dana,https://www.linkedin.com/in/dana-whitfield,''Mira,,2022-08-26T20:56:00,'''quoted,EMPTY,no"
        + " message,true,"
        + client
        + ",false,"
        + decision
        + ",2026-11-28T10:15:30Z,'-call back\n";
  }

  @Test
  void importsCsvExportAsRestoredTriageWithApostrophesRemoved() {
    Path p = Fixtures.write(dir, "inbox.csv", HEADER + row("ignore", "true"));
    ImportBatch b = read(p);
    assertThat(b.invitations()).isEmpty();
    assertThat(b.sources()).containsExactly("inbox.csv");
    assertThat(b.restored())
        .containsExactly(
            new RestoredTriage(
                INV,
                Decision.IGNORE,
                Instant.parse("2026-11-28T10:15:30Z"),
                "-call back",
                true,
                false));
  }

  @Test
  void reportsUnknownDecisionInCsvExport() {
    Path p = Fixtures.write(dir, "inbox.csv", HEADER + row("maybe", "true"));
    failsWith(
        p,
        "inbox.csv:2: field \"decision\": expected pending, accept, ignore or later, found"
            + " \"maybe\"");
  }

  @Test
  void reportsNonBooleanClientInCsvExport() {
    Path p = Fixtures.write(dir, "inbox.csv", HEADER + row("accept", "yes"));
    failsWith(p, "inbox.csv:2: field \"client\": expected true or false, found \"yes\"");
  }

  @Test
  void reportsShortIdInCsvExport() {
    Path p = Fixtures.write(dir, "inbox.csv", HEADER + row("accept", "true").replace(ID, "abc123"));
    failsWith(p, "inbox.csv:2: field \"id\": not a 32-digit hex id \"abc123\"");
  }

  @Test
  void importsJsonExportWithNullDecidedAt() {
    String json =
        "[\n{\"id\":\""
            + ID
            + "\",\"direction\":\"INCOMING\",\"from_name\":\"=Dana\",\"from_url\":\"https://www.linkedin.com/in/dana-whitfield\","
            + "\"to_name\":\"'Mira\",\"to_url\":\"\",\"sent_at\":\"2022-08-26T20:56:00\",\"message\":\"''quoted\","
            + "\"verdict\":\"EMPTY\",\"reason\":\"\",\"offender\":true,\"client\":false,\"connection\":true,\"decision\":\"later\",\"decided_at\":null,\"note\":\"\"}\n"
            + "]\n";
    ImportBatch b = read(Fixtures.write(dir, "inbox.json", json));
    assertThat(b.restored())
        .containsExactly(new RestoredTriage(INV, Decision.LATER, null, "", false, true));
  }

  @Test
  void reportsMalformedJsonWithItsLine() {
    Path p =
        Fixtures.write(dir, "inbox.json", "[\n{\"id\": \"x\",\n\"direction\" \"INCOMING\"}\n]");
    failsWith(p, "inbox.json:3: malformed JSON");
  }

  @Test
  void reportsJsonArrayOfNonObjects() {
    Path p = Fixtures.write(dir, "inbox.json", "[\n1, 2]");
    failsWith(p, "inbox.json:2: expected an object for each invitation");
  }

  @Test
  void reportsBadJsonEntryAtTheLineItStarts() {
    Path p =
        Fixtures.write(dir, "inbox.json", "[\n{\"id\":\"" + ID + "\",\n\"direction\":\"UP\"}\n]");
    failsWith(p, "inbox.json:2: field \"direction\": expected INCOMING or OUTGOING, found \"UP\"");
  }

  @Test
  void skipBadSkipsBadJsonEntry() {
    Path p =
        Fixtures.write(dir, "inbox.json", "[\n{\"id\":\"" + ID + "\",\"direction\":\"UP\"}\n]");
    List<String> skipped = new ArrayList<>();
    ImportBatch b = Fixtures.readSkipping(skipped, p);
    assertThat(b.restored()).isEmpty();
    assertThat(skipped)
        .containsExactly(
            "inbox.json:2: field \"direction\": expected INCOMING or OUTGOING, found \"UP\""
                + " (skipped)");
  }

  @Test
  void ignoresInvitriageExportInsideExportFolder() throws Exception {
    Path export = Files.createDirectories(dir.resolve("export"));
    Fixtures.write(export, "inbox.csv", HEADER + row("accept", "true"));
    failsWith(export, export + ": no Invitations.csv or Connections.csv found in this folder");
  }
}
