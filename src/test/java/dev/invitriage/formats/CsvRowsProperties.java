package dev.invitriage.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invitriage.domain.InvitriageException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Records are read by FastCSV behind {@link CsvGuard}: whatever the text, they are what Commons
 * CSV (the reader before, kept for the tests) reads from it, cell for cell and line for line, and
 * text it refuses is refused with the same line and reason.
 */
class CsvRowsProperties {

  /** Every character that matters to RFC 4180, and text; no space, see below. */
  private static final List<String> PIECES =
      List.of(",", "\"", "\"\"", "\n", "\r", "\r\n", "a", "é", "中文", "😀", "x,y");

  @Property(tries = 3000)
  void readsWhatCommonsCsvReads(@ForAll("texts") String text) {
    String expected;
    try {
      expected = commonsCsv(text);
    } catch (InvitriageException refused) {
      assertThatThrownBy(() -> rows(text)).isInstanceOf(InvitriageException.class).hasMessage(refused.getMessage());
      return;
    }
    assertThat(rows(text)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(PIECES).list().ofMaxSize(14).map(l -> String.join("", l));
  }

  @Example
  void keepsALoneCarriageReturnEndingAQuotedCellThatEndsItsRecord() {
    // FastCSV alone reads this as the one record a,b,c.
    assertThat(rows("a,\"x\r\"\nb,c\n\"\r\"\n")).isEqualTo("1[a, x\r] 3[b, c] 4[\r] ");
  }

  @Example
  void refusesSpaceAfterAClosingQuote() {
    // The one text Commons CSV took and we refuse: RFC 4180 has nothing between a quote and a comma.
    assertThatThrownBy(() -> rows("a,b\n\"c\" ,d\n"))
        .hasMessage("f.csv:2: unexpected text after a closing quote");
  }

  /** Every record as its line and cells, as {@link #commonsCsv} writes them. */
  private static String rows(String text) {
    StringBuilder out = new StringBuilder();
    try (CsvRows rows = new CsvRows("f.csv", new StringReader(text))) {
      for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
        out.append(row.line()).append(row.cells()).append(' ');
      }
    }
    return out.toString();
  }

  /** What the reader before this one read, its two refusals said as we say them. */
  private static String commonsCsv(String text) {
    StringBuilder out = new StringBuilder();
    try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(new StringReader(text))) {
      Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        long line = parser.getCurrentLineNumber() + 1;
        try {
          if (!records.hasNext()) {
            return out.toString();
          }
          List<String> cells = new ArrayList<>();
          records.next().forEach(cells::add);
          out.append(line).append(cells).append(' ');
        } catch (UncheckedIOException e) {
          String why = e.getMessage().toLowerCase(Locale.ROOT);
          throw InvitriageException.badInput("f.csv:" + line + ": "
              + (why.contains("eof reached before encapsulated token finished") ? "unterminated quoted field"
                  : why.contains("invalid character between encapsulated token and delimiter")
                      ? "unexpected text after a closing quote" : why));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
