package dev.invitriage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * An invitation's id never changes: stores hold it, and re-imports find what they know by it. It
 * is the SHA-256 of the invitation's key, as the first stores made it.
 */
class InvitationIdTest {

  @Example
  void isTheIdStoresHold() {
    Invitation inv = new Invitation(Direction.INCOMING, "Dana Weiss", "https://www.linkedin.com/in/dana-w",
        "Mira Ek", "", LocalDateTime.of(2022, 8, 26, 20, 56), "hi");
    assertThat(InvitationId.of(inv).hex()).isEqualTo(reference(inv, "linkedin.com/in/dana-w", ""));
    assertThat(InvitationId.of(inv).hex()).isEqualTo("5a2b69e93a47aa04ae9d4edac435f813"); // as 1b52b2b made it
  }

  @Property(tries = 2000)
  void isTheSha256OfItsKey(@ForAll("texts") String url, @ForAll("texts") String name,
      @ForAll Direction direction, @ForAll("times") LocalDateTime sentAt) {
    Invitation inv = new Invitation(direction, name, url, "", "", sentAt, "");
    assertThat(InvitationId.of(inv, url, name).hex()).isEqualTo(reference(inv, url, name));
  }

  @Provide
  Arbitrary<String> texts() {
    // ASCII, Latin, CJK, emoji (surrogate pairs) and lone surrogates, which UTF-8 writes as '?'.
    return Arbitraries.oneOf(
            Arbitraries.strings().ascii().ofMaxLength(40),
            Arbitraries.strings().all().ofMaxLength(40),
            Arbitraries.of("zoë", "中文", "😀x", "a\uD800", "\uDC00b", "x\uD83D"))
        .list().ofMaxSize(3).map(l -> String.join("", l));
  }

  /**
   * Times as exports have them (to the minute or the second, years of four digits), and any other
   * a row may hold: years of fewer or more digits or before year 0, fractions of a second.
   */
  @Provide
  Arbitrary<LocalDateTime> times() {
    Arbitrary<LocalDateTime> seconds = Arbitraries.longs().between(0, 4_102_444_800L)
        .map(s -> LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC));
    return Arbitraries.oneOf(
        seconds,
        seconds.map(t -> t.withSecond(0)),
        Arbitraries.integers().between(-999_999_999, 999_999_999).flatMap(year -> Arbitraries.oneOf(
                Arbitraries.integers().between(0, 999_999_999), Arbitraries.of(0, 1_000, 5_000_000, 120_000_000))
            .map(nano -> LocalDateTime.of(year, 12, 31, 23, 59, 0, nano))),
        Arbitraries.of(-1, 0, 1, 999, 1000, 9999, 10_000).map(year -> LocalDateTime.of(year, 1, 2, 3, 4)));
  }

  /** The id as the first stores made it: SHA-256 of the key as one string, in UTF-8. */
  private static String reference(Invitation inv, String url, String name) {
    String person = url.isEmpty() ? "name:" + name : "url:" + url;
    String key = "v1\n" + inv.direction() + "\n" + person + "\n" + inv.sentAt();
    try {
      ByteBuffer digest = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
      return new InvitationId(digest.getLong(), digest.getLong()).hex();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
