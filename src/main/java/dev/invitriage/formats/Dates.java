package dev.invitriage.formats;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The date formats LinkedIn's exports and invitriage's own exports use. */
final class Dates {
  private Dates() {}

  // LinkedIn writes "8/26/22, 8:56 PM" in US English; two-digit years are this century.
  private static final DateTimeFormatter SENT_AT_SHORT_YEAR =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("M/d/")
          .appendValueReduced(ChronoField.YEAR, 2, 2, 2000)
          .appendPattern(", h:mm a")
          .toFormatter(Locale.US)
          .withResolverStyle(ResolverStyle.STRICT);

  private static final DateTimeFormatter SENT_AT_LONG_YEAR =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("M/d/uuuu, h:mm a")
          .toFormatter(Locale.US)
          .withResolverStyle(ResolverStyle.STRICT);

  private static final List<DateTimeFormatter> CONNECTED_ON =
      List.of(
          formatter("d MMM uuuu"), // 16 Dec 2024, as LinkedIn writes it
          formatter("d-MMM-uu"), // 9-Sep-22, after a spreadsheet re-save
          formatter("d-MMM-uuuu"),
          formatter("uuuu-MM-dd"));

  /** Always prints seconds; prints a fraction only when there is one, and parses either. */
  static final DateTimeFormatter EXPORT_DATE_TIME =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  private static DateTimeFormatter formatter(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.US)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /** Parses Invitations.csv's {@code Sent At}. */
  static Optional<LocalDateTime> sentAt(String text) {
    // Spreadsheets and newer JDKs write a (narrow) no-break space before AM/PM.
    String s = text.strip().replace('\u202F', ' ').replace('\u00A0', ' ');
    for (DateTimeFormatter f : List.of(SENT_AT_SHORT_YEAR, SENT_AT_LONG_YEAR)) {
      try {
        return Optional.of(LocalDateTime.parse(s, f));
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }

  /** Parses Connections.csv's {@code Connected On}. */
  static Optional<LocalDate> connectedOn(String text) {
    String s = text.strip();
    for (DateTimeFormatter f : CONNECTED_ON) {
      try {
        return Optional.of(LocalDate.parse(s, f));
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }

  /** Parses an export's {@code sent_at}. */
  static Optional<LocalDateTime> exportDateTime(String text) {
    try {
      return Optional.of(LocalDateTime.parse(text, EXPORT_DATE_TIME));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
