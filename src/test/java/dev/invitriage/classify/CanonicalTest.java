package dev.invitriage.classify;

import dev.invitriage.text.Entities;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** Link tokens: e-mail addresses and URLs become one flagged token, ordinary words do not. */
class CanonicalTest {

  private static List<String> tokens(String raw) {
    Canonical c = Canonical.of(raw, Integer.MAX_VALUE);
    return Arrays.asList(c.tokens());
  }

  private static List<String> links(String raw) {
    Canonical c = Canonical.of(raw, Integer.MAX_VALUE);
    return java.util.stream.IntStream.range(0, c.size)
        .filter(k -> c.link(k))
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

    assertThat(c.breakBefore(1) & (Canonical.DASH | Canonical.BAR))
        .isEqualTo(Canonical.DASH | Canonical.BAR);
    assertThat(c.breakBefore(2) & Canonical.BAR).isZero();
  }

  @Test
  void ofNoteStartTokenisesTheFirstWordsAndCountsTheRest() {
    String note = "one two three four five six seven eight";
    Canonical whole = Canonical.of(note, Integer.MAX_VALUE);

    Canonical start = Canonical.ofNoteStart(note, 10, 3);
    assertThat(start.size).isEqualTo(3);
    assertThat(start.truncated).isTrue();
    assertThat(start.overflow).as("eight words are within the limit of ten").isFalse();
    for (int k = 0; k < start.size; k++) {
      assertThat(start.token(k)).isEqualTo(whole.token(k));
    }

    Canonical counted = Canonical.ofNoteStart(note, 5, 3);
    assertThat(counted.truncated).isTrue();
    assertThat(counted.overflow).as("more than five words").isTrue();

    Canonical all = Canonical.ofNoteStart(note, 10, 8);
    assertThat(all.truncated).isFalse();
    assertThat(all.overflow).isFalse();
    assertThat(all.size).isEqualTo(whole.size);
  }

  @Test
  void aLinkCountsAsOneTokenTowardsTheLimit() {
    Canonical c = Canonical.of("a b john.smith@acme.example c", 3);

    assertThat(c.overflow).isTrue();
    assertThat(c.size).isEqualTo(3);
    assertThat(c.link(2)).isTrue();
  }

  @Test
  void onePassGivesTheTokensOfTwoPasses() {
    // Canonical.of prepares and tokenises most notes in one pass; inTwoPasses is the plain form.
    List<String> notes = new ArrayList<>();
    for (GoldenCase c : GoldenCase.load("golden.tsv")) {
      notes.add(Entities.decode(Entities.decode(c.message())));
      notes.add(c.sender());
    }
    String[] pieces = {
      "Hi", "Anna", "I'd", "like", "to", "ADD", "you", " ", "  ", ",", ".", "-", "|", "\n", "\r\n",
      "\t", "`", "'", "\u2019", "\u00B4", "\u200B", "\u00AD", "\u00A0", "\u3000", "\u2028",
      "\u0085", "\u0090", "\u001B[31m", "\u009B2J", "\u001B]0;x\u0007", "é", "E\u0301",
      "ß", "ẞ", "ς", "İ", "ǅ", "Ⅷ", "½", "ﬁ", "Ａ", "，", "、", "Жёлтый", "й", "你好", "ガ", "한국어",
      "أحمد", "\u093E", "\uD835\uDCD0", "\uD83D\uDE42", "\uD83C\uDDE9\uD83C\uDDEA", "\uD800",
      "\uDC00", "\u3164", "\uFE0F", "\u20DD", "co-founder", "3.14", "e.g.", "john@acme.example",
      "https://acme.example/jobs", "www.acme.example", "acme.com", "//", "he/him", "2024"
    };
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      StringBuilder note = new StringBuilder();
      for (int k = random.nextInt(40); k > 0; k--) {
        note.append(pieces[random.nextInt(pieces.length)]);
        if (random.nextBoolean()) {
          note.append(' ');
        }
      }
      notes.add(note.toString());
    }
    for (String note : notes) {
      for (int max : new int[] {Integer.MAX_VALUE, 1, 3, 8, 20}) {
        Canonical one = Canonical.of(note, max);
        Canonical two = note.isEmpty() ? one : Canonical.inTwoPasses(note, max);
        String at = GoldenCase.visible(note) + " at most " + max;
        assertThat(one.tokens()).as(at).containsExactly(two.tokens());
        assertThat(one.overflow).as(at).isEqualTo(two.overflow);
        assertThat(one.visible).as(at).isEqualTo(two.visible);
        for (int k = 0; k < one.size; k++) {
          assertThat(one.capital(k)).as(at).isEqualTo(two.capital(k));
          assertThat(one.breakBefore(k)).as(at).isEqualTo(two.breakBefore(k));
          assertThat(one.link(k)).as(at).isEqualTo(two.link(k));
          assertThat(one.tokenHash(k)).as(at).isEqualTo(one.token(k).hashCode());
        }
      }
    }
  }

  @Test
  void characterReferencesAnywhereGiveTheTokensOfTheDecodedNote() {
    // Canonical decodes references only once it reads an '&': one beyond the words it reads,
    // or inside a skipped escape sequence, must change nothing.
    String[] pieces = {
      "I", "d", "like", "to", "add", "you", " ", "&#39;", "&#x2019;", "&#65;", ".", "\u001B[31m",
      "\u001B]0;x&#39;y\u0007", "\n", "co-founder", "é", "&#233;"
    };
    Random random = new Random(5);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder note = new StringBuilder();
      for (int k = random.nextInt(30); k > 0; k--) {
        note.append(pieces[random.nextInt(pieces.length)]);
      }
      String encoded = note.toString();
      String plain = Entities.decode(encoded);
      for (int max : new int[] {1, 2, 4, 8, Integer.MAX_VALUE}) {
        Canonical a = Canonical.of(encoded, max);
        Canonical b = Canonical.of(plain, max);
        String at = GoldenCase.visible(encoded) + " at most " + max;
        assertThat(a.tokens()).as(at).containsExactly(b.tokens());
        assertThat(a.overflow).as(at).isEqualTo(b.overflow);
        assertThat(a.visible).as(at).isEqualTo(b.visible);
        for (int k = 0; k < a.size; k++) {
          assertThat(a.capital(k)).as(at).isEqualTo(b.capital(k));
          assertThat(a.breakBefore(k)).as(at).isEqualTo(b.breakBefore(k));
        }
      }
    }
  }
}
