package dev.invitriage.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Character references as exports and copy-paste leave them in notes. */
class EntitiesTest {
  static Stream<Arguments> references() {
    return Stream.of(
        Arguments.of("I&#39;d like to connect", "I'd like to connect"),
        Arguments.of("I&#x2019;d &#X2019;d", "I\u2019d \u2019d"),
        Arguments.of("Tom &amp; Jerry &AMP; co", "Tom & Jerry & co"),
        Arguments.of("&lt;b&gt;&quot;hi&quot;&lt;/b&gt;", "<b>\"hi\"</b>"),
        Arguments.of("caf&eacute; &#233;", "café é"),
        Arguments.of("&#x1F600; rocket", "\uD83D\uDE00 rocket"),
        Arguments.of("a & b && c &", "a & b && c &"),
        Arguments.of("&unknown; &#; &#x; &#zz; &#9999999;", "&unknown; &#; &#x; &#zz; &#9999999;"),
        Arguments.of("&amp;#39; decoded once", "&#39; decoded once"),
        Arguments.of("no references at all", "no references at all"),
        Arguments.of("&nbsp;x&zwj;y", " xy"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("references")
  void decodesReferencesAndLeavesTheMalformedAsTheyWere(String encoded, String decoded) {
    assertThat(Entities.decode(encoded)).isEqualTo(decoded);
  }
}
