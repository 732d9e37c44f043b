package dev.invitriage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Link tokens: e-mail addresses and URLs become one flagged token, ordinary words do not. */
class CanonicalTest {

  private static List<String> tokens(String raw) {
    Canonical c = Canonical.of(raw, Integer.MAX_VALUE);
    return Arrays.asList(c.tokens());
  }

  private static List<String> links(String raw) {
    Canonical c = Canonical.of(raw, Integer.MAX_VALUE);
    return java.util.stream.IntStream.range(0, c.size)
        .filter(k -> c.link[k])
        .mapToObj(c::token)
        .toList();
  }

  @Test
  void emailAddressBecomesOneLowerCaseLinkToken() {
    assertThat(tokens("Mail: John.Smith@Acme.example."))
        .containsExactly("mail", "john.smith@acme.example");
    assertThat(links("Mail: John.Smith@Acme.example.")).containsExactly("john.smith@acme.example");
  }

  @Test
  void urlsWithSchemeOrWwwBecomeOneLinkToken() {
    assertThat(links("see https://www.acme.example/jobs?id=42, or www.acme.example!"))
        .containsExactly("https://www.acme.example/jobs?id=42", "www.acme.example");
  }

  @Test
  void bareDomainNeedsAKnownLowerCaseTopLevelDomain() {
    assertThat(links("acme.com/careers")).containsExactly("acme.com/careers");
    assertThat(tokens("on LinkedIn.It was great"))
        .containsExactly("on", "linkedin", "it", "was", "great");
    assertThat(tokens("LinkedIn.Thanks")).containsExactly("linkedin", "thanks");
    assertThat(links("e.g. 3.14")).isEmpty();
  }

  @Test
  void phoneNumbersStayDigitTokens() {
    assertThat(tokens("+1 (555) 010-0100")).containsExactly("1", "555", "010", "0100");
  }

  @Test
  void barIsRecordedAsDashAndBar() {
    Canonical c = Canonical.of("John | CTO - Acme", Integer.MAX_VALUE);

    assertThat(c.breakBefore[1] & (Canonical.DASH | Canonical.BAR))
        .isEqualTo(Canonical.DASH | Canonical.BAR);
    assertThat(c.breakBefore[2] & Canonical.BAR).isZero();
  }

  @Test
  void aLinkCountsAsOneTokenTowardsTheLimit() {
    Canonical c = Canonical.of("a b john.smith@acme.example c", 3);

    assertThat(c.overflow).isTrue();
    assertThat(c.size).isEqualTo(3);
    assertThat(c.link[2]).isTrue();
  }
}
