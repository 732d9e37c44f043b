package dev.invitriage.formats;

import dev.invitriage.domain.EncodedEntry;
import dev.invitriage.domain.InboxEntry;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Streams inbox entries into an export, one at a time, so an export of any size needs no more
 * memory than one entry. Fields, in order: {@code id, direction, from_name, from_url, to_name,
 * to_url, sent_at, message, verdict, reason, offender, client, connection, decision, decided_at,
 * note}. {@link LinkedInExportReader} reads both formats back without loss.
 *
 * <p>Both formats are UTF-8 (the reader accepts nothing else without a BOM): over bytes the writers
 * encode so, and a {@link Writer} given them should.
 *
 * <p>{@link #close()} finishes the document and flushes, but leaves {@code out} open: whoever
 * opened it closes it (it may be the terminal's own writer).
 */
public interface ExportWriter extends AutoCloseable {

  /**
   * Opens a writer of the given format; the CSV header or the JSON array opening is written now.
   */
  static ExportWriter open(ExportFormat format, Writer out) {
    return switch (format) {
      case CSV -> new CsvExportWriter(CsvPrinter.to(out));
      case JSON -> new JsonExportWriter(out);
    };
  }

  /** {@link #open(ExportFormat, Writer)} over bytes, which the CSV export prints as they are. */
  static ExportWriter open(ExportFormat format, OutputStream out) {
    return switch (format) {
      case CSV -> new CsvExportWriter(CsvPrinter.to(out));
      case JSON -> new JsonExportWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    };
  }

  /** Appends one entry. */
  void write(InboxEntry entry);

  /** Appends one entry, its texts as the store keeps them, as its {@link InboxEntry} would be. */
  void write(EncodedEntry entry);

  /** Ends the document and flushes {@code out} without closing it. */
  @Override
  void close();
}
