package dev.invitriage.domain;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Puts LinkedIn profile URLs into one comparable form. */
public final class ProfileUrl {
  private ProfileUrl() {}

  /**
   * Returns {@code linkedin.com/in/<slug>} in lower case, percent-decoded, without scheme, {@code
   * www.} or country prefix, query, fragment or trailing slash. Returns the empty string for a
   * missing URL and for one with no slug (some exports redact every URL to {@code .../in}), since
   * those do not identify anybody. Other URLs are folded the same way but keep their host.
   */
  public static String normalise(String url) {
    if (url == null) {
      return "";
    }
    String s = url.strip();
    int cut = indexOfAny(s, '?', '#');
    if (cut >= 0) {
      s = s.substring(0, cut);
    }
    s = decode(s).toLowerCase(Locale.ROOT).strip();
    s = s.substring(schemeEnd(s));
    s = s.substring(linkedInSubdomainEnd(s));
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.equals("linkedin.com/in") || s.equals("linkedin.com") || s.isEmpty()) {
      return "";
    }
    return s;
  }

  /**
   * The end of a leading scheme and "://" ({@code ^[a-z][a-z0-9+.-]*://}), or 0. Written out, as
   * is the subdomain's test: every imported row's URL is normalised, and the two regular
   * expressions took a third of the time an import spends making a row's id.
   */
  private static int schemeEnd(String s) {
    if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
      return 0;
    }
    int i = 1;
    while (i < s.length() && isSchemeCharacter(s.charAt(i))) {
      i++;
    }
    return s.startsWith("://", i) ? i + "://".length() : 0;
  }

  /**
   * The length of a leading "www." or two-letter country subdomain before "linkedin.com"
   * ({@code ^(www|[a-z]{2})\.linkedin\.com}), or 0.
   */
  private static int linkedInSubdomainEnd(String s) {
    if (s.startsWith("www.linkedin.com")) {
      return "www.".length();
    }
    if (s.length() >= 2 && isAsciiLetter(s.charAt(0)) && isAsciiLetter(s.charAt(1))
        && s.startsWith(".linkedin.com", 2)) {
      return "xx.".length();
    }
    return 0;
  }

  private static boolean isAsciiLetter(char ch) {
    return ch >= 'a' && ch <= 'z';
  }

  private static boolean isSchemeCharacter(char ch) {
    return isAsciiLetter(ch) || ch >= '0' && ch <= '9' || ch == '+' || ch == '.' || ch == '-';
  }

  private static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    try {
      // '+' is literal in a path; URLDecoder would turn it into a space.
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return s;
    }
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    if (i < 0) {
      return j;
    }
    return j < 0 ? i : Math.min(i, j);
  }
}
