package dev.invitriage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The store's hash is FNV-1a over the bytes {@link String#getBytes} makes, whatever the text. */
class Fnv1aTest {

  @Property(tries = 3000)
  void isFnv1aOfTheUtf8Bytes(@ForAll("texts") String s) {
    assertThat(Fnv1a.of(s)).isEqualTo(reference(s));
  }

  @Property(tries = 1000)
  void addsPiecesAsTheirJoinedText(@ForAll("texts") String a, @ForAll("texts") String b, @ForAll @IntRange(max = 3) int pad) {
    // As template keys are hashed: token, space, token, each from a larger array.
    char[] text = ("#".repeat(pad) + a + b + "#").toCharArray();
    long h = Fnv1a.add(Fnv1a.START, text, pad, pad + a.length());
    h = Fnv1a.addAscii(h, ' ');
    h = Fnv1a.add(h, text, pad + a.length(), pad + a.length() + b.length());
    assertThat(h).isEqualTo(reference(a + " " + b));
  }

  @Example
  void ofNothingIsTheStart() {
    assertThat(Fnv1a.of("")).isEqualTo(Fnv1a.START).isEqualTo(reference(""));
  }

  @Provide
  Arbitrary<String> texts() {
    // ASCII, any character, and the hard cases: two and three byte characters, emoji (surrogate
    // pairs) and surrogates without their pair, which UTF-8 writes as '?'.
    return Arbitraries.oneOf(
            Arbitraries.strings().ascii().ofMaxLength(20),
            Arbitraries.strings().all().ofMaxLength(20),
            Arbitraries.of("zoë", "ß", "中文", "😀", "a\uD800", "\uDC00b", "x\uD83D", "\uDBFF\uDFFF"))
        .list().ofMaxSize(4).map(l -> String.join("", l));
  }

  private static long reference(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xFF;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
