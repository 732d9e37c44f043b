package dev.invitriage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Names fold into one form; the form is part of the id of every invitation without a profile URL,
 * so it must never change: {@link Names#normalise} is held to the normaliser and regular
 * expression it was first written with.
 */
class NamesTest {

  @Example
  void spellingsOfOneNameAreOne() {
    assertThat(Names.normalise("  Anna\t\tMARIA  Smith ")).isEqualTo("anna maria smith");
    assertThat(Names.normalise("\uD835\uDC00nna Smith")).isEqualTo("anna smith"); // mathematical bold A
    assertThat(Names.normalise("Anna\u00A0Smith")).isEqualTo("anna smith");
    assertThat(Names.normalise(null)).isEmpty();
  }

  /** Name-like text: ASCII letters, every kind of white space and control, and some beyond ASCII. */
  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> piece = Arbitraries.of("Anna", "SMITH", "o'Brien", "Jean-Luc", " ", "  ", "\t", "\n", "\u000B", "\f",
        "\r", "\u001C", "\u001F", "\u0000", "\u007F", "~", "Z", "a", "@", "[", "`", "{", "\u00A0", "\u2003", "É", "İ",
        "\uD835\uDC00", "ﬁ", "Σ", "ß");
    return piece.list().ofMaxSize(8).map(pieces -> String.join("", pieces));
  }

  @Property(tries = 5000)
  void foldsAsTheNormaliserAndRegularExpressionDid(@ForAll("names") String name) {
    assertThat(Names.normalise(name)).as("'%s'", name).isEqualTo(asFirstWritten(name));
  }

  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

  private static String asFirstWritten(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return SPACES.matcher(s).replaceAll(" ").strip();
  }
}
