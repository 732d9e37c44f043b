package dev.invitriage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Profile URLs fold into one form; the form is part of every invitation's id, so it must never
 * change: {@link ProfileUrl#normalise} is held to the regular expressions it was first written with.
 */
class ProfileUrlTest {

  @Example
  void theFormsOfOneProfileAreOne() {
    for (String url : List.of("https://www.linkedin.com/in/anna-smith/", "http://linkedin.com/in/Anna-Smith",
        " HTTPS://DE.LINKEDIN.COM/in/anna-smith?trk=x#top ", "www.linkedin.com/in/anna%2Dsmith//")) {
      assertThat(ProfileUrl.normalise(url)).as(url).isEqualTo("linkedin.com/in/anna-smith");
    }
  }

  @Example
  void aUrlWithoutSomeoneIsNone() {
    for (String url : List.of("", "   ", "https://www.linkedin.com/in/", "https://linkedin.com", "?x")) {
      assertThat(ProfileUrl.normalise(url)).as(url).isEmpty();
    }
    assertThat(ProfileUrl.normalise(null)).isEmpty();
  }

  @Example
  void otherHostsKeepTheirNames() {
    assertThat(ProfileUrl.normalise("ftp://www.example.com/x/")).isEqualTo("www.example.com/x");
    assertThat(ProfileUrl.normalise("abc.linkedin.com/in/x")).isEqualTo("abc.linkedin.com/in/x");
    assertThat(ProfileUrl.normalise("9x://de.linkedin.com/in/x")).isEqualTo("9x://de.linkedin.com/in/x");
  }

  /** URL-like text from the pieces that matter to each step, and some that do not. */
  @Provide
  Arbitrary<String> urls() {
    Arbitrary<String> piece = Arbitraries.of("https", "HTTP", "s3", "a+b.c-d", "9x", ":", "://", ":/", "/", "//",
        "www", "WWW", "ww", "de", "d", ".", "linkedin", "LinkedIn", ".linkedin.com", ".com", "com", "in", "anna-smith",
        "%2D", "%zz", "%", "+", "?trk=1", "#x", " ", "\t", "é", "İ", "\u2003", "-", "1");
    return piece.list().ofMaxSize(9).map(pieces -> String.join("", pieces));
  }

  @Property(tries = 5000)
  void foldsAsTheRegularExpressionsDid(@ForAll("urls") String url) {
    assertThat(ProfileUrl.normalise(url)).as("'%s'", url).isEqualTo(withRegularExpressions(url));
  }

  private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");
  private static final Pattern LINKEDIN_HOST = Pattern.compile("^(www|[a-z]{2})\\.linkedin\\.com");

  /** The normalisation as first written, the oracle. */
  private static String withRegularExpressions(String url) {
    String s = url.strip();
    int q = s.indexOf('?');
    int h = s.indexOf('#');
    int cut = q < 0 ? h : h < 0 ? q : Math.min(q, h);
    if (cut >= 0) {
      s = s.substring(0, cut);
    }
    if (s.indexOf('%') >= 0) {
      try {
        s = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException malformed) {
        // kept as it is
      }
    }
    s = s.toLowerCase(Locale.ROOT).strip();
    s = SCHEME.matcher(s).replaceFirst("");
    s = LINKEDIN_HOST.matcher(s).replaceFirst("linkedin.com");
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.equals("linkedin.com/in") || s.equals("linkedin.com") ? "" : s;
  }
}
