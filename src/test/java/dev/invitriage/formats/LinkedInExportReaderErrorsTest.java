package dev.invitriage.formats;

import static dev.invitriage.formats.Fixtures.copy;
import static dev.invitriage.formats.Fixtures.read;
import static dev.invitriage.formats.Fixtures.readSkipping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invitriage.domain.ImportBatch;
import dev.invitriage.domain.InvitriageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkedInExportReaderErrorsTest {

  @TempDir Path dir;

  private static void failsWith(Path path, String message) {
    assertThatThrownBy(() -> read(path))
        .isInstanceOfSatisfying(
            InvitriageException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo(message);
              assertThat(e.kind()).isEqualTo(InvitriageException.Kind.BAD_INPUT);
            });
  }

  @Test
  void reportsUnterminatedQuoteAtTheLineItStarts() {
    failsWith(
        copy("broken-unterminated-quote.csv", dir, "Invitations.csv"),
        "Invitations.csv:3: unterminated quoted field");
  }

  @Test
  void reportsUnreadableSentAtWithFieldAndValue() {
    failsWith(
        copy("broken-bad-date.csv", dir, "Invitations.csv"),
        "Invitations.csv:3: field \"Sent At\": cannot read date \"13/45/22, 9:00 PM\"");
  }

  @Test
  void reportsWrongCellCountAtTheRecordsFirstLine() {
    // Line 2's record spans two lines, so the short record starts on line 4.
    failsWith(
        copy("broken-cell-count.csv", dir, "Invitations.csv"),
        "Invitations.csv:4: expected 7 cells, found 5");
  }

  @Test
  void reportsStrayQuoteThatClosesOnALaterLine() {
    failsWith(
        Fixtures.write(
            dir,
            "Invitations.csv",
            "From,To,Sent At,Message,Direction\n"
                + "Dana,Mira,\"8/26/22, 8:56 PM\",\"oops,INCOMING\n"
                + "Jörg,Mira,\"8/27/22, 8:56 PM\",,INCOMING\n"),
        "Invitations.csv:2: unexpected text after a closing quote");
  }

  @Test
  void reportsUnknownDirection() {
    failsWith(
        copy("broken-direction.csv", dir, "Invitations.csv"),
        "Invitations.csv:2: field \"Direction\": expected INCOMING or OUTGOING, found"
            + " \"SIDEWAYS\"");
  }

  @Test
  void reportsUnknownHeader() {
    failsWith(
        copy("broken-unknown-header.csv", dir, "Invitations.csv"),
        "Invitations.csv:1: unknown header (not a LinkedIn Invitations.csv or Connections.csv)");
  }

  @Test
  void reportsEmptyFile() {
    failsWith(
        Fixtures.write(dir, "Invitations.csv", ""),
        "Invitations.csv:1: empty file (not a LinkedIn Invitations.csv or Connections.csv)");
  }

  @Test
  void reportsInvalidUtf8WithItsLine() {
    failsWith(
        copy("broken-invalid-utf8.csv", dir, "Invitations.csv"),
        "Invitations.csv:3: invalid UTF-8");
  }

  @Test
  void reportsInvalidUtf8DeepInALargeFileWithItsLine() {
    StringBuilder sb = new StringBuilder("From,To,Sent At,Message,Direction\n");
    for (int i = 0; i < 5000; i++) {
      sb.append("Dana Whitfield,Mira Sørensen,\"8/26/22, 8:56 PM\",\"a\r\nb\",INCOMING\n");
    }
    byte[] head = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] tail =
        "Dana,Mira,\"8/26/22, 8:56 PM\",\u00ff,INCOMING\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Path p = dir.resolve("Invitations.csv");
    try {
      Files.write(p, head);
      Files.write(p, tail, java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    // Header, then 5000 records of two lines each: the bad record is on line 10002.
    failsWith(p, "Invitations.csv:10002: invalid UTF-8");
  }

  @Test
  void reportsUnreadableConnectedOn() {
    failsWith(
        copy("broken-connected-on.csv", dir, "Connections.csv"),
        "Connections.csv:5: field \"Connected On\": cannot read date \"yesterday\"");
  }

  @Test
  void reportsTextAfterClosingQuote() {
    failsWith(
        Fixtures.write(
            dir,
            "Invitations.csv",
            "From,To,Sent At,Message,Direction\nDana,Mira,\"8/26/22, 8:56 PM\",\"hi\"x,INCOMING\n"),
        "Invitations.csv:2: unexpected text after a closing quote");
  }

  @Test
  void reportsMissingPath() {
    Path missing = dir.resolve("nope.csv");
    failsWith(missing, missing + ": no such file");
  }

  @Test
  void reportsFolderWithoutLinkedInFiles() throws Exception {
    Path export = Files.createDirectories(dir.resolve("export"));
    Fixtures.write(export, "Profile.csv", "First Name,Last Name\nMira,Sørensen\n");
    failsWith(export, export + ": no Invitations.csv or Connections.csv found in this folder");
  }

  @Test
  void reportsUnknownHeaderOfFileNamedInvitationsInFolder() throws Exception {
    Path export = Files.createDirectories(dir.resolve("export"));
    copy("broken-unknown-header.csv", export, "Invitations.csv");
    failsWith(
        export,
        "Invitations.csv:1: unknown header (not a LinkedIn Invitations.csv or Connections.csv)");
  }

  @Test
  void keepsErrorMessagesOnOneLineWhenTheBadValueHasLineBreaks() {
    Path p =
        Fixtures.write(
            dir,
            "Invitations.csv",
            "From,To,Sent At,Message,Direction\nDana,Mira,\"8/26/22,\n8:56 PM\",,INCOMING\n");
    failsWith(p, "Invitations.csv:2: field \"Sent At\": cannot read date \"8/26/22,\\n8:56 PM\"");
  }

  @Test
  void skipBadStoresGoodRowsAndReportsTheBadOne() {
    List<String> skipped = new ArrayList<>();
    ImportBatch b = readSkipping(skipped, copy("broken-cell-count.csv", dir, "Invitations.csv"));
    assertThat(b.invitations()).hasSize(2);
    assertThat(skipped).containsExactly("Invitations.csv:4: expected 7 cells, found 5 (skipped)");
  }

  @Test
  void skipBadReportsEachBadRowOnce() {
    List<String> skipped = new ArrayList<>();
    Path p =
        Fixtures.write(
            dir,
            "Invitations.csv",
            "From,To,Sent At,Message,Direction\n"
                + "Dana,Mira,\"8/26/22, 8:56 PM\",,INCOMING\n"
                + "Dana,Mira,\"13/45/22, 9:00 PM\",,INCOMING\n"
                + "Dana,Mira,\"8/26/22, 8:56 PM\",,UP\n");
    ImportBatch b = readSkipping(skipped, p);
    assertThat(b.invitations()).hasSize(1);
    assertThat(skipped)
        .containsExactly(
            "Invitations.csv:3: field \"Sent At\": cannot read date \"13/45/22, 9:00 PM\""
                + " (skipped)",
            "Invitations.csv:4: field \"Direction\": expected INCOMING or OUTGOING, found \"UP\""
                + " (skipped)");
  }

  @Test
  void skipBadStillFailsOnUnterminatedQuote() {
    List<String> skipped = new ArrayList<>();
    Path p = copy("broken-unterminated-quote.csv", dir, "Invitations.csv");
    assertThatThrownBy(() -> readSkipping(skipped, p))
        .isInstanceOf(InvitriageException.class)
        .hasMessage("Invitations.csv:3: unterminated quoted field");
  }

  @Test
  void skipBadStillFailsOnUnknownHeader() {
    Path p = copy("broken-unknown-header.csv", dir, "Invitations.csv");
    assertThatThrownBy(() -> readSkipping(new ArrayList<>(), p))
        .isInstanceOf(InvitriageException.class)
        .hasMessage(
            "Invitations.csv:1: unknown header (not a LinkedIn Invitations.csv or"
                + " Connections.csv)");
  }

  @Test
  void skipBadStillFailsOnInvalidUtf8() {
    Path p = copy("broken-invalid-utf8.csv", dir, "Invitations.csv");
    assertThatThrownBy(() -> readSkipping(new ArrayList<>(), p))
        .isInstanceOf(InvitriageException.class)
        .hasMessage("Invitations.csv:3: invalid UTF-8");
  }
}
