package dev.invitriage.classify;

/**
 * Whether the words at a note's end are a signature, by shape: after a sign-off, a dash or the
 * sender's name, names, job-title and company words, phone numbers, e-mail addresses and URLs,
 * but no sentence word. {@link NoiseGrammar} asks where a signature may stand; this says whether
 * what stands there is one. Any doubt makes it content, because calling a personal note noise is
 * the worst mistake the classifier can make.
 */
final class Signature {
  private Signature() {}

  /**
   * True when tokens {@code from..to} are a signature, not a sentence: at most {@link
   * Noise#MAX_SIGNATURE} items, each a name-like capitalised word, a job-title or company word, a
   * name particle or connector, the sender's name or initials, a pronoun set, a phone number (a
   * run of digit tokens on one line, 7 to 15 digits), an e-mail address or URL, or a label before
   * one of those. Any sentence word (unless it is the sender's name), other number or "P.S." makes
   * it content. {@code afterSenderName}: they follow the sender's own name, so plain lower-case
   * words are a title ("| cto at x"). {@code uncasedNames}: words of scripts without case may be
   * names.
   */
  static boolean spans(
      Canonical c,
      int from,
      int to,
      PersonName sender,
      boolean afterSenderName,
      boolean uncasedNames) {
    if (to <= from || Noise.words(c, from, to) > Noise.MAX_SIGNATURE_TOKENS) {
      return false;
    }
    if (!afterSenderName && !signedBySender(c, from, to, sender)) {
      return false; // "Hi Anna - KubeCon": with the sender known, a signature without them is content
    }
    boolean caseSignal = NoiseGrammar.anyCapital(c);
    // Without case signal, unknown plain words could be a sentence: allow a name's worth, or a
    // short title after the sender's own name ("john smith cto at x").
    int plainLeft = afterSenderName ? Noise.MAX_PLAIN_TITLE_WORDS : 2;
    int items = 0;
    for (int k = from; k < to; ) {
      items += c.alone(k) ? 1 : 3; // a letter of Thai or Chinese counts a third
      if (items > 3 * Noise.MAX_SIGNATURE) {
        return false;
      }
      if (c.link(k)) {
        k++;
        continue;
      }
      int phone = phoneEnd(c, k, to);
      if (phone > k) {
        k = phone;
        continue;
      }
      int pronouns = Noise.PRONOUNS.longestAt(c, k, to);
      if (pronouns > 1) {
        k += pronouns; // "(he/him)"
        continue;
      }
      if (k > from && Noise.CONNECTORS.contains(c, k)) {
        k++; // "Ahmed bin Said", "Head of Sales": even where the particle is a sentence word
        continue;
      }
      if (c.tokenEquals(k, "p") && k + 1 < to && c.tokenEquals(k + 1, "s")) {
        return false; // "P.S." introduces content
      }
      if (sender.contains(c, k) || c.capital(k) && c.tokenLength(k) == 1) {
        k++; // "- Will", "Best, B.C.", "Sri Wahyuni, M.T."
        continue;
      }
      if (Noise.isSentenceWord(c, k)
          && !isContactLabel(c, k, to)
          && !isInitial(c, k, to)
          && !(c.capital(k) && Noise.isJobWord(c, k)) // "AS", "SA": company forms
          && !Noise.inJobPhrase(c, k)) {
        return false;
      }
      if (isDigits(c, k) && c.tokenLength(k) <= 2 && k > from && c.breakBefore(k) == 0) {
        k++; // part of a company's name: "Brain Station 23", "Studio 54"
        continue;
      }
      if (!NoiseGrammar.isAlphabetic(c, k)) {
        return false; // "Q3", "2024": not a name, not a phone number
      }
      boolean known =
          Noise.isTitle(c, k)
              || Noise.isJobWord(c, k)
              || isContactLabel(c, k, to);
      if (!known) {
        if (Noise.GREETINGS.contains(c, k) || Noise.SIGN_OFFS.contains(c, k)
            || (k == from && Noise.CONNECTORS.contains(c, k))) {
          return false;
        }
        // A word without case (a name or company in Chinese, Arabic, ...) that is no sentence
        // word is taken as a name where a signature surely stands (after a sign-off, a dash, the
        // sender's name, or on a line of its own): such scripts say nothing by capitals, and
        // "祝您工作順利，也恭喜新公司開幕" has no function word to give it away.
        if (c.uncased(k) ? !uncasedNames : caseSignal ? !c.capital(k) : --plainLeft < 0) {
          return false;
        }
      }
      k++;
    }
    return true;
  }

  /**
   * End of a phone number starting at {@code k} (digit tokens not split by a comma, bar or line
   * break, 7 to 15 digits together), or {@code k} when there is none.
   */
  private static int phoneEnd(Canonical c, int k, int to) {
    int digits = 0;
    int end = k;
    boolean years = true;
    while (end < to && isDigits(c, end)
        && (end == k || (c.breakBefore(end) & PHONE_BREAKS) == 0)) {
      digits += c.tokenLength(end);
      years &= isYear(c, end);
      end++;
    }
    // "2015-2019" has a phone number's digits but is a span of years: content.
    return digits >= Noise.MIN_PHONE_DIGITS && digits <= Noise.MAX_PHONE_DIGITS && !years
        ? end
        : k;
  }

  /** Separators that end a phone number: two numbers on one line are split by a bar. */
  private static final int PHONE_BREAKS = Canonical.COMMA | Canonical.BAR | Canonical.NEWLINE;

  /** A label ("Tel", "E-mail", "LinkedIn") followed, maybe after more labels, by a number or link. */
  private static boolean isContactLabel(Canonical c, int k, int to) {
    int j = k;
    while (j < to && j - k < 3 && Noise.CONTACT_LABELS.contains(c, j) && !c.link(j)) {
      j++;
    }
    return j > k && j < to && (c.link(j) || phoneEnd(c, j, to) > j);
  }

  /**
   * True when tokens {@code from..to} hold the sender's name or initials, or the sender is not
   * known. A signature is the sender's: capitalised words after a dash or a greeting that are not
   * their name ("Hi Anna - KubeCon", "Let's connect - PyData Berlin") say where or why.
   */
  static boolean signedBySender(Canonical c, int from, int to, PersonName sender) {
    if (sender.isEmpty()) {
      return true; // nothing to check against: the shape alone decides
    }
    for (int k = from; k < to; k++) {
      if (sender.contains(c, k) || c.capital(k) && (sender.isInitial(c, k) || sender.isShortForm(c, k))) {
        return true;
      }
    }
    return false;
  }

  /** A capital letter with a dot before a capitalised name, such as the "J." of "J. Doe". */
  private static boolean isInitial(Canonical c, int k, int to) {
    return c.tokenLength(k) == 1
        && c.capital(k)
        && k + 1 < to
        && c.capital(k + 1)
        && (c.breakBefore(k + 1) & Canonical.OTHER) != 0;
  }

  private static boolean isYear(Canonical c, int k) {
    return c.tokenLength(k) == 4
        && (c.charAt(k, 0) == '1' && c.charAt(k, 1) == '9'
            || c.charAt(k, 0) == '2' && c.charAt(k, 1) == '0');
  }

  private static boolean isDigits(Canonical c, int k) {
    for (int i = 0; i < c.tokenLength(k); i++) {
      if (!Character.isDigit(c.charAt(k, i))) { // "۰۹۱۲" as well as "0912"
        return false;
      }
    }
    return c.tokenLength(k) > 0;
  }
}
