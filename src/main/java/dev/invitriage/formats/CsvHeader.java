package dev.invitriage.formats;

import java.util.List;
import java.util.Locale;

/**
 * What a CSV file is, judged by its header row (never by its name), and where its columns are.
 *
 * @param line the header's physical line, for messages
 * @param columns the header as written, width of every data row
 */
record CsvHeader(Kind kind, long line, List<String> columns) {

  /** The files this package understands. */
  enum Kind {
    INVITATIONS,
    CONNECTIONS,
    EXPORT,
    UNKNOWN,
    EMPTY
  }

  static final List<String> INVITATIONS_OLD =
      List.of("From", "To", "Sent At", "Message", "Direction");
  static final List<String> INVITATIONS_NEW =
      List.of(
          "From",
          "To",
          "Sent At",
          "Message",
          "Direction",
          "inviterProfileUrl",
          "inviteeProfileUrl");
  static final List<String> CONNECTIONS_NEW =
      List.of(
          "First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On");
  static final List<String> CONNECTIONS_OLD =
      List.of("First Name", "Last Name", "Email Address", "Company", "Position", "Connected On");

  /** Reads up to and including the header row (skipping LinkedIn's {@code Notes:} preamble). */
  static CsvHeader detect(CsvRows rows) {
    CsvRows.Row header = rows.nextNonBlank();
    if (header == null) {
      return new CsvHeader(Kind.EMPTY, 1, List.of());
    }
    if (header.size() == 1 && header.cell(0).strip().equalsIgnoreCase("Notes:")) {
      // Since mid-2021 Connections.csv opens with "Notes:", one quoted paragraph and an empty
      // line. Skip single-cell rows, but only a couple, so a one-column file is not swallowed.
      long notesLine = header.line();
      header = rows.nextNonBlank();
      while (header != null && header.size() == 1 && header.line() <= notesLine + 2) {
        header = rows.nextNonBlank();
      }
      if (header == null) {
        return new CsvHeader(Kind.UNKNOWN, notesLine, List.of());
      }
    }
    List<String> cells = header.cells();
    Kind kind = Kind.UNKNOWN;
    if (matches(cells, INVITATIONS_NEW) || matches(cells, INVITATIONS_OLD)) {
      kind = Kind.INVITATIONS;
    } else if (matches(cells, CONNECTIONS_NEW) || matches(cells, CONNECTIONS_OLD)) {
      kind = Kind.CONNECTIONS;
    } else if (matches(cells, ExportFields.NAMES)) {
      kind = Kind.EXPORT;
    }
    return new CsvHeader(kind, header.line(), cells);
  }

  /** Same names in the same order, ignoring case and surrounding spaces. */
  static boolean matches(List<String> cells, List<String> expected) {
    if (cells.size() != expected.size()) {
      return false;
    }
    for (int i = 0; i < cells.size(); i++) {
      if (!cells.get(i).strip().equalsIgnoreCase(expected.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Index of a column by name (ignoring case), or -1. */
  int indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).strip().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    return -1;
  }

  int width() {
    return columns.size();
  }
}
