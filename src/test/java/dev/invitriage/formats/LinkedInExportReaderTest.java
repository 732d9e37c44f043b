package dev.invitriage.formats;

import static dev.invitriage.formats.Fixtures.copy;
import static dev.invitriage.formats.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.domain.Connection;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.ImportBatch;
import dev.invitriage.domain.Invitation;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkedInExportReaderTest {

  @TempDir Path dir;

  @Test
  void readsFiveColumnInvitationsWithoutUrls() {
    ImportBatch b = read(copy("invitations-2022.csv", dir, "Invitations.csv"));
    assertThat(b.invitations()).hasSize(3);
    Invitation first = b.invitations().get(0);
    assertThat(first)
        .isEqualTo(
            new Invitation(
                Direction.INCOMING,
                "Dana Whitfield",
                "",
                "Mira Sørensen",
                "",
                LocalDateTime.of(2022, 8, 26, 20, 56),
                ""));
  }

  @Test
  void readsTwelveAmAsMidnight() {
    ImportBatch b = read(copy("invitations-2022.csv", dir, "Invitations.csv"));
    assertThat(b.invitations().get(1).sentAt()).isEqualTo(LocalDateTime.of(2022, 7, 1, 0, 5));
  }

  @Test
  void readsTwelvePmAsNoon() {
    ImportBatch b = read(copy("invitations-2022.csv", dir, "Invitations.csv"));
    assertThat(b.invitations().get(2).sentAt()).isEqualTo(LocalDateTime.of(2021, 12, 31, 12, 30));
  }

  @Test
  void keepsQuotedNameWithComma() {
    ImportBatch b = read(copy("invitations-2022.csv", dir, "Invitations.csv"));
    assertThat(b.invitations().get(1).toName()).isEqualTo("Ortega, PhD");
    assertThat(b.invitations().get(1).direction()).isEqualTo(Direction.OUTGOING);
  }

  @Test
  void mapsInviterUrlToFromForIncoming() {
    ImportBatch b = read(copy("invitations-2024.csv", dir, "Invitations.csv"));
    Invitation in = b.invitations().get(1);
    assertThat(in.fromUrl()).isEqualTo("https://www.linkedin.com/in/aiko-tanaka");
    assertThat(in.toUrl()).isEqualTo("https://www.linkedin.com/in/mira-sorensen");
  }

  @Test
  void mapsInviterUrlToFromForOutgoing() {
    ImportBatch b = read(copy("invitations-2024.csv", dir, "Invitations.csv"));
    Invitation out = b.invitations().get(0);
    assertThat(out.fromUrl()).isEqualTo("https://www.linkedin.com/in/mira-sorensen");
    assertThat(out.toUrl()).isEqualTo("https://www.linkedin.com/in/chen-wei-42");
    assertThat(out.counterpartUrl()).isEqualTo("https://www.linkedin.com/in/chen-wei-42");
  }

  @Test
  void keepsLineBreaksInsideQuotedMessagesAsWritten() {
    ImportBatch b = read(copy("invitations-2024.csv", dir, "Invitations.csv"));
    assertThat(b.invitations().get(1).message())
        .isEqualTo(
            "Hello Mira,\n"
                + "we spoke after your talk in Lyon.\r\n"
                + "Could I ask you about your parser work?");
  }

  @Test
  void acceptsFourDigitYears() {
    ImportBatch b = read(copy("invitations-2024.csv", dir, "Invitations.csv"));
    assertThat(b.invitations().get(1).sentAt()).isEqualTo(LocalDateTime.of(2024, 11, 20, 19, 2));
  }

  @Test
  void readsLastRowWithoutTrailingNewlineAndDoubledQuotes() {
    ImportBatch b = read(copy("invitations-2024.csv", dir, "Invitations.csv"));
    Invitation last = b.invitations().get(2);
    assertThat(last.fromName()).isEqualTo("Чернов, Илья");
    assertThat(last.message()).isEqualTo("He said \"hi\"");
    assertThat(last.fromUrl()).isEqualTo("https://www.linkedin.com/in/илья-чернов");
  }

  @Test
  void recordsFileNamesAsSources() {
    ImportBatch b =
        read(
            copy("invitations-2024.csv", dir, "Invitations.csv"),
            copy("connections-2024.csv", dir, "Connections.csv"));
    assertThat(b.sources()).containsExactly("Invitations.csv", "Connections.csv");
  }

  @Test
  void recognisesInvitationsByHeaderWhateverTheFileName() {
    ImportBatch b = read(copy("invitations-2024.csv", dir, "my download (1).txt"));
    assertThat(b.invitations()).hasSize(3);
    assertThat(b.connections()).isEmpty();
  }

  @Test
  void recognisesConnectionsByHeaderEvenWhenNamedInvitations() {
    ImportBatch b = read(copy("connections-2024.csv", dir, "Invitations.csv"));
    assertThat(b.connections()).hasSize(3);
    assertThat(b.invitations()).isEmpty();
  }

  @Test
  void readsConnectionsAfterNotesPreamble() {
    ImportBatch b = read(copy("connections-2024.csv", dir, "Connections.csv"));
    assertThat(b.connections().get(1))
        .isEqualTo(
            new Connection(
                "Rosa",
                "Chavez, MBA",
                "https://www.linkedin.com/in/rosa-chavez",
                "rosa@example.org",
                "Acme",
                "VP Sales",
                LocalDate.of(2023, 1, 2)));
  }

  @Test
  void keepsHiddenProfileRowsAsNamelessConnections() {
    ImportBatch b = read(copy("connections-2024.csv", dir, "Connections.csv"));
    Connection hidden = b.connections().get(2);
    assertThat(hidden.fullName()).isEmpty();
    assertThat(hidden.url()).isEmpty();
    assertThat(hidden.connectedOn()).isEqualTo(LocalDate.of(2024, 11, 7));
  }

  @Test
  void readsPre2021ConnectionsWithoutPreambleOrUrlColumn() {
    ImportBatch b = read(copy("connections-2020.csv", dir, "Connections.csv"));
    assertThat(b.connections()).hasSize(3);
    assertThat(b.connections().get(1))
        .isEqualTo(
            new Connection(
                "Jörg",
                "Brandt",
                "",
                "",
                "Brandt & Söhne, GmbH",
                "CTO",
                LocalDate.of(2019, 11, 14)));
  }

  @Test
  void readsSpreadsheetResaveWithBomCrlfAndShortDates() {
    ImportBatch b = read(copy("connections-bom-crlf.csv", dir, "Connections.csv"));
    assertThat(b.connections()).hasSize(2);
    assertThat(b.connections().get(0).firstName()).isEqualTo("Dana");
    assertThat(b.connections().get(0).connectedOn()).isEqualTo(LocalDate.of(2022, 9, 9));
    assertThat(b.connections().get(1).connectedOn()).isEqualTo(LocalDate.of(2024, 12, 16));
  }

  @Test
  void keepsPercentEncodedUrlsInConnectionsAsWritten() {
    ImportBatch b = read(copy("connections-bom-crlf.csv", dir, "Connections.csv"));
    assertThat(b.connections().get(1).url()).startsWith("https://www.linkedin.com/in/%D0%B8");
  }

  @Test
  void decodesUtf16WithByteOrderMark() {
    ImportBatch b = read(copy("invitations-utf16.csv", dir, "Invitations.csv"));
    assertThat(b.invitations())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.message()).isEqualTo("こんにちは");
              assertThat(i.toName()).isEqualTo("Mira Sørensen");
            });
  }

  @Test
  void readsUnpackedExportFolderIgnoringOtherCsvFiles() {
    copy("invitations-2024.csv", dir, "export/Invitations.csv");
    copy("connections-2024.csv", dir, "export/Connections.csv");
    Fixtures.write(
        dir.resolve("export"), "Profile.csv", "First Name,Last Name,Maiden Name\nMira,Sørensen,\n");
    Fixtures.write(dir.resolve("export"), "messages.csv", "CONVERSATION ID,FROM\n\"unterminated\n");
    ImportBatch b = read(dir.resolve("export"));
    assertThat(b.invitations()).hasSize(3);
    assertThat(b.connections()).hasSize(3);
    assertThat(b.sources()).containsExactly("Invitations.csv", "Connections.csv");
  }

  @Test
  void findsLinkedInFilesInFolderByHeaderWhenRenamed() {
    copy("invitations-2024.csv", dir, "export/Invitations (2).csv");
    ImportBatch b = read(dir.resolve("export"));
    assertThat(b.invitations()).hasSize(3);
  }

  @Test
  void readsSeveralPathsIntoOneBatch() {
    ImportBatch b =
        read(
            copy("invitations-2022.csv", dir, "a.csv"), copy("invitations-2024.csv", dir, "b.csv"));
    assertThat(b.invitations()).hasSize(6);
  }
}
