package dev.invitriage.formats;

import dev.invitriage.domain.Client;
import dev.invitriage.domain.Connection;
import dev.invitriage.domain.InvitriageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a client list: either a CSV with the header {@code name,profile_url,company,note} (the
 * {@code note} column may be left out), or a LinkedIn Connections.csv whose named connections all
 * become clients. Clients come back with id 0, not yet stored.
 */
public final class ClientCsvReader {

  private static final List<String> HEADER = List.of("name", "profile_url", "company", "note");

  /**
   * Reads the clients in one file.
   *
   * @param fromConnections the file is a LinkedIn Connections.csv: each connection with a name
   *     becomes a client whose note is their position
   * @throws InvitriageException naming file, line and field for any problem
   */
  public List<Client> read(Path file, boolean fromConnections) {
    if (!Files.exists(file)) {
      throw InvitriageException.badInput(file + ": no such file");
    }
    if (Files.isDirectory(file)) {
      throw InvitriageException.badInput(file + ": is a folder, expected a CSV file");
    }
    Path fn = file.getFileName();
    String name = fn == null ? file.toString() : fn.toString();
    try (InputStream in = Files.newInputStream(file);
        CsvRows rows = new CsvRows(name, new BufferedReader(StrictTextReader.open(in), 8192))) {
      return fromConnections ? fromConnections(rows) : fromClientList(rows);
    } catch (InvitriageException e) {
      throw e;
    } catch (IOException e) {
      throw InvitriageException.io(name + ": cannot read the file", e);
    } catch (RuntimeException e) {
      throw new InvitriageException(
          InvitriageException.Kind.BAD_INPUT, name + ": cannot read this file", e);
    }
  }

  private static List<Client> fromClientList(CsvRows rows) {
    CsvRows.Row header = rows.nextNonBlank();
    if (header == null) {
      throw Problems.at(
          rows.file() + ":1", "empty file (expected a name,profile_url,company,note header)");
    }
    boolean withNote = CsvHeader.matches(header.cells(), HEADER);
    if (!withNote && !CsvHeader.matches(header.cells(), HEADER.subList(0, 3))) {
      throw Problems.at(
          rows.file() + ":" + header.line(),
          "unknown header (expected name,profile_url,company,note)");
    }
    int width = header.size();
    List<Client> clients = new ArrayList<>();
    for (CsvRows.Row row = rows.nextNonBlank(); row != null; row = rows.nextNonBlank()) {
      String where = rows.file() + ":" + row.line();
      if (row.size() != width) {
        throw Problems.at(where, "expected " + width + " cells, found " + row.size());
      }
      if (row.cell(0).isBlank()) {
        throw Problems.field(where, "name", "is empty");
      }
      clients.add(
          new Client(
              0,
              row.cell(0).strip(),
              row.cell(1).strip(),
              row.cell(2).strip(),
              withNote ? row.cell(3) : ""));
    }
    return clients;
  }

  private static List<Client> fromConnections(CsvRows rows) {
    CsvHeader header = CsvHeader.detect(rows);
    if (header.kind() != CsvHeader.Kind.CONNECTIONS) {
      throw Problems.at(
          rows.file() + ":" + header.line(), "not a LinkedIn Connections.csv (unknown header)");
    }
    List<Client> clients = new ArrayList<>();
    for (CsvRows.Row row = rows.nextNonBlank(); row != null; row = rows.nextNonBlank()) {
      String where = rows.file() + ":" + row.line();
      if (row.size() != header.width()) {
        throw Problems.at(where, "expected " + header.width() + " cells, found " + row.size());
      }
      Connection c = LinkedInExportReader.toConnection(row, header, where);
      // Hidden profiles have no name to show or match, so they cannot be clients.
      if (!c.fullName().isEmpty()) {
        clients.add(new Client(0, c.fullName(), c.url(), c.company(), c.position()));
      }
    }
    return clients;
  }
}
