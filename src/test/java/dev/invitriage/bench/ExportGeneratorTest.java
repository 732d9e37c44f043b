package dev.invitriage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.classify.Classifier;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.ImportBatch;
import dev.invitriage.domain.Verdict;
import dev.invitriage.formats.LinkedInExportReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's data is what it claims: a valid export, the same for the same seed, the stated mix. */
class ExportGeneratorTest {

  @Test
  void sameSizeAndSeedWriteTheSameBytes(@TempDir Path a, @TempDir Path b) throws Exception {
    ExportGenerator.Export x = ExportGenerator.ensure(a, 1500, 7);
    ExportGenerator.Export y = ExportGenerator.ensure(b, 1500, 7);
    assertThat(Files.readAllBytes(x.invitationsCsv())).isEqualTo(Files.readAllBytes(y.invitationsCsv()));
    assertThat(Files.readAllBytes(x.folder().resolve("Connections.csv")))
        .isEqualTo(Files.readAllBytes(y.folder().resolve("Connections.csv")));
  }

  @Test
  void folderAndZipReadAsTheSameValidExport(@TempDir Path dir) {
    ExportGenerator.Export e = ExportGenerator.ensure(dir, 1500, 7);
    ImportBatch folder = new LinkedInExportReader().read(List.of(e.folder()), false, s -> { });
    ImportBatch zip = new LinkedInExportReader().read(List.of(e.zip()), false, s -> { });
    assertThat(folder.invitations()).hasSize(1500).isEqualTo(zip.invitations());
    assertThat(folder.connections()).isNotEmpty().isEqualTo(zip.connections());
    assertThat(folder.invitations().stream().filter(i -> i.direction() == Direction.OUTGOING)).hasSize(150);
  }

  @Test
  void theMixHasTheStatedShares() {
    Map<ExportGenerator.Kind, Integer> kinds = new EnumMap<>(ExportGenerator.Kind.class);
    int total = 10_000;
    ExportGenerator.Rows rows = new ExportGenerator.Rows(total, 42);
    while (rows.hasNext()) {
      kinds.merge(rows.next().kind(), 1, Integer::sum);
    }
    assertThat(kinds.get(ExportGenerator.Kind.EMPTY) / (double) total).isBetween(0.38, 0.42);
    assertThat(kinds.get(ExportGenerator.Kind.DEFAULT) / (double) total).isBetween(0.23, 0.27);
    assertThat(kinds.get(ExportGenerator.Kind.TEMPLATE) / (double) total).isBetween(0.04, 0.06);
    assertThat(kinds.get(ExportGenerator.Kind.GENERIC) / (double) total).isBetween(0.04, 0.06);
    assertThat(kinds.get(ExportGenerator.Kind.PERSONAL) / (double) total).isBetween(0.23, 0.27);
  }

  @Test
  void theClassifierJudgesEachKindAsGenerated() {
    Classifier classifier = Classifier.create(List.of());
    Map<ExportGenerator.Kind, Map<Verdict, Integer>> judged = new EnumMap<>(ExportGenerator.Kind.class);
    ExportGenerator.Rows rows = new ExportGenerator.Rows(1500, 42);
    while (rows.hasNext()) {
      ExportGenerator.Row r = rows.next();
      Verdict v = classifier.classify(r.message(), r.from(), r.to()).verdict();
      judged.computeIfAbsent(r.kind(), k -> new EnumMap<>(Verdict.class)).merge(v, 1, Integer::sum);
    }
    assertThat(share(judged, ExportGenerator.Kind.EMPTY, Verdict.EMPTY)).isEqualTo(1.0);
    assertThat(share(judged, ExportGenerator.Kind.DEFAULT, Verdict.DEFAULT)).isGreaterThan(0.9);
    assertThat(share(judged, ExportGenerator.Kind.GENERIC, Verdict.GENERIC)).isGreaterThan(0.9);
    assertThat(share(judged, ExportGenerator.Kind.PERSONAL, Verdict.PERSONAL)).isGreaterThan(0.98);
  }

  @Test
  void personalNotesAreFiftyToSixHundredCharacters() {
    ExportGenerator.Rows rows = new ExportGenerator.Rows(3000, 42);
    while (rows.hasNext()) {
      ExportGenerator.Row r = rows.next();
      if (r.kind() == ExportGenerator.Kind.PERSONAL) {
        assertThat(r.message().length()).as(r.message()).isBetween(49, 600);
      }
    }
  }

  private static double share(Map<ExportGenerator.Kind, Map<Verdict, Integer>> judged, ExportGenerator.Kind k, Verdict v) {
    return judged.get(k).getOrDefault(v, 0) / (double) count(judged, k);
  }

  private static int count(Map<ExportGenerator.Kind, Map<Verdict, Integer>> judged, ExportGenerator.Kind k) {
    return judged.get(k).values().stream().mapToInt(Integer::intValue).sum();
  }
}
