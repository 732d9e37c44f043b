package dev.invitriage.classify;

import java.util.Set;

/**
 * Finds the e-mail addresses and URLs in a note's characters ({@code john.smith@acme.example},
 * {@code https://acme.example/jobs}, {@code www.acme.example}, {@code acme.com}): each becomes
 * one token of a {@link Canonical} note, never a phrase's or noise word.
 */
final class Links {
  private Links() {}

  /** Characters that may join the words of one link ("john.smith@acme.example"). */
  static boolean isLinkInner(char c) {
    return c == '.' || c == '@' || c == '-' || c == '_' || c == ':' || c == '/';
  }

  /** Characters before a chunk that may be a link, and characters that end it. */
  static final String CHUNK_END = " \n\t<>()[]{}\"'|,;:";

  /** Characters a link's last character may not be (sentence punctuation after it). */
  private static final String LINK_TRAILING = ".!?:;-_/'";

  /** Top-level domains that make a bare "acme.com" a link; only when typed in lower case. */
  private static final Set<String> TLDS =
      Set.of(
          "com", "org", "net", "io", "dev", "ai", "app", "tech", "info", "biz", "co", "uk", "eu",
          "de", "fr", "es", "nl", "pt", "br", "ch", "se", "dk", "fi", "pl", "cz", "ie", "ca",
          "au", "jp", "cn", "xyz", "gg", "ly", "mx", "ar", "cl", "ro", "gr", "tr", "za", "nz",
          "sg", "hk", "il", "ae", "lu", "no", "at", "be", "it", "in", "us", "me");

  /**
   * If the chunk starting at {@code from} is an e-mail address or URL, returns the index just
   * after it, otherwise -1. Only ASCII addresses are recognised; anything else stays words.
   */
  static int linkEnd(char[] s, int from, int len) {
    int end = from;
    while (end < len
        && s[end] > ' '
        && s[end] < 0x7F
        && (s[end] == ':' || CHUNK_END.indexOf(s[end]) < 0)) {
      end++;
    }
    while (end > from && LINK_TRAILING.indexOf(s[end - 1]) >= 0) {
      end--;
    }
    int n = end - from;
    if (n < 4) {
      return -1;
    }
    if (startsWithIgnoreCase(s, from, end, "https://")
        || startsWithIgnoreCase(s, from, end, "http://")) {
      return n > 8 ? end : -1;
    }
    int at = -1;
    for (int i = from; i < end; i++) {
      if (s[i] == '@') {
        if (at >= 0) {
          return -1;
        }
        at = i;
      }
    }
    if (at >= 0) {
      // local@domain.tld: something before the @, a dot in the domain, letters after it
      return at > from && isHost(s, at + 1, end, false) ? end : -1;
    }
    if (startsWithIgnoreCase(s, from, end, "www.")) {
      return n > 4 ? end : -1;
    }
    int slash = from;
    while (slash < end && s[slash] != '/') {
      slash++;
    }
    return isHost(s, from, slash, true) ? end : -1;
  }

  /** "acme.example", "mail.acme.co.uk": dot-separated labels ending in two or more letters. */
  private static boolean isHost(char[] s, int from, int to, boolean knownTld) {
    int lastDot = -1;
    int labelStart = from;
    for (int i = from; i < to; i++) {
      char c = s[i];
      if (c == '.') {
        if (i == labelStart) {
          return false;
        }
        lastDot = i;
        labelStart = i + 1;
      } else if (!Canonical.isAsciiAlnum(c) && c != '-') {
        return false;
      }
    }
    if (lastDot < 0 || to - lastDot - 1 < 2) {
      return false;
    }
    for (int i = lastDot + 1; i < to; i++) {
      boolean lower = s[i] >= 'a' && s[i] <= 'z';
      boolean upper = s[i] >= 'A' && s[i] <= 'Z';
      // A bare domain must end in a lower-case known TLD: "LinkedIn.It was" is two words.
      if (!(lower || (upper && !knownTld))) {
        return false;
      }
    }
    return !knownTld || TLDS.contains(new String(s, lastDot + 1, to - lastDot - 1));
  }

  private static boolean startsWithIgnoreCase(char[] s, int from, int end, String prefix) {
    if (end - from < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (Character.toLowerCase(s[from + i]) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
