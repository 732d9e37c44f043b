package dev.invitriage.bench;

import dev.invitriage.formats.LinkedInExportReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a LinkedIn export as an import reads it ({@link LinkedInExportReader}: FastCSV, the
 * quoting and cell checks, the UTF-8 checks, every row made an invitation), lets go of each part, and says how
 * long that took: the floor under an import, which must read as much before it judges or stores a
 * row. Run in a fresh JVM with the launcher's settings for import; {@link Bench} reports it beside
 * sqlite3's whole import.
 */
public final class ExportRead {
  private ExportRead() { }

  public static void main(String[] args) {
    long[] rows = {0};
    long start = System.nanoTime();
    new LinkedInExportReader().read(List.of(Path.of(args[0])), false, skipped -> { }, part -> rows[0] += part.invitations().size());
    double seconds = (System.nanoTime() - start) / 1e9;
    if (rows[0] == 0) {
      throw new IllegalStateException(args[0] + ": no invitations read");
    }
    System.out.printf(Locale.ROOT, "%.3f%n", seconds);
  }
}
