package dev.invitriage.formats;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
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
    LocalDateTime usual = sentAtAsLinkedInWritesIt(s);
    return usual != null ? Optional.of(usual) : sentAtByFormatters(s);
  }

  /**
   * The form LinkedIn writes, "8/26/22, 8:56 PM" (a four-digit year too), read digit by digit; null
   * for anything else, which the formatters then read or refuse. The formatters took an eighth of
   * an import's reading: every row has a date. {@code DatesTest} holds the two to one reading.
   */
  private static LocalDateTime sentAtAsLinkedInWritesIt(String s) {
    int[] at = {0};
    int month = readDigits(s, at, 1, 2);
    int day = skip(s, at, "/") ? readDigits(s, at, 1, 2) : -1;
    boolean slash = skip(s, at, "/");
    int yearStart = at[0];
    int year = slash ? readDigits(s, at, 2, 4) : -1;
    int yearDigits = at[0] - yearStart;
    int hour = skip(s, at, ", ") ? readDigits(s, at, 1, 2) : -1;
    int minute = skip(s, at, ":") ? readDigits(s, at, 2, 2) : -1;
    if (month < 0 || day < 0 || year < 0 || yearDigits == 3 || hour < 1 || hour > 12 || minute < 0
        || minute > 59 || !skip(s, at, " ") || at[0] + 2 != s.length()
        || Character.toUpperCase(s.charAt(at[0] + 1)) != 'M') {
      return null;
    }
    char half = Character.toUpperCase(s.charAt(at[0]));
    if (half != 'A' && half != 'P') {
      return null;
    }
    try {
      return LocalDateTime.of(yearDigits == 2 ? 2000 + year : year, month, day,
          hour % 12 + (half == 'P' ? 12 : 0), minute);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The number of {@code min} to {@code max} ASCII digits at {@code at[0]}, moving past them; -1 if none. */
  private static int readDigits(String s, int[] at, int min, int max) {
    int value = 0;
    int i = at[0];
    while (i < s.length() && i - at[0] < max && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      value = 10 * value + s.charAt(i++) - '0';
    }
    if (i - at[0] < min) {
      return -1;
    }
    at[0] = i;
    return value;
  }

  /** True, moving past it, when {@code literal} stands at {@code at[0]}. */
  private static boolean skip(String s, int[] at, String literal) {
    if (!s.startsWith(literal, at[0])) {
      return false;
    }
    at[0] += literal.length();
    return true;
  }

  /** {@code Sent At} as the formatters read it, space before AM/PM already plain. */
  static Optional<LocalDateTime> sentAtByFormatters(String s) {
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

  /**
   * An export's {@code sent_at}, as {@link #EXPORT_DATE_TIME} prints it. The usual one, of a year
   * of four digits and whole seconds, is written digit by digit: the formatter took a tenth of an
   * export's time. {@code DatesTest} holds the two to one text.
   */
  static String formatExportDateTime(LocalDateTime t) {
    byte[] text = new byte[EXPORT_DATE_TIME_LENGTH];
    return writeExportDateTime(t, text)
        ? new String(text, StandardCharsets.US_ASCII)
        : EXPORT_DATE_TIME.format(t);
  }

  /** How long the usual {@code sent_at} is: {@code 2024-01-31T09:05:00}. */
  static final int EXPORT_DATE_TIME_LENGTH = 19;

  /**
   * Writes the usual {@code sent_at} into {@code text} as ASCII, {@link #EXPORT_DATE_TIME_LENGTH}
   * bytes, and says so; false, writing nothing, for a time of another form (then ask the
   * formatter). A CSV export prints it so, without a string for each row.
   */
  static boolean writeExportDateTime(LocalDateTime t, byte[] text) {
    if (t.getYear() < 0 || t.getYear() > 9999 || t.getNano() != 0) {
      return false;
    }
    writeDigits(text, 0, t.getYear(), 4);
    text[4] = '-';
    writeDigits(text, 5, t.getMonthValue(), 2);
    text[7] = '-';
    writeDigits(text, 8, t.getDayOfMonth(), 2);
    text[10] = 'T';
    writeDigits(text, 11, t.getHour(), 2);
    text[13] = ':';
    writeDigits(text, 14, t.getMinute(), 2);
    text[16] = ':';
    writeDigits(text, 17, t.getSecond(), 2);
    return true;
  }

  /** Writes {@code value} as {@code width} decimal digits, zero-padded, at {@code at}. */
  private static void writeDigits(byte[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
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
