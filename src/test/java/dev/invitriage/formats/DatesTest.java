package dev.invitriage.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@code Sent At} is read digit by digit in LinkedIn's usual form, and exactly as the formatters read it. */
class DatesTest {

  @Example
  void readsLinkedInsForms() {
    assertThat(Dates.sentAt("8/26/22, 8:56 PM")).contains(LocalDateTime.of(2022, 8, 26, 20, 56));
    assertThat(Dates.sentAt("12/1/2023, 12:05 am")).contains(LocalDateTime.of(2023, 12, 1, 0, 5));
    assertThat(Dates.sentAt(" 1/31/24, 12:00\u202FPM ")).contains(LocalDateTime.of(2024, 1, 31, 12, 0));
    assertThat(Dates.sentAt("2/30/22, 8:56 PM")).isEmpty();
    assertThat(Dates.sentAt("8/26/22, 13:56 PM")).isEmpty();
    assertThat(Dates.sentAt("2022-08-26 20:56")).isEmpty();
  }

  /** Text near LinkedIn's form: its pieces, other digits and separators, in any order. */
  @Provide
  Arbitrary<String> sentAts() {
    Arbitrary<String> usual = Arbitraries.integers().between(0, 13).flatMap(month ->
        Arbitraries.integers().between(0, 32).flatMap(day ->
            Arbitraries.of("22", "2022", "1999", "022", "0", "20222", "99").flatMap(year ->
                Arbitraries.integers().between(0, 13).flatMap(hour ->
                    Arbitraries.of("00", "05", "59", "60", "5", "123").flatMap(minute ->
                        Arbitraries.of("AM", "PM", "am", "pM", "XM", "A", "PMX", "").flatMap(half ->
                            Arbitraries.of(" ", "\u202F", "\u00A0", "", "  ").map(space ->
                                month + "/" + day + "/" + year + ", " + hour + ":" + minute + space + half)))))));
    Arbitrary<String> padded = usual.map(s -> s.replaceFirst("^(\\d)/", "0$1/"));
    Arbitrary<String> pieces = Arbitraries.of("1", "12", "08", "/", ", ", ",", " ", ":", "30", "2024", "AM", "pm", "+1", "-")
        .list().ofMaxSize(12).map(list -> String.join("", list));
    return Arbitraries.oneOf(usual, padded, pieces);
  }

  @Property(tries = 5000)
  void readsAsTheFormattersDo(@ForAll("sentAts") String text) {
    Optional<LocalDateTime> byFormatters =
        Dates.sentAtByFormatters(text.strip().replace('\u202F', ' ').replace('\u00A0', ' '));
    assertThat(Dates.sentAt(text)).as("'%s'", text).isEqualTo(byFormatters);
  }

  @Property(tries = 3000)
  void writesAnExportsDateTimeAsTheFormatterDoes(
      @ForAll @net.jqwik.api.constraints.LongRange(min = -2_000_000_000_000L, max = 400_000_000_000L) long second,
      @ForAll("nanos") int nano) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(second, nano, java.time.ZoneOffset.UTC);
    assertThat(Dates.formatExportDateTime(t)).as("%s", t).isEqualTo(Dates.EXPORT_DATE_TIME.format(t));
  }

  /** Mostly whole seconds, as LinkedIn's minutes are; fractions of every length too. */
  @Provide
  Arbitrary<Integer> nanos() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.just(0)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 999_999_999)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(1_000_000, 500_000_000, 1000, 1)));
  }
}
