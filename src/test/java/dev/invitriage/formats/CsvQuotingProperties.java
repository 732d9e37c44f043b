package dev.invitriage.formats;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The export's CSV is printed as bytes by {@link CsvPrinter}, quoting as Commons CSV's minimal mode
 * did (the first printer) and FastCSV with the same rules (the second): whatever the cells, the
 * bytes are the same, so an export is what it always was.
 */
class CsvQuotingProperties {
  /** The rules FastCSV printed with: beyond what CSV requires, as Commons CSV quoted. */
  private static final QuoteStrategy AS_BEFORE = new QuoteStrategy() {
    @Override
    public boolean quoteEmpty(int line, int field) {
      return field == 0;
    }

    @Override
    public boolean quoteNonEmpty(int line, int field, String value) {
      return value.charAt(0) <= '#' || value.charAt(value.length() - 1) <= ' ';
    }
  };

  @Property(tries = 2000)
  void theExportsPrinterPrintsWhatCommonsCsvAndFastCsvPrinted(@ForAll("rows") List<List<String>> rows) throws IOException {
    List<List<String>> neutralised = new ArrayList<>();
    for (List<String> row : rows) {
      neutralised.add(row.stream().map(ExportFields::neutralise).toList());
    }
    StringWriter commons = new StringWriter();
    CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator('\n').setQuoteMode(QuoteMode.MINIMAL).get();
    try (CSVPrinter printer = new CSVPrinter(commons, format)) {
      for (List<String> row : neutralised) {
        printer.printRecord(row);
      }
    }
    StringWriter fast = new StringWriter();
    CsvWriter writer = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).quoteStrategy(AS_BEFORE).build(fast);
    for (List<String> row : neutralised) {
      writer.writeRecord(row);
    }
    writer.flush();
    assertThat(fast.toString()).isEqualTo(commons.toString());

    // As the printers before reached a UTF-8 file: a lone surrogate, which UTF-8 cannot hold, is '?'.
    byte[] before = commons.toString().getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    print(rows, CsvPrinter.to(bytes));
    assertThat(bytes.toByteArray()).isEqualTo(before);
    StringWriter chars = new StringWriter();
    print(rows, CsvPrinter.to(chars));
    assertThat(chars.toString()).isEqualTo(new String(before, StandardCharsets.UTF_8));
  }

  @Example
  void aWriterGetsWholeCharactersWhereverTheBufferFills() {
    // Three-byte characters in cells of every length up to past the 64 KB buffer: every hand-over
    // to the writer ends between cells, never inside a character.
    List<List<String>> rows = new ArrayList<>();
    for (int length = 1; length < 70_000; length = length * 3 / 2 + 1) {
      rows.add(List.of("€".repeat(length), "a,\"b\"", "'" + "\uD83D\uDE00".repeat(length / 7)));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    print(rows, CsvPrinter.to(bytes));
    StringWriter chars = new StringWriter();
    print(rows, CsvPrinter.to(chars));
    assertThat(chars.toString()).isEqualTo(bytes.toString(StandardCharsets.UTF_8)).contains("€€€,\"a,\"\"b\"\"\",''");
  }

  /** A cell printed from its printed form is the cell printed, wherever it stands in its record. */
  @Property(tries = 1000)
  void aPrintedCellIsTheCellPrinted(@ForAll("rows") List<List<String>> rows) {
    ByteArrayOutputStream cells = new ByteArrayOutputStream();
    print(rows, CsvPrinter.to(cells));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    CsvPrinter printer = CsvPrinter.to(printed);
    for (List<String> row : rows) {
      for (String cell : row) {
        if (cell.isEmpty()) {
          printer.cell(cell); // as it stands: quoted only as a record's first cell
        } else {
          printer.printedCell(CsvPrinter.printed(cell));
        }
      }
      printer.endRecord();
    }
    printer.flush();
    assertThat(printed.toByteArray()).isEqualTo(cells.toByteArray());
  }

  private static void print(List<List<String>> rows, CsvPrinter printer) {
    for (List<String> row : rows) {
      row.forEach(printer::cell);
      printer.endRecord();
    }
    printer.flush();
  }

  @Provide
  Arbitrary<List<List<String>>> rows() {
    // Characters that decide quoting (separators, quotes, line ends, '#' and below, spaces, other
    // whitespace and controls) and neutralising (= + - @ ' tab CR first) mixed with ordinary
    // letters, a two-byte letter, a three-byte one and a non-BMP emoji; long enough that the
    // printer's eight-byte steps meet every kind of byte at every place in them.
    Arbitrary<String> cell = Arbitraries.strings()
        .withChars(',', '"', '\n', '\r', '#', '!', ' ', '\t', '\u0000', '\u0085', '\u00a0', '\'', '=', '-', '+', '@', 'a', 'Z', 'é', '€')
        .withChars("\uD83D\uDE00".toCharArray())
        .ofMaxLength(24);
    return cell.list().ofMinSize(1).ofMaxSize(6).list().ofMinSize(1).ofMaxSize(5);
  }
}
