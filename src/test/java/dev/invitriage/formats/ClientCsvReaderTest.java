package dev.invitriage.formats;

import static dev.invitriage.formats.Fixtures.copy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invitriage.domain.Client;
import dev.invitriage.domain.InvitriageException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientCsvReaderTest {

  @TempDir Path dir;

  private final ClientCsvReader reader = new ClientCsvReader();

  @Test
  void readsClientListWithCaseInsensitiveHeader() {
    List<Client> clients = reader.read(copy("clients.csv", dir, "clients.csv"), false);
    assertThat(clients)
        .containsExactly(
            new Client(
                0,
                "Aiko Tanaka",
                "https://www.linkedin.com/in/aiko-tanaka",
                "Kitsune Labs",
                "Retainer since 2023, renews in March"),
            new Client(0, "Ortega, Luis", "", "Ortega Consulting", ""));
  }

  @Test
  void readsClientListWithoutNoteColumn() {
    List<Client> clients = reader.read(copy("clients-no-note.csv", dir, "clients.csv"), false);
    assertThat(clients).singleElement().extracting(Client::note).isEqualTo("");
  }

  @Test
  void rejectsClientListWithColumnsOutOfOrder() {
    Path p = Fixtures.write(dir, "clients.csv", "profile_url,name,company,note\nx,y,z,\n");
    assertThatThrownBy(() -> reader.read(p, false))
        .isInstanceOf(InvitriageException.class)
        .hasMessage("clients.csv:1: unknown header (expected name,profile_url,company,note)");
  }

  @Test
  void rejectsClientWithoutName() {
    Path p =
        Fixtures.write(dir, "clients.csv", "name,profile_url,company,note\n,https://x,Acme,\n");
    assertThatThrownBy(() -> reader.read(p, false))
        .isInstanceOf(InvitriageException.class)
        .hasMessage("clients.csv:2: field \"name\": is empty");
  }

  @Test
  void rejectsClientRowWithWrongCellCount() {
    Path p = Fixtures.write(dir, "clients.csv", "name,profile_url,company,note\nAiko,x\n");
    assertThatThrownBy(() -> reader.read(p, false))
        .isInstanceOf(InvitriageException.class)
        .hasMessage("clients.csv:2: expected 4 cells, found 2");
  }

  @Test
  void turnsNamedConnectionsIntoClientsWithPositionAsNote() {
    List<Client> clients = reader.read(copy("connections-2024.csv", dir, "Connections.csv"), true);
    assertThat(clients)
        .containsExactly(
            new Client(
                0,
                "Dana Whitfield",
                "https://www.linkedin.com/in/dana-whitfield",
                "Northwind",
                "Engineering Manager"),
            new Client(
                0,
                "Rosa Chavez, MBA",
                "https://www.linkedin.com/in/rosa-chavez",
                "Acme",
                "VP Sales"));
  }

  @Test
  void rejectsInvitationsFileWhenConnectionsExpected() {
    Path p = copy("invitations-2024.csv", dir, "Connections.csv");
    assertThatThrownBy(() -> reader.read(p, true))
        .isInstanceOf(InvitriageException.class)
        .hasMessage("Connections.csv:1: not a LinkedIn Connections.csv (unknown header)");
  }

  @Test
  void reportsMissingClientFile() {
    Path missing = dir.resolve("clients.csv");
    assertThatThrownBy(() -> reader.read(missing, false))
        .isInstanceOf(InvitriageException.class)
        .hasMessage(missing + ": no such file");
  }

  @Test
  void reportsInvalidUtf8InClientFile() {
    Path p = copy("broken-invalid-utf8.csv", dir, "clients.csv");
    assertThatThrownBy(() -> reader.read(p, true))
        .isInstanceOf(InvitriageException.class)
        .hasMessage("clients.csv:3: invalid UTF-8");
  }
}
