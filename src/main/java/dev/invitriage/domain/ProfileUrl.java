package dev.invitriage.domain;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** Puts LinkedIn profile URLs into one comparable form. */
public final class ProfileUrl {
  private ProfileUrl() {}

  private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");
  private static final Pattern LINKEDIN_HOST = Pattern.compile("^(www|[a-z]{2})\\.linkedin\\.com");

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
    s = SCHEME.matcher(s).replaceFirst("");
    s = LINKEDIN_HOST.matcher(s).replaceFirst("linkedin.com");
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.equals("linkedin.com/in") || s.equals("linkedin.com") || s.isEmpty()) {
      return "";
    }
    return s;
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
