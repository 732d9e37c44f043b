package dev.invitriage.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Puts people's names into one comparable form. */
public final class Names {
  private Names() {}

  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

  /**
   * NFKC-folds (so mathematical-script letters become plain ones), lower-cases, and collapses all
   * whitespace runs to one space. Two spellings of a name that differ only in these ways match.
   */
  public static String normalise(String name) {
    if (name == null) {
      return "";
    }
    if (isAscii(name)) {
      return normaliseAscii(name);
    }
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  /**
   * {@link #normalise} of a name in ASCII, which NFKC leaves as it is and whose only white space
   * is ASCII's, written out: an import normalises every row's name, and the normaliser and the
   * regular expression were a fifteenth of judging a row.
   */
  private static String normaliseAscii(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    boolean inSpace = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == ' ' || c >= '\t' && c <= '\r') { // \s: space, tab, line feed, vertical tab, form feed, return
        if (!inSpace) {
          sb.append(' ');
        }
        inSpace = true;
      } else {
        sb.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        inSpace = false;
      }
    }
    return sb.toString().strip();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
