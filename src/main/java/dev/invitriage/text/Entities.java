package dev.invitriage.text;

import java.util.Map;

/** Decodes the HTML character references that exports and copy-paste leave in notes. */
public final class Entities {
  private Entities() {}

  private static final Map<String, String> NAMED =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("apos", "'"),
          Map.entry("quot", "\""),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("nbsp", " "),
          Map.entry("rsquo", "\u2019"),
          Map.entry("lsquo", "\u2018"),
          Map.entry("rdquo", "\u201D"),
          Map.entry("ldquo", "\u201C"),
          Map.entry("sbquo", "\u201A"),
          Map.entry("prime", "\u2032"),
          Map.entry("acute", "\u00B4"),
          Map.entry("grave", "`"),
          Map.entry("hellip", "\u2026"),
          Map.entry("ndash", "\u2013"),
          Map.entry("mdash", "\u2014"),
          Map.entry("zwj", ""),
          Map.entry("zwnj", ""),
          Map.entry("shy", ""),
          Map.entry("excl", "!"),
          Map.entry("period", "."),
          Map.entry("comma", ","),
          Map.entry("eacute", "é"),
          Map.entry("egrave", "è"),
          Map.entry("ecirc", "ê"),
          Map.entry("aacute", "á"),
          Map.entry("agrave", "à"),
          Map.entry("acirc", "â"),
          Map.entry("iacute", "í"),
          Map.entry("oacute", "ó"),
          Map.entry("uacute", "ú"),
          Map.entry("ntilde", "ñ"),
          Map.entry("atilde", "ã"),
          Map.entry("otilde", "õ"),
          Map.entry("ccedil", "ç"),
          Map.entry("auml", "ä"),
          Map.entry("ouml", "ö"),
          Map.entry("uuml", "ü"),
          Map.entry("szlig", "ß"));

  /** Decodes named and numeric references; anything malformed is left as it was. */
  public static String decode(String s) {
    int amp = s.indexOf('&');
    if (amp < 0) {
      return s;
    }
    // Into an array, the text between references copied in bulk: a note of the mix has one in
    // four hundred characters a reference, and a StringBuilder taking the rest one by one was a
    // tenth of judging such notes. A reference never decodes to more characters than it has.
    int n = s.length();
    char[] out = new char[n];
    int length = 0;
    int i = 0;
    while (amp >= 0) {
      s.getChars(i, amp, out, length);
      length += amp - i;
      i = amp;
      int semi = -1;
      for (int j = i + 1; j < n && j <= i + 10; j++) {
        char d = s.charAt(j);
        if (d == ';') {
          semi = j;
          break;
        }
        if (!Character.isLetterOrDigit(d) && d != '#') {
          break;
        }
      }
      String named = null;
      int cp = -1;
      if (semi >= 0 && s.charAt(i + 1) == '#' && semi - i > 2) {
        cp = numeric(s, i + 2, semi); // the common case ("&#39;"), without a substring
      } else if (semi >= 0) {
        named = entity(s.substring(i + 1, semi));
      }
      if (cp >= 0) {
        length += Character.toChars(cp, out, length);
        i = semi + 1;
      } else if (named != null) {
        named.getChars(0, named.length(), out, length);
        length += named.length();
        i = semi + 1;
      } else {
        out[length++] = '&';
        i++;
      }
      amp = s.indexOf('&', i);
    }
    s.getChars(i, n, out, length);
    length += n - i;
    return new String(out, 0, length);
  }

  /**
   * The code point of the numeric reference whose text after "&#" is {@code s[from..to)} ("39",
   * "x2019"), or -1 when that is no valid one; what {@link #entity} gives, without its strings.
   * The caller's scan allows at most nine characters, so no number overflows.
   */
  private static int numeric(String s, int from, int to) {
    int radix = 10;
    if (s.charAt(from) == 'x' || s.charAt(from) == 'X') {
      radix = 16;
      from++;
    }
    if (from == to) {
      return -1;
    }
    int cp = 0;
    for (int k = from; k < to; k++) {
      int digit = Character.digit(s.charAt(k), radix); // as Integer.parseInt reads digits
      if (digit < 0) {
        return -1;
      }
      cp = cp * radix + digit;
    }
    return Character.isValidCodePoint(cp) ? cp : -1;
  }

  private static String entity(String name) {
    if (name.length() > 1 && name.charAt(0) == '#') {
      try {
        int cp =
            name.charAt(1) == 'x' || name.charAt(1) == 'X'
                ? Integer.parseInt(name.substring(2), 16)
                : Integer.parseInt(name.substring(1));
        return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    String v = NAMED.get(name);
    return v != null ? v : NAMED.get(name.toLowerCase(java.util.Locale.ROOT));
  }
}
