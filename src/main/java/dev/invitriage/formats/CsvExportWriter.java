package dev.invitriage.formats;

import dev.invitriage.domain.Decision;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.EncodedEntry;
import dev.invitriage.domain.EncodedInvitation;
import dev.invitriage.domain.EncodedInvitation.Text;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.domain.Verdict;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes the CSV export: RFC 4180 with minimal quoting and a header row, records separated by a
 * bare {@code \n} as LinkedIn's own files are (quoted cells keep their line breaks as they are).
 *
 * <p>Spreadsheet safety: a cell starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or CR
 * could be run as a formula, so it is written with one {@code '} in front. A cell that already
 * starts with {@code '} gets one more too. Reading back therefore drops exactly one leading {@code
 * '} from any cell that has one, and every value comes back exactly as it was.
 *
 * <p>Printed as bytes by {@link CsvPrinter}, quoting as Commons CSV's minimal mode did (the first
 * printer) and FastCSV with the same rules (the second): exports are byte for byte what they were
 * (checked with {@code cmp} on the bench's 1M export, and by {@code CsvQuotingProperties}).
 */
public final class CsvExportWriter implements ExportWriter {
  /** Cells that are always one of a few words, encoded once rather than in every row. */
  private static final byte[][] DIRECTIONS = words(Direction.values(), Direction::name);
  private static final byte[][] VERDICTS = words(Verdict.values(), Verdict::name);
  private static final byte[][] DECISIONS = words(Decision.values(), Decision::word);
  private static final byte[][] BOOLEANS = words(new Boolean[] {false, true}, String::valueOf);

  private final CsvPrinter printer;
  /** A row's id and time as ASCII, printed from here rather than made strings for each row. */
  private final byte[] scratch =
      new byte[Math.max(InvitationId.HEX_LENGTH, Dates.EXPORT_DATE_TIME_LENGTH)];
  /** Each reason printed so far, as printed (see {@link #reason}). */
  private final Map<String, byte[]> printedReasons = new HashMap<>();

  CsvExportWriter(CsvPrinter printer) {
    this.printer = printer;
    record(ExportFields.NAMES);
  }

  @Override
  public void write(InboxEntry entry) {
    record(ExportFields.textValues(entry));
  }

  private void record(List<String> cells) {
    try {
      for (String cell : cells) {
        printer.cell(cell);
      }
      printer.endRecord();
    } catch (UncheckedIOException e) {
      throw cannotWrite(e);
    }
  }

  /**
   * The texts' stored bytes are printed as they are; the other cells as {@link #write(InboxEntry)}
   * prints them (a test holds the two to the same bytes).
   */
  @Override
  public void write(EncodedEntry entry) {
    EncodedInvitation inv = entry.invitation();
    byte[] texts = inv.bytes();
    try {
      entry.id().writeHex(scratch, 0);
      printer.cell(scratch, 0, InvitationId.HEX_LENGTH);
      word(DIRECTIONS[inv.direction().ordinal()]);
      printer.cell(texts, inv.from(Text.FROM_NAME), inv.to(Text.FROM_NAME));
      printer.cell(texts, inv.from(Text.FROM_URL), inv.to(Text.FROM_URL));
      printer.cell(texts, inv.from(Text.TO_NAME), inv.to(Text.TO_NAME));
      printer.cell(texts, inv.from(Text.TO_URL), inv.to(Text.TO_URL));
      if (Dates.writeExportDateTime(inv.sentAt(), scratch)) {
        printer.cell(scratch, 0, Dates.EXPORT_DATE_TIME_LENGTH);
      } else {
        printer.cell(Dates.formatExportDateTime(inv.sentAt()));
      }
      printer.cell(texts, inv.from(Text.MESSAGE), inv.to(Text.MESSAGE));
      word(VERDICTS[entry.classification().verdict().ordinal()]);
      reason(entry.classification().reason());
      word(BOOLEANS[entry.offender() ? 1 : 0]);
      word(BOOLEANS[entry.client() ? 1 : 0]);
      word(BOOLEANS[entry.connection() ? 1 : 0]);
      word(DECISIONS[entry.decision().ordinal()]);
      printer.cell(ExportFields.decidedAt(entry.decidedAt()));
      printer.cell(entry.note());
      printer.endRecord();
    } catch (UncheckedIOException e) {
      throw cannotWrite(e);
    }
  }

  /**
   * A row's reason, one of a hundred or so texts: printed as it was printed for a row before,
   * rather than encoded and looked through for quotes again.
   */
  private void reason(String reason) {
    if (reason.isEmpty()) {
      printer.cell(reason);
      return;
    }
    byte[] printed = printedReasons.get(reason);
    if (printed == null) {
      if (printedReasons.size() == MOST_PRINTED_REASONS) {
        printedReasons.clear(); // never expected: reasons are made from a few words
      }
      printed = CsvPrinter.printed(reason);
      printedReasons.put(reason, printed);
    }
    printer.printedCell(printed);
  }

  private static final int MOST_PRINTED_REASONS = 4096;

  private static InvitriageException cannotWrite(UncheckedIOException e) {
    return InvitriageException.io("cannot write the export", e.getCause());
  }

  private void word(byte[] utf8) {
    printer.cell(utf8, 0, utf8.length);
  }

  private static <T> byte[][] words(T[] values, Function<T, String> word) {
    byte[][] words = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      words[i] = word.apply(values[i]).getBytes(StandardCharsets.UTF_8);
    }
    return words;
  }

  @Override
  public void close() {
    try {
      printer.flush();
    } catch (UncheckedIOException e) {
      throw cannotWrite(e);
    }
  }
}
