package dev.invitriage.formats;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The export's CSV is printed by FastCSV with the quoting Commons CSV's minimal mode used before:
 * whatever the cells, the bytes are the same, so an export is what it always was.
 */
class CsvQuotingProperties {

  @Property(tries = 2000)
  void fastCsvWithTheExportsQuotingPrintsWhatCommonsCsvPrinted(@ForAll("rows") List<List<String>> rows) throws IOException {
    StringWriter commons = new StringWriter();
    CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator('\n').setQuoteMode(QuoteMode.MINIMAL).get();
    try (CSVPrinter printer = new CSVPrinter(commons, format)) {
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    }
    StringWriter fast = new StringWriter();
    CsvWriter writer = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).quoteStrategy(CsvExportWriter.AS_BEFORE).build(fast);
    for (List<String> row : rows) {
      writer.writeRecord(row);
    }
    writer.flush();
    assertThat(fast.toString()).isEqualTo(commons.toString());
  }

  @Provide
  Arbitrary<List<List<String>>> rows() {
    // Characters that decide quoting (separators, quotes, line ends, '#' and below, spaces, other
    // whitespace and controls) mixed with ordinary letters and a non-BMP emoji.
    Arbitrary<String> cell = Arbitraries.strings()
        .withChars(',', '"', '\n', '\r', '#', '!', ' ', '\t', '\u0000', '\u0085', '\u00a0', '\'', '=', '-', 'a', 'Z', 'é')
        .withChars("\uD83D\uDE00".toCharArray())
        .ofMaxLength(8);
    return cell.list().ofMinSize(1).ofMaxSize(6).list().ofMinSize(1).ofMaxSize(5);
  }
}
