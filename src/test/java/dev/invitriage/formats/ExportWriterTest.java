package dev.invitriage.formats;

import static dev.invitriage.formats.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.Invitation;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportWriterTest {

  private static final Invitation PLAIN =
      new Invitation(
          Direction.INCOMING,
          "Dana Whitfield",
          "https://www.linkedin.com/in/dana-whitfield",
          "Mira Sørensen",
          "https://www.linkedin.com/in/mira-sorensen",
          LocalDateTime.of(2022, 8, 26, 20, 56),
          "");

  private static String export(ExportFormat format, InboxEntry... entries) {
    StringWriter out = new StringWriter();
    try (ExportWriter w = ExportWriter.open(format, out)) {
      for (InboxEntry e : entries) {
        w.write(e);
      }
    }
    return out.toString();
  }

  private static Invitation withMessage(String message) {
    return new Invitation(
        PLAIN.direction(),
        PLAIN.fromName(),
        PLAIN.fromUrl(),
        PLAIN.toName(),
        PLAIN.toUrl(),
        PLAIN.sentAt(),
        message);
  }

  private static List<String> csvLines(String csv) {
    return List.of(csv.split("\n", -1));
  }

  @Test
  void csvStartsWithHeaderInFieldOrder() {
    assertThat(csvLines(export(ExportFormat.CSV)).get(0))
        .isEqualTo(
            "id,direction,from_name,from_url,to_name,to_url,sent_at,message,verdict,reason,"
                + "offender,client,connection,decision,decided_at,note");
  }

  @Test
  void csvWritesOneLfTerminatedRecordPerEntry() {
    InboxEntry e =
        entry(
            PLAIN,
            true,
            true,
            Decision.ACCEPT,
            Instant.parse("2026-11-28T10:15:30Z"),
            "met at RustConf");
    String csv = export(ExportFormat.CSV, e);
    assertThat(csv).doesNotContain("\r");
    assertThat(csvLines(csv))
        .containsExactly(
            csvLines(export(ExportFormat.CSV)).get(0),
            e.id().hex()
                + ",INCOMING,Dana Whitfield,https://www.linkedin.com/in/dana-whitfield,Mira"
                + " Sørensen,"
                + "https://www.linkedin.com/in/mira-sorensen,2022-08-26T20:56:00,,DEFAULT,\"default"
                + " text (en, classic)\",false,true,true,accept,2026-11-28T10:15:30Z,met at"
                + " RustConf",
            "");
  }

  @Test
  void csvLeavesDecidedAtEmptyWhenUnset() {
    String row = csvLines(export(ExportFormat.CSV, entry(PLAIN))).get(1);
    assertThat(row).endsWith(",pending,,");
  }

  @Test
  void csvPrefixesFormulaLikeCellsWithApostrophe() {
    String row = csvLines(export(ExportFormat.CSV, entry(withMessage("=HYPERLINK(\"x\")")))).get(1);
    assertThat(row).contains(",\"'=HYPERLINK(\"\"x\"\")\",");
  }

  @Test
  void csvPrefixesCellsStartingWithPlusMinusAtOrTab() {
    for (String risky : List.of("+1 555", "-5", "@mention", "\tindent")) {
      String row = csvLines(export(ExportFormat.CSV, entry(withMessage(risky)))).get(1);
      assertThat(row).contains("'" + risky);
    }
  }

  @Test
  void csvPrefixesCellsThatAlreadyStartWithApostrophe() {
    String row = csvLines(export(ExportFormat.CSV, entry(withMessage("'quoted'")))).get(1);
    assertThat(row).contains(",''quoted',");
  }

  @Test
  void csvLeavesOrdinaryCellsUnprefixed() {
    String row =
        csvLines(export(ExportFormat.CSV, entry(withMessage("Hi - nice to meet you")))).get(1);
    assertThat(row).contains(",Hi - nice to meet you,");
  }

  @Test
  void jsonWritesArrayOfObjectsWithTypedValues() throws Exception {
    InboxEntry e = entry(withMessage("=1+1"), true, false, Decision.LATER, null, "");
    JsonNode array = new ObjectMapper().readTree(export(ExportFormat.JSON, e));
    assertThat(array.isArray()).isTrue();
    JsonNode o = array.get(0);
    assertThat(o.get("id").asText()).isEqualTo(e.id().hex());
    assertThat(o.get("client").isBoolean()).isTrue();
    assertThat(o.get("client").booleanValue()).isTrue();
    assertThat(o.get("offender").booleanValue()).isFalse();
    assertThat(o.get("decided_at").isNull()).isTrue();
    assertThat(o.get("decision").asText()).isEqualTo("later");
    assertThat(o.get("sent_at").asText()).isEqualTo("2022-08-26T20:56:00");
  }

  @Test
  void jsonKeepsFieldOrder() throws Exception {
    JsonNode o = new ObjectMapper().readTree(export(ExportFormat.JSON, entry(PLAIN))).get(0);
    assertThat(o.fieldNames()).toIterable().containsExactlyElementsOf(ExportFields.NAMES);
  }

  @Test
  void jsonDoesNotPrefixFormulaLikeText() throws Exception {
    JsonNode o =
        new ObjectMapper().readTree(export(ExportFormat.JSON, entry(withMessage("=1+1")))).get(0);
    assertThat(o.get("message").asText()).isEqualTo("=1+1");
  }

  @Test
  void jsonOfNoEntriesIsAnEmptyArray() throws Exception {
    assertThat(new ObjectMapper().readTree(export(ExportFormat.JSON)).size()).isZero();
  }

  @Test
  void closeLeavesTheTargetWriterOpen() throws Exception {
    for (ExportFormat format : ExportFormat.values()) {
      StringWriter out = new StringWriter();
      try (ExportWriter w = ExportWriter.open(format, out)) {
        w.write(entry(PLAIN));
      }
      out.write("still open");
      assertThat(out.toString()).endsWith("still open");
    }
  }

  @Test
  void jsonStreamsEntriesBeforeClose() {
    long[] written = {0};
    Writer counting =
        new Writer() {
          @Override
          public void write(char[] cbuf, int off, int len) {
            written[0] += len;
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    try (ExportWriter w = ExportWriter.open(ExportFormat.JSON, counting)) {
      for (int i = 0; i < 20_000; i++) {
        w.write(entry(PLAIN));
      }
      // Jackson's buffer is a few KB; 20,000 entries are several MB, so most must be out already.
      assertThat(written[0]).isGreaterThan(1_000_000);
    }
  }

  @Test
  void csvStreamsEntriesBeforeClose() {
    StringWriter out = new StringWriter();
    try (ExportWriter w = ExportWriter.open(ExportFormat.CSV, out)) {
      for (int i = 0; i < 20_000; i++) {
        w.write(entry(PLAIN));
      }
      // The printer's buffer is 64 KB; 20,000 entries are several MB, so most must be out already.
      assertThat(out.getBuffer().length()).isGreaterThan(1_000_000);
    }
  }
}
