package dev.invitriage.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.EncodedEntry;
import dev.invitriage.domain.EncodedInvitation;
import dev.invitriage.domain.ImportBatch;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.RestoredTriage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Export, then import: every invitation and all triage come back exactly. */
class ExportRoundTripProperties {

  private static final List<String> PIECES =
      List.of(
          ",",
          "\"",
          "\n",
          "\r\n",
          "\r",
          "=",
          "'",
          "-",
          "+",
          "@",
          "\t",
          " ",
          "  ",
          "a",
          "Zoë",
          "Ж",
          "Илья",
          "中文",
          "日本語",
          "مرحبا",
          "😀",
          "👩‍💻",
          "𝓜𝓲𝓻𝓪",
          "&#39;",
          "’",
          "[",
          "{",
          "#",
          "\\",
          "''",
          "\"\"",
          "=SUM(A1)",
          "\u00a0",
          "x");

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.of(PIECES).list().ofMaxSize(8).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<InboxEntry> entries() {
    Arbitrary<LocalDateTime> sentAt =
        Arbitraries.longs()
            .between(0, 4_102_444_800L) // 1970 to 2100
            .map(s -> LocalDateTime.ofEpochSecond(s, 0, java.time.ZoneOffset.UTC));
    Arbitrary<Invitation> invitation =
        Combinators.combine(
                Arbitraries.of(Direction.class), text(), text(), text(), text(), sentAt, text())
            .as(Invitation::new);
    Arbitrary<Instant> decidedAt =
        Arbitraries.longs()
            .between(0, 4_102_444_800_000L)
            .map(Instant::ofEpochMilli)
            .injectNull(0.3);
    return Combinators.combine(
            invitation,
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.of(Decision.class),
            decidedAt,
            text())
        .as(Entries::entry);
  }

  @Provide
  Arbitrary<List<InboxEntry>> entryLists() {
    return entries().list().ofMaxSize(6);
  }

  private static List<RestoredTriage> roundTrip(ExportFormat format, List<InboxEntry> entries)
      throws IOException {
    Path dir = Files.createTempDirectory("roundtrip");
    Path file = dir.resolve(format == ExportFormat.CSV ? "export.csv" : "export.json");
    try {
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          ExportWriter w = ExportWriter.open(format, out)) {
        entries.forEach(w::write);
      }
      ImportBatch batch = Fixtures.read(file);
      assertThat(batch.invitations()).isEmpty();
      return batch.restored();
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  @Property(tries = 200)
  void csvExportReadsBackUnchanged(@ForAll("entryLists") List<InboxEntry> entries)
      throws IOException {
    assertThat(roundTrip(ExportFormat.CSV, entries))
        .containsExactlyElementsOf(entries.stream().map(Entries::triageOf).toList());
  }

  /**
   * An entry whose texts are as the store keeps them (UTF-8, one after another) prints exactly as
   * the entry itself, in both formats: an export of the whole inbox prints those.
   */
  @Property(tries = 300)
  void anEntryWithItsTextsAsStoredPrintsTheSameBytes(@ForAll("entryLists") List<InboxEntry> entries) {
    for (ExportFormat format : ExportFormat.values()) {
      ByteArrayOutputStream asEntries = new ByteArrayOutputStream();
      try (ExportWriter w = ExportWriter.open(format, asEntries)) {
        entries.forEach(w::write);
      }
      ByteArrayOutputStream asStored = new ByteArrayOutputStream();
      try (ExportWriter w = ExportWriter.open(format, asStored)) {
        entries.forEach(e -> w.write(encoded(e)));
      }
      assertThat(asStored.toString(StandardCharsets.UTF_8)).as(format.name())
          .isEqualTo(asEntries.toString(StandardCharsets.UTF_8));
    }
  }

  private static EncodedEntry encoded(InboxEntry e) {
    Invitation inv = e.invitation();
    ByteArrayOutputStream texts = new ByteArrayOutputStream();
    texts.write(7); // a byte before the first text, as a record's header is
    List<String> inOrder = List.of(inv.fromName(), inv.fromUrl(), inv.toName(), inv.toUrl(), inv.message());
    int[] bounds = new int[2 * inOrder.size()];
    for (int t = 0; t < inOrder.size(); t++) {
      bounds[2 * t] = texts.size();
      texts.writeBytes(inOrder.get(t).getBytes(StandardCharsets.UTF_8));
      bounds[2 * t + 1] = texts.size();
    }
    EncodedInvitation stored = new EncodedInvitation(inv.direction(), inv.sentAt(), texts.toByteArray(), bounds);
    assertThat(stored.decode()).isEqualTo(inv);
    return new EncodedEntry(e.id(), stored, e.classification(), e.offender(), e.client(), e.connection(),
        e.decision(), e.decidedAt(), e.note());
  }

  @Property(tries = 200)
  void jsonExportReadsBackUnchanged(@ForAll("entryLists") List<InboxEntry> entries)
      throws IOException {
    assertThat(roundTrip(ExportFormat.JSON, entries))
        .containsExactlyElementsOf(entries.stream().map(Entries::triageOf).toList());
  }
}
