package dev.invitriage.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.invitriage.formats.CsvPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CSV file into memory, each cell as its UTF-8 bytes (as the store hands an export its
 * texts), then prints it again with the export's own printer ({@link CsvPrinter}: its quoting,
 * line ends and bytes) and says how long the printing took: the floor under an export, which
 * must print as much. Run in a fresh JVM with the launcher's settings for export; {@link Bench}
 * reports it beside sqlite3's whole export.
 */
public final class CsvPrint {
  private CsvPrint() { }

  public static void main(String[] args) throws IOException {
    List<byte[][]> rows = new ArrayList<>();
    // Read by FastCSV, which the product's jar holds (the child's class path is the jar's).
    try (Reader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
        CsvReader<CsvRecord> records = CsvReader.builder().ofCsvRecord(r)) {
      for (CsvRecord record : records) {
        rows.add(record.getFields().stream().map(cell -> cell.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new));
      }
    }
    long start = System.nanoTime();
    try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
      CsvPrinter printer = CsvPrinter.to(out);
      for (byte[][] row : rows) {
        for (byte[] cell : row) {
          printer.cell(cell, 0, cell.length);
        }
        printer.endRecord();
      }
      printer.flush();
    }
    System.out.printf(Locale.ROOT, "%.3f%n", (System.nanoTime() - start) / 1e9);
  }
}
